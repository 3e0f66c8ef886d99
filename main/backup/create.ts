// Main process (plain Node). Never imports electron.
// Making a backup of the open store without a readable copy anywhere: the write-ahead log is emptied
// into the (page-encrypted) store file, whose bytes are then encrypted again, chunk by chunk, under a
// key derived from the data key, and written beside the keyring and a sealed manifest. Never
// db.backup() or VACUUM INTO: both write plaintext with this cipher (research P5).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import { version as appVersion } from '../../package.json';
import type { DataPaths } from '../core/paths';
import { fsyncDirectory } from '../fs/atomic';
import { readKeyring } from '../keys/keyring';
import { STORE_CIPHER } from '../store/cipher';
import type { Db } from '../store/open';
import { BackupError } from './errors';
import { storeFacts } from './facts';
import {
  BACKUP_FORMAT,
  backupFileName,
  backupKeys,
  chunkAad,
  DEFAULT_CHUNK_BYTES,
  END,
  MAGIC,
  manifestAad,
  seal,
  sealParts,
  u32,
  wipeKeys,
  type BackupHeader,
  type BackupManifest,
} from './format';

export interface BackupSource {
  paths: DataPaths;
  /** The open store: nothing else may write to it while the backup is made (it is synchronous). */
  db: Db;
  dataKey: Buffer;
  now: Date;
  /** Tests use small chunks to have many of them. */
  chunkBytes?: number;
}

export interface CreatedBackup {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/** Chunks read and written per system call: large sequential I/O, a bounded buffer. */
const SPAN_BYTES = 16 << 20;

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
}

/** Writes the buffers in order with as few system calls as the kernel allows. */
function writeAllParts(fd: number, parts: Buffer[]): void {
  let written = writevSync(fd, parts);
  for (const part of parts) {
    if (written >= part.length) {
      written -= part.length;
      continue;
    }
    writeAll(fd, part.subarray(written));
    written = 0;
  }
}

function readExactly(fd: number, buffer: Buffer, position: number): void {
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw new BackupError('not-written', 'The store changed while it was being backed up. Try again.');
    done += n;
  }
}

function freeName(folder: string, at: Date): string {
  const base = backupFileName(at);
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : base.replace(/\.shbk$/u, `-${n}.shbk`);
    if (!existsSync(join(folder, name))) return join(folder, name);
  }
}

export function createBackup(source: BackupSource, folder: string): CreatedBackup {
  const { paths, db, now } = source;
  const chunkBytes = source.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new BackupError('missing', 'That folder could not be found. Choose a folder that exists (plug the drive in first).');
  }
  const keyringBytes = readFileSync(paths.keyring);
  const keyring = readKeyring(paths.keyring);

  // Everything below runs without yielding, so no write can land between the facts, the checkpoint
  // and the copy of the file's bytes.
  const facts = storeFacts(db);
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (!checkpoint || checkpoint.busy !== 0) throw new BackupError('not-written', 'The store is busy. Try the backup again in a moment.');
  // An empty write-ahead log is what makes the store file alone hold every committed row.
  if (existsSync(`${paths.store}-wal`) && statSync(`${paths.store}-wal`).size !== 0) {
    throw new BackupError('not-written', 'The store is busy. Try the backup again in a moment.');
  }

  const backupId = randomBytes(16);
  const keys = backupKeys(source.dataKey, backupId);
  const file = freeName(folder, now);
  const temp = join(folder, `.${backupId.toString('hex')}.shbk.tmp`);
  const storeFd = openSync(paths.store, 'r');
  let out: number | null = null;
  try {
    const imageBytes = fstatSync(storeFd).size;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      backupId: backupId.toString('hex'),
      cipher: 'aes-256-gcm',
      kdf: 'hkdf-sha256',
      chunkBytes,
      chunks: Math.ceil(imageBytes / chunkBytes),
      imageBytes,
      keyringBytes: keyringBytes.length,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    out = openSync(temp, 'wx', 0o600);
    writeAll(out, Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes, keyringBytes]));

    // One pass: a span of whole chunks is read, each chunk hashed and sealed, the span written at once.
    const imageHash = createHash('sha256');
    // (At most 256 chunks, so one writev stays well inside the kernel's limit on buffers.)
    const perSpan = Math.max(1, Math.min(256, Math.floor(SPAN_BYTES / chunkBytes)));
    const span = Buffer.allocUnsafe(Math.min(perSpan * chunkBytes, imageBytes));
    for (let first = 0; first < header.chunks; first += perSpan) {
      const end = Math.min(header.chunks, first + perSpan);
      const spanBytes = Math.min(end * chunkBytes, imageBytes) - first * chunkBytes;
      readExactly(storeFd, span.subarray(0, spanBytes), first * chunkBytes);
      const parts: Buffer[] = [];
      for (let index = first; index < end; index += 1) {
        const at = (index - first) * chunkBytes;
        const part = span.subarray(at, Math.min(at + chunkBytes, spanBytes));
        imageHash.update(part);
        parts.push(...sealParts(keys.payload, part, chunkAad(backupId, index, index === header.chunks - 1)));
      }
      writeAllParts(out, parts);
    }
    if (fstatSync(storeFd).size !== imageBytes) throw new BackupError('not-written', 'The store changed while it was being backed up. Try again.');

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      backupId: header.backupId,
      createdAt: now.toISOString(),
      appVersion,
      schemaVersion: facts.schemaVersion,
      keyEpoch: keyring.keyEpoch,
      storeCipher: STORE_CIPHER,
      imageBytes,
      chunks: header.chunks,
      imageSha256: imageHash.digest('hex'),
      counts: facts.counts,
      auditEntries: facts.auditEntries,
      auditHead: facts.auditHead,
    };
    const keyringSha = createHash('sha256').update(keyringBytes).digest();
    const sealed = seal(keys.manifest, Buffer.from(JSON.stringify(manifest), 'utf8'), manifestAad(headerBytes, keyringSha));
    writeAll(out, Buffer.concat([sealed, u32(sealed.length), END]));
    fsyncSync(out);
    const bytes = fstatSync(out).size;
    closeSync(out);
    out = null;
    renameSync(temp, file);
    fsyncDirectory(folder);
    return { file, bytes, manifest };
  } catch (error) {
    if (out !== null) closeSync(out);
    rmSync(temp, { force: true });
    if (error instanceof BackupError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new BackupError(
      'not-written',
      code === 'ENOSPC'
        ? 'The backup folder is full. Nothing was written; free some space or choose another drive.'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'Safehold may not write to that folder. Choose another one.'
          : 'The backup could not be written. Nothing was left behind; try again or choose another folder.',
    );
  } finally {
    closeSync(storeFd);
    wipeKeys(keys);
  }
}
