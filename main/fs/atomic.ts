// Main process (plain Node). Never imports electron.
// Crash-safe replacement of small files (keyring, preferences): a reader sees the old file or the
// new one, never a truncated mix, even after a power cut mid-write.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export function fsyncDirectory(dir: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** midway: called once half the bytes are in the temporary file (the sync kill tests pause there). */
export function writeFileAtomic(path: string, data: string | Buffer, midway?: () => void): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    if (midway) {
      const half = Math.floor(bytes.length / 2);
      while (offset < half) offset += writeSync(fd, bytes, offset, half - offset);
      midway();
    }
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dir);
}
