// Issue 11 finding 6: crafted backups and special files cannot exhaust the machine. Key-derivation
// parameters read from any key file (a backup's keyring, keyring.json) are capped before use, with a
// plain refusal; only ordinary files are opened for import, backup inspection and restore (a FIFO,
// a device, a link to a device or a folder is refused at once), and the byte limit holds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupError } from '../../main/backup/errors';
import { BackupHeader, MAGIC, PREAMBLE_BYTES, u32, layout } from '../../main/backup/format';
import { backUpSession } from '../../main/backup/session';
import { readBackupFile, unlockBackup } from '../../main/backup/verify';
import { dataPaths } from '../../main/core/paths';
import { readRegularFile, RegularFileError } from '../../main/fs/regular-file';
import { ImportFileError, loadRows } from '../../main/import/source';
import * as kdf from '../../main/keys/kdf';
import { KeyringError, readKeyring } from '../../main/keys/keyring';
import { serverTextKey } from '../../renderer/src/i18n/serverText';
import { ADMIN, PASSPHRASE, setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

// The real Argon2id runs; over the ceiling the spy refuses instead of taking gigabytes, and says so.
vi.mock('../../main/keys/kdf', async (original) => {
  const real = await original<typeof kdf>();
  return {
    ...real,
    deriveKek: vi.fn((secret: string, params: kdf.KdfParams) => {
      if (params.memoryKiB > real.KDF_CEILING.memoryKiB || params.iterations > real.KDF_CEILING.iterations) {
        return Promise.reject(new Error(`derivation attempted with ${params.memoryKiB} KiB x ${params.iterations}`));
      }
      return real.deriveKek(secret, params);
    }),
  };
});
const derive = vi.mocked(kdf.deriveKek);

const HUGE = { memoryKiB: 4 * 1024 * 1024, iterations: 64, parallelism: 8 };

/** The same backup with its keyring's passphrase slots asking for `cost`; the layout still adds up. */
function withCostlyKeyring(bytes: Buffer, cost: object): Buffer {
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const header = BackupHeader.parse(JSON.parse(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength).toString('utf8')));
  const at = layout(headerLength, header);
  const keyring = JSON.parse(bytes.subarray(at.keyringAt, at.chunksAt).toString('utf8')) as { slots: { kdf?: object }[] };
  for (const slot of keyring.slots) if (slot.kdf) slot.kdf = { ...slot.kdf, ...cost };
  const keyringBytes = Buffer.from(JSON.stringify(keyring), 'utf8');
  const headerBytes = Buffer.from(JSON.stringify({ ...header, keyringBytes: keyringBytes.length }), 'utf8');
  return Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes, keyringBytes, bytes.subarray(at.chunksAt)]);
}

describe('key-derivation parameters from a file', () => {
  it('are refused above the ceiling and accepted up to the most calibration writes', () => {
    const base = kdf.newKdfParams(kdf.FLOOR_COST);
    for (const over of [HUGE, { memoryKiB: 1024 * 1024 }, { iterations: 33 }, { parallelism: 5 }, { memoryKiB: 512 * 1024, iterations: 17 }]) {
      expect(kdf.KdfParams.safeParse({ ...base, ...over }).success, JSON.stringify(over)).toBe(false);
    }
    expect(kdf.KdfParams.safeParse({ ...base, memoryKiB: 256 * 1024, iterations: 32 }).success).toBe(true);
    expect(kdf.KdfParams.safeParse({ ...base, memoryKiB: 512 * 1024, iterations: 16, parallelism: 4 }).success).toBe(true);
  });

  it('in a backup keyring are refused with a plain message before any derivation', async () => {
    const t = await setUpCore();
    const folder = tempDir('safehold-usb-');
    const made = backUpSession(t.control.current!, dataPaths(t.dataDir), folder, t.clock.now());
    const crafted = join(folder, 'crafted.shbk');
    writeFileSync(crafted, withCostlyKeyring(readFileSync(made.file), HUGE));
    derive.mockClear();
    const work = tempDir('safehold-work-');
    const refusal = await unlockBackup(readBackupFile(crafted), work, { name: ADMIN, passphrase: PASSPHRASE }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).message).toMatch(/more memory or time/u);
    expect(serverTextKey((refusal as BackupError).message)?.key).toBe('server.backupTooCostly');
    expect(derive).not.toHaveBeenCalled();
  });

  it('in keyring.json are refused with a plain message', async () => {
    const t = await setUpCore();
    const path = dataPaths(t.dataDir).keyring;
    const keyring = JSON.parse(readFileSync(path, 'utf8')) as { slots: { kdf?: object }[] };
    for (const slot of keyring.slots) if (slot.kdf) slot.kdf = { ...slot.kdf, ...HUGE };
    writeFileSync(path, JSON.stringify(keyring));
    expect(() => readKeyring(path)).toThrow(KeyringError);
    expect(() => readKeyring(path)).toThrow(/more memory or time/u);
  });
});

describe('special files', () => {
  const writers: ChildProcess[] = [];
  afterEach(() => {
    for (const child of writers.splice(0)) child.kill('SIGKILL');
  });

  /** A FIFO with a writer that holds it open for a few seconds and writes nothing. */
  function fifo(path: string): string {
    const made = spawnSync('mkfifo', [path]);
    if (made.status !== 0) throw new Error('mkfifo failed');
    writers.push(spawn('sh', ['-c', 'exec 3>"$1"; sleep 3', 'sh', path], { stdio: 'ignore' }));
    return path;
  }

  it('refuses a FIFO, a link to /dev/zero or /dev/null and a folder as an import, at once', () => {
    const dir = tempDir();
    const cases = [fifo(join(dir, 'pipe.csv')), join(dir, 'zero.csv'), join(dir, 'null.csv'), join(dir, 'folder.csv'), join(dir, 'zero.xlsx')];
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    symlinkSync('/dev/null', join(dir, 'null.csv'));
    symlinkSync('/dev/zero', join(dir, 'zero.xlsx'));
    mkdirSync(join(dir, 'folder.csv'));
    for (const file of cases) {
      let error: unknown;
      try {
        loadRows({ file });
      } catch (e) {
        error = e;
      }
      expect(error, file).toBeInstanceOf(ImportFileError);
      if (!file.endsWith('folder.csv')) expect((error as Error).message, file).toMatch(/not an ordinary file/u);
      // The screen says it in the person's language.
      expect(serverTextKey((error as Error).message), file).not.toBeNull();
    }
  });

  it('refuses a FIFO and a link to /dev/zero as a backup, at once', () => {
    const dir = tempDir();
    const pipe = fifo(join(dir, 'pipe.shbk'));
    symlinkSync('/dev/zero', join(dir, 'zero.shbk'));
    for (const file of [pipe, join(dir, 'zero.shbk')]) {
      let error: unknown;
      try {
        readBackupFile(file);
      } catch (e) {
        error = e;
      }
      expect(error, file).toBeInstanceOf(BackupError);
      expect((error as BackupError).message, file).toMatch(/not an ordinary file/u);
      expect(serverTextKey((error as BackupError).message)?.key, file).toBe('server.backupNotOrdinaryFile');
    }
  });

  it('follows a link to an ordinary file, and keeps the byte limit', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.csv'), 'chosen_name\nAna\n');
    symlinkSync(join(dir, 'real.csv'), join(dir, 'link.csv'));
    expect(loadRows({ file: join(dir, 'link.csv') }).map((r) => r.cells)).toEqual([['chosen_name'], ['Ana']]);
    expect(readRegularFile(join(dir, 'real.csv'), 16).toString('utf8')).toBe('chosen_name\nAna\n');
    expect(() => readRegularFile(join(dir, 'real.csv'), 15)).toThrow(RegularFileError);
  });
});
