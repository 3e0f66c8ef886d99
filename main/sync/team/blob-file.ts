// Main process (plain Node). Never imports electron. Never opens the store.
// A document's content in the shared folder: one immutable file per blob, `<laptop>/b-<name>.shd`,
// where name = HMAC-SHA256(blob key, content pieces) (so the hash of a known file says nothing to
// anyone without the key). Format: `SHDB | u8 version | u32 piece count`, then per piece
// `u32 length | nonce(12) | AES-256-GCM ciphertext | tag(16)` under HKDF-SHA256(blob key, salt = name),
// AAD = (name, piece index, piece count), so a piece altered, swapped, dropped or cut short fails,
// and bytes after the last piece make the file refused. Written under a temporary name, flushed and
// renamed (a reader never sees half a file under its real name); read one piece at a time, so a
// 200 MB document never sits whole in memory.
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, type Hmac } from 'node:crypto';
import { join } from 'node:path';
import { fsyncDirectory } from '../../fs/atomic';
import { openRegularFile } from '../../fs/regular-file';
import { DOCUMENT_CHUNK_BYTES, MAX_DOCUMENT_LIMIT_MB } from '../../../shared/schemas/documents';

const MAGIC = Buffer.from('SHDB', 'latin1');
export const BLOB_VERSION = 1;
const HEADER = MAGIC.length + 1 + 4;
const NONCE = 12;
const TAG = 16;
/** A piece is a plaintext chunk, or a restricted document's stored chunk (itself nonce | ciphertext | tag). */
const MAX_PIECE = DOCUMENT_CHUNK_BYTES + 2 * (NONCE + TAG);
const MAX_PIECES = MAX_DOCUMENT_LIMIT_MB + 1;

const BLOB_FILE = /^b-([0-9a-f]{64})\.shd$/u;
export const blobFileName = (name: string): string => `b-${name}.shd`;
export const blobNameOf = (fileName: string): string | null => BLOB_FILE.exec(fileName)?.[1] ?? null;

export type BlobRefusal = 'damaged' | 'newer-format';

export class BlobRefused extends Error {
  constructor(readonly reason: BlobRefusal) {
    super(`blob refused: ${reason}`);
    this.name = 'BlobRefused';
  }
}

/** The keyed hash that names a blob: fed each piece in order (its length first, so pieces cannot be re-cut). */
export function blobHasher(key: Buffer): { update(piece: Buffer): void; name(): string } {
  const mac: Hmac = createHmac('sha256', key).update('safehold blob v1');
  const len = Buffer.alloc(4);
  return {
    update(piece) {
      len.writeUInt32BE(piece.length);
      mac.update(len).update(piece);
    },
    name: () => mac.digest('hex'),
  };
}

const pieceKey = (key: Buffer, name: string) => Buffer.from(hkdfSync('sha256', key, Buffer.from(name, 'hex'), 'safehold blob v1 pieces', 32));
const pieceAad = (name: string, index: number, count: number) => Buffer.from(JSON.stringify(['safehold-blob-piece', BLOB_VERSION, name, index, count]), 'utf8');

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
}

/**
 * Writes the blob into this laptop's folder. piece(i) gives each piece's bytes (wiped here after
 * use); null gives up (nothing is left behind). Returns whether the file was written.
 */
export function writeBlobFile(folder: string, laptop: string, name: string, key: Buffer, count: number, piece: (index: number) => Buffer | null): boolean {
  const dir = join(folder, laptop);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${blobFileName(name)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  const k = pieceKey(key, name);
  let done = false;
  try {
    const header = Buffer.alloc(HEADER);
    MAGIC.copy(header, 0);
    header.writeUInt8(BLOB_VERSION, MAGIC.length);
    header.writeUInt32BE(count, MAGIC.length + 1);
    writeAll(fd, header);
    for (let i = 0; i < count; i += 1) {
      const plain = piece(i);
      if (!plain) return false;
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', k, nonce);
      cipher.setAAD(pieceAad(name, i, count));
      const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      plain.fill(0);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(sealed.length);
      writeAll(fd, len);
      writeAll(fd, sealed);
    }
    fsyncSync(fd);
    done = true;
  } finally {
    k.fill(0);
    closeSync(fd);
    if (!done) rmSync(temp, { force: true });
  }
  renameSync(temp, join(dir, blobFileName(name)));
  fsyncDirectory(dir);
  return true;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const out = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, position + got);
    if (n === 0) throw new BlobRefused('damaged');
    got += n;
  }
  return out;
}

/**
 * Reads, authenticates and hands over each piece in order (onPiece may keep or wipe it). Throws
 * BlobRefused for a file that is not whole, was altered, has the wrong number of pieces or was
 * written by a newer Safehold; the caller undoes whatever it did with the pieces before.
 */
export function readBlobFile(path: string, name: string, key: Buffer, count: number, onPiece: (index: number, piece: Buffer) => void): void {
  let fd: number;
  let size: number;
  try {
    // Only an ordinary file: a FIFO put in the folder would otherwise block this thread at the open.
    ({ fd, size } = openRegularFile(path));
  } catch {
    throw new BlobRefused('damaged');
  }
  const k = pieceKey(key, name);
  try {
    if (size < HEADER) throw new BlobRefused('damaged');
    const header = readExactly(fd, HEADER, 0);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new BlobRefused('damaged');
    if (header.readUInt8(MAGIC.length) > BLOB_VERSION) throw new BlobRefused('newer-format');
    if (header.readUInt8(MAGIC.length) !== BLOB_VERSION) throw new BlobRefused('damaged');
    const declared = header.readUInt32BE(MAGIC.length + 1);
    if (declared !== count || count < 1 || count > MAX_PIECES) throw new BlobRefused('damaged');
    let at = HEADER;
    for (let i = 0; i < count; i += 1) {
      const length = readExactly(fd, 4, at).readUInt32BE(0);
      at += 4;
      if (length < NONCE + TAG || length > MAX_PIECE + NONCE + TAG || at + length > size) throw new BlobRefused('damaged');
      const sealed = readExactly(fd, length, at);
      at += length;
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, sealed.subarray(0, NONCE));
        decipher.setAAD(pieceAad(name, i, count));
        decipher.setAuthTag(sealed.subarray(length - TAG));
        plain = Buffer.concat([decipher.update(sealed.subarray(NONCE, length - TAG)), decipher.final()]);
      } catch {
        throw new BlobRefused('damaged');
      }
      onPiece(i, plain);
    }
    if (at !== size) throw new BlobRefused('damaged');
  } finally {
    k.fill(0);
    closeSync(fd);
  }
}
