// Development tooling: whole-store operations (backup, restore, data-key rotation) against what the
// disk and node:crypto allow for the same bytes. The limit is one pass that reads the store file,
// encrypts it (AES-256-GCM) and hashes it (SHA-256) in large chunks, writes it and fsyncs once: no
// Safehold operation that must read, protect and write the whole store can beat it, so each is
// reported as a ratio to it, measured in the same run on the same store.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SafeholdCore } from '../../main/core/app';
import type { SessionControl } from '../../main/core/session-control';
import type { Emit } from './caseload';

const LIMIT_CHUNK = 8 << 20;

/** Milliseconds to read, AES-256-GCM encrypt, SHA-256 hash, write and fsync the file's bytes once. */
export function storeCopyLimitMs(storePath: string, outDir: string): number {
  const start = performance.now();
  const key = randomBytes(32);
  const input = openSync(storePath, 'r');
  const outPath = join(outDir, 'limit.bin');
  const output = openSync(outPath, 'wx', 0o600);
  try {
    const size = fstatSync(input).size;
    const buffer = Buffer.allocUnsafe(LIMIT_CHUNK);
    const hash = createHash('sha256');
    for (let at = 0; at < size; ) {
      const n = readSync(input, buffer, 0, Math.min(LIMIT_CHUNK, size - at), at);
      if (n === 0) break;
      const plain = buffer.subarray(0, n);
      hash.update(plain);
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const sealed = [nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()];
      for (const part of sealed) for (let done = 0; done < part.length; ) done += writeSync(output, part, done);
      at += n;
    }
    hash.digest();
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
    rmSync(outPath, { force: true });
  }
  return performance.now() - start;
}

export interface StoreOpsInput {
  core: SafeholdCore;
  control: SessionControl;
  storePath: string;
  recoveryKey: string;
  signIn: { name: string; passphrase: string };
}

/** backup_ms, restore_ms and rekey_ms of the open store through the dispatcher, each with its ratio to the limit. */
export async function benchStoreOps(input: StoreOpsInput, emit: Emit): Promise<void> {
  const { core, control } = input;
  const folder = mkdtempSync(join(tmpdir(), 'safehold-bench-backup-'));
  try {
    // The limit is read from the store file as the backup will read it: with the write-ahead log emptied into it.
    control.current!.db.pragma('wal_checkpoint(TRUNCATE)');
    const limitMs = storeCopyLimitMs(input.storePath, folder);
    emit('store_copy_limit_ms', limitMs, 'ms');

    let start = performance.now();
    const made = await core.dispatch('backup.create', { folder });
    const backupMs = performance.now() - start;
    if (!made.ok) throw new Error(`backup failed: ${made.error.code}`);
    emit('backup_ms', backupMs, 'ms');
    emit('backup_ratio', backupMs / limitMs, 'x');
    emit('backup_mib', (made.value as { bytes: number }).bytes / 2 ** 20, 'MiB');

    await core.dispatch('session.lock', {});
    start = performance.now();
    const restored = await core.dispatch('backup.restore', { file: (made.value as { file: string }).file, recoveryKey: input.recoveryKey });
    const restoreMs = performance.now() - start;
    if (!restored.ok) throw new Error(`restore failed: ${restored.error.code}`);
    emit('restore_ms', restoreMs, 'ms');
    emit('restore_ratio', restoreMs / limitMs, 'x');
    const unlocked = await core.dispatch('session.unlock', input.signIn);
    if (!unlocked.ok) throw new Error(`unlock after restore failed: ${unlocked.error.code}`);

    // Rotating the data key of this store: copy, rekey, verify, commit, swap.
    start = performance.now();
    control.rotateKey();
    const rekeyMs = performance.now() - start;
    emit('rekey_ms', rekeyMs, 'ms');
    emit('rekey_ratio', rekeyMs / limitMs, 'x');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
