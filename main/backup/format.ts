// Main process (plain Node). Never imports electron.
// The backup file (.shbk), format 1. One file, readable front to back:
//
//   "SAFEHOLD-BACKUP\n"          16-byte magic
//   u32 BE H, header JSON (H)    public: format, backup id, chunk size and count, image and keyring sizes
//   keyring.json bytes (K)       as on disk: wrapped keys and name lookups, no names; opens the data key
//   N chunks                     the store's page-encrypted file, 4 MiB at a time (older files 1 MiB), each
//                                nonce(12) | AES-256-GCM ciphertext | tag(16),
//                                AAD = (backup id, chunk index, is-last)
//   sealed manifest (M)          nonce(12) | AES-256-GCM(manifest JSON) | tag(16),
//                                AAD = magic | H | header | SHA-256(keyring bytes)
//   u32 BE M, "SHBK-END"         trailer
//
// Both AES keys come from the data key by HKDF-SHA256 (salt = backup id), one for the manifest and
// one for the chunks. The file never holds a readable page: the payload is the store file, which is
// itself encrypted page by page, encrypted again. Any changed, missing, extra or reordered byte fails
// an authentication tag, the chunk layout, or the manifest's SHA-256 of the image.
//
// Chunks are read and written in large sequential spans with one fsync at the end: a backup, a check
// and a restore each cost about one pass over the store's bytes (tools/bench/store-ops.ts measures it).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { damaged } from './errors';

export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = '.shbk';
export const DEFAULT_CHUNK_BYTES = 4 << 20;

export const MAGIC = Buffer.from('SAFEHOLD-BACKUP\n', 'latin1');
export const END = Buffer.from('SHBK-END', 'latin1');
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const SEAL_OVERHEAD = NONCE_BYTES + TAG_BYTES;
/** magic + u32 header length */
export const PREAMBLE_BYTES = MAGIC.length + 4;
/** u32 manifest length + end marker */
export const TRAILER_BYTES = 4 + END.length;

export const MAX_HEADER_BYTES = 4096;
export const MAX_KEYRING_BYTES = 8 << 20;
export const MAX_MANIFEST_BYTES = 64 << 10;
const MIN_CHUNK = 4096;
const MAX_CHUNK = 16 << 20;

const Hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`, 'u'));

export const BackupHeader = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    backupId: Hex(16),
    cipher: z.literal('aes-256-gcm'),
    kdf: z.literal('hkdf-sha256'),
    chunkBytes: z.number().int().min(MIN_CHUNK).max(MAX_CHUNK),
    chunks: z.number().int().min(1).max(1 << 24),
    imageBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER / 2),
    keyringBytes: z.number().int().min(2).max(MAX_KEYRING_BYTES),
  })
  .strict()
  .refine((h) => h.chunks === Math.ceil(h.imageBytes / h.chunkBytes), 'chunk count does not fit the image size');
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupManifest = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    backupId: Hex(16),
    createdAt: z.iso.datetime(),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(0),
    keyEpoch: z.number().int().positive(),
    storeCipher: z.string().max(20),
    imageBytes: z.number().int().min(1),
    chunks: z.number().int().min(1),
    imageSha256: Hex(32),
    /**
     * A digest of every row, in backups made before the store-copy speed-up. It is no longer made or
     * recomputed: the image's SHA-256 proves the restored bytes are the store file as read, the file
     * was read with an empty write-ahead log (so it held every committed row), and the page check,
     * row counts and access-log head are compared after. Reading every row again cost 4x the copy.
     */
    contentDigest: Hex(32).optional(),
    /** Rows per table: numbers only. */
    counts: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/u).max(64), z.number().int().min(0)),
    auditEntries: z.number().int().min(0),
    /** Hex MAC of the newest access-log entry in the image: the chain head, as an outside anchor. */
    auditHead: Hex(32),
  })
  .strict();
export type BackupManifest = z.infer<typeof BackupManifest>;

export interface BackupKeys {
  manifest: Buffer;
  payload: Buffer;
}

export function backupKeys(dataKey: Buffer, backupId: Buffer): BackupKeys {
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', dataKey, backupId, `safehold backup v${BACKUP_FORMAT} ${purpose}`, 32));
  return { manifest: derive('manifest'), payload: derive('payload') };
}

export function wipeKeys(keys: BackupKeys): void {
  keys.manifest.fill(0);
  keys.payload.fill(0);
}

export function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export function chunkAad(backupId: Buffer, index: number, last: boolean): Buffer {
  return Buffer.concat([Buffer.from(`safehold-backup-chunk-v${BACKUP_FORMAT}`, 'latin1'), backupId, u32(index), Buffer.from([last ? 1 : 0])]);
}

export function manifestAad(headerBytes: Buffer, keyringSha256: Buffer): Buffer {
  return Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes, keyringSha256]);
}

/** nonce | ciphertext | tag, as the parts to write one after the other (no copy into one buffer). */
export function sealParts(key: Buffer, plain: Buffer, aad: Buffer): Buffer[] {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = cipher.update(plain);
  const tail = cipher.final();
  return tail.length > 0 ? [nonce, body, tail, cipher.getAuthTag()] : [nonce, body, cipher.getAuthTag()];
}

/** nonce | ciphertext | tag */
export function seal(key: Buffer, plain: Buffer, aad: Buffer): Buffer {
  return Buffer.concat(sealParts(key, plain, aad));
}

/** The plaintext, or a `damaged` BackupError when any byte or the AAD differs. */
export function open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < SEAL_OVERHEAD) throw damaged();
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw damaged();
  }
}

/** Bytes of chunk `index` once sealed. */
export function sealedChunkBytes(header: Pick<BackupHeader, 'chunkBytes' | 'chunks' | 'imageBytes'>, index: number): number {
  const last = index === header.chunks - 1;
  return (last ? header.imageBytes - header.chunkBytes * (header.chunks - 1) : header.chunkBytes) + SEAL_OVERHEAD;
}

/** Where each region starts, from the public header. */
export function layout(headerBytes: number, header: BackupHeader): { keyringAt: number; chunksAt: number; manifestAt: number } {
  const keyringAt = PREAMBLE_BYTES + headerBytes;
  const chunksAt = keyringAt + header.keyringBytes;
  const manifestAt = chunksAt + header.imageBytes + header.chunks * SEAL_OVERHEAD;
  return { keyringAt, chunksAt, manifestAt };
}

/** safehold-backup-YYYYMMDD-HHMMSS.shbk, in UTC so the names sort the same on every machine. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/gu, '').replace('T', '-').slice(0, 15);
  return `safehold-backup-${stamp}${BACKUP_EXTENSION}`;
}
