// Runs in the Electron main process; may import electron.
// The access log's outside anchor in the app: encrypted with the OS keychain's key through Electron
// safeStorage, in a folder beside (not inside) the data folder, so copying an older data folder back
// is noticed at the next sign-in. Where safeStorage has no real keychain (Linux's 'basic_text'
// backend), the anchor is kept as plain text: it holds no secret, only a sequence number and a MAC.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import type { AnchorKeeper } from '../audit/anchor';
import { writeFileAtomic } from '../fs/atomic';

const PLAIN = 'plain:';

function keychainUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function keychainAnchorKeeper(dir = join(app.getPath('appData'), 'Safehold anchors')): AnchorKeeper {
  const file = (storeId: string) => join(dir, `${storeId}.bin`);
  return {
    read(storeId) {
      if (!existsSync(file(storeId))) return null;
      const bytes = readFileSync(file(storeId));
      if (bytes.subarray(0, PLAIN.length).toString('utf8') === PLAIN) return bytes.subarray(PLAIN.length).toString('utf8');
      try {
        return safeStorage.decryptString(bytes);
      } catch {
        // The keychain no longer opens it (a new OS account or keychain): read as no record here.
        return null;
      }
    },
    write(storeId, text) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileAtomic(file(storeId), keychainUsable() ? safeStorage.encryptString(text) : Buffer.from(`${PLAIN}${text}`, 'utf8'));
    },
    remove: (storeId) => rmSync(file(storeId), { force: true }),
  };
}
