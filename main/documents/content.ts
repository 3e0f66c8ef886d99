// Main process (plain Node). Never imports electron.
// A document's content: AES-256-GCM chunks of DOCUMENT_CHUNK_BYTES, each nonce(12) | ciphertext | tag(16)
// with AAD = (document id, chunk index, chunk count), like the backup format's chunks, under a key
// derived by HKDF-SHA256 from a base key with the document id as salt. The base key is the store's
// documents key, or for a restricted document a key made for it and sealed to its readers, so the
// data key alone does not open it. Plaintext only ever exists in memory, one file at a time.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DOCUMENT_CHUNK_BYTES } from '../../shared/schemas/documents';
import type { Identity } from '../keys/identity';
import { newSealedKey, openCopy, type CopyKind } from '../keys/sealed-copies';
import type { Db } from '../store/open';

const NONCE = 12;
const TAG = 16;

export function documentsKeyOf(db: Db): Buffer {
  const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'documents_key'").get();
  if (!row || !/^[0-9a-f]{64}$/u.test(row.value)) throw new Error('The documents key is missing from the store.');
  return Buffer.from(row.value, 'hex');
}

function chunkKey(baseKey: Buffer, documentId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', baseKey, Buffer.from(documentId, 'hex'), 'safehold document v1 chunks', 32));
}

const chunkAad = (documentId: string, index: number, count: number) => Buffer.from(JSON.stringify(['safehold-document-chunk', 1, documentId, index, count]), 'utf8');

/** A keyed digest of the content: tells two copies of one file apart from others without naming the file to someone without the key. */
export function contentDigest(baseKey: Buffer, content: Buffer): string {
  return createHmac('sha256', baseKey).update(content).digest('hex');
}

/** Encrypts and stores one chunk of `count` (the key is derived per call: callers writing many use writeContent). */
function sealChunk(key: Buffer, documentId: string, index: number, count: number, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(chunkAad(documentId, index, count));
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Encrypts and stores the whole content; returns the chunk count. */
export function writeContent(db: Db, documentId: string, baseKey: Buffer, content: Buffer): number {
  const count = Math.max(1, Math.ceil(content.length / DOCUMENT_CHUNK_BYTES));
  const key = chunkKey(baseKey, documentId);
  const insert = db.prepare('INSERT INTO document_chunks (document_id, seq, sealed) VALUES (?, ?, ?)');
  try {
    for (let i = 0; i < count; i += 1) {
      insert.run(documentId, i, sealChunk(key, documentId, i, count, content.subarray(i * DOCUMENT_CHUNK_BYTES, (i + 1) * DOCUMENT_CHUNK_BYTES)));
    }
  } finally {
    key.fill(0);
  }
  return count;
}

/** Encrypts and stores one chunk of a document whose content arrives piece by piece (team sync). */
export function writeChunk(db: Db, documentId: string, baseKey: Buffer, index: number, count: number, plain: Buffer): void {
  const key = chunkKey(baseKey, documentId);
  try {
    db.prepare('INSERT INTO document_chunks (document_id, seq, sealed) VALUES (?, ?, ?)').run(documentId, index, sealChunk(key, documentId, index, count, plain));
  } finally {
    key.fill(0);
  }
}

/** One chunk's plaintext, or null when it is missing or does not authenticate (altered, swapped, wrong key). */
export function readChunk(db: Db, documentId: string, baseKey: Buffer, index: number, count: number): Buffer | null {
  const row = db.prepare<[string, number], { sealed: Buffer }>('SELECT sealed FROM document_chunks WHERE document_id = ? AND seq = ?').get(documentId, index);
  if (!row || row.sealed.length < NONCE + TAG) return null;
  const key = chunkKey(baseKey, documentId);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, row.sealed.subarray(0, NONCE));
    decipher.setAAD(chunkAad(documentId, index, count));
    decipher.setAuthTag(row.sealed.subarray(row.sealed.length - TAG));
    return Buffer.concat([decipher.update(row.sealed.subarray(NONCE, row.sealed.length - TAG)), decipher.final()]);
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}

/** Where a restricted document's sealed key copies live (keys/sealed-copies.ts, shared with restricted notes). */
export const DOCUMENT_COPIES: CopyKind = { table: 'document_keys', idColumn: 'document_id', aadLabel: 'safehold-document-key' };

/** A new key for a restricted document, with one sealed copy per reader. The caller wipes it. */
export function sealNewDocumentKey(db: Db, documentId: string, readers: Map<string, string>): Buffer {
  return newSealedKey(db, DOCUMENT_COPIES, documentId, readers);
}

/** This person's copy of a restricted document's key, or null when they hold none that opens. */
export function openDocumentKey(db: Db, documentId: string, userId: string, identity: Identity | null): Buffer | null {
  return identity ? openCopy(db, DOCUMENT_COPIES, documentId, userId, identity) : null;
}
