// Main process (plain Node). Never imports electron.
// Team sync carries documents. The record (type, title, dates, custody, links, restricted flag, the
// blob's name and key) travels in the case's Automerge document like any other row, so only laptops
// holding the case key ever see it. The content travels as one immutable blob file
// (blob-file.ts), encrypted under a key made for that document which exists only inside that record.
// Why not the case key itself: a case key is replaced when the case is reassigned, and a laptop given
// the case afterwards holds only the newest key, so it could not open blobs written before.
//
// - assignBlobs (in the round's plan, before the outbox is read): a document whose content is here
//   and that has no blob yet gets its key and keyed name (the laptop that attached it, normally).
// - exchangeBlobs (after the round's commit): writes the blob of every document whose content is
//   here when no copy of it is in the folder; fetches, verifies and stores (re-encrypted under this
//   laptop's own documents key) the content of every document here that lacks it; removes this
//   laptop's blob files no document names once every laptop has read the bundles sent before.
// A restricted document's stored chunks are already under its own sealed key (the same on every
// laptop): they travel as they are and are stored as they came. A blob not there yet, cut short or
// altered is skipped (nothing of it is kept) and tried again next round; meanwhile the document
// shows as not yet arrived.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { documentsKeyOf, readChunk, writeChunk } from '../../documents/content';
import type { Db } from '../../store/open';
import { blobFileName, blobHasher, blobNameOf, BlobRefused, readBlobFile, writeBlobFile, type BlobRefusal } from './blob-file';
import { filesOf, laptopDirs } from './folder';
import { readInvites, readLaptops, readSelf } from './state';

interface BlobDoc {
  id: string;
  restricted: number;
  chunks: number;
  size: number;
  blob_name: string | null;
  blob_key: string | null;
  blob_laptop: string | null;
}

export interface BlobPass {
  published: number;
  fetched: number;
  /** Documents whose content has not arrived (no copy in the folder yet). */
  waiting: number;
  refused: { documentId: string; reason: BlobRefusal }[];
  pruned: number;
}

const STORED = '(SELECT count(*) FROM document_chunks c WHERE c.document_id = d.id)';

/** One piece of the document's content as this laptop stores it: the plaintext chunk, or a restricted document's sealed chunk as it is. */
function pieceReader(db: Db, doc: Pick<BlobDoc, 'id' | 'restricted' | 'chunks'>): { piece: (i: number) => Buffer | null; done: () => void } {
  if (doc.restricted === 1) {
    const get = db.prepare<[string, number], Buffer>('SELECT sealed FROM document_chunks WHERE document_id = ? AND seq = ?').pluck();
    return { piece: (i) => get.get(doc.id, i) ?? null, done: () => {} };
  }
  const key = documentsKeyOf(db);
  return { piece: (i) => readChunk(db, doc.id, key, i, doc.chunks), done: () => key.fill(0) };
}

/** Gives each document whose content is here and that has no blob yet a key and its keyed name. Inside the round's plan transaction. */
export function assignBlobs(db: Db, laptopId: string): number {
  const docs = db.prepare<[], BlobDoc>(`SELECT id, restricted, chunks, size FROM documents d WHERE blob_name IS NULL AND ${STORED} = d.chunks`).all();
  let assigned = 0;
  for (const doc of docs) {
    const key = randomBytes(32);
    const hasher = blobHasher(key);
    const reader = pieceReader(db, doc);
    let whole = true;
    try {
      for (let i = 0; i < doc.chunks && whole; i += 1) {
        const piece = reader.piece(i);
        if (!piece) whole = false;
        else {
          hasher.update(piece);
          if (doc.restricted !== 1) piece.fill(0);
        }
      }
    } finally {
      reader.done();
    }
    // Damaged here: nothing to send (the viewer says so, a backup can restore it).
    if (whole) {
      db.prepare('UPDATE documents SET blob_name = ?, blob_key = ?, blob_laptop = ? WHERE id = ?').run(hasher.name(), key.toString('hex'), laptopId, doc.id);
      assigned += 1;
    }
    key.fill(0);
  }
  return assigned;
}

/** Every blob file in the folder, by name: the paths of its copies (the writer's first when known). */
function copiesInFolder(folder: string): Map<string, string[]> {
  const copies = new Map<string, string[]>();
  for (const laptop of laptopDirs(folder)) {
    for (const file of filesOf(folder, laptop)) {
      const name = blobNameOf(file);
      if (name) copies.set(name, [...(copies.get(name) ?? []), join(folder, laptop, file)]);
    }
  }
  return copies;
}

/** Stores one document's content from a blob copy, all of it or nothing. */
function fetchOne(db: Db, doc: BlobDoc, path: string): void {
  const key = Buffer.from(doc.blob_key!, 'hex');
  try {
    db.transaction(() => {
      const hasher = blobHasher(key);
      const baseKey = doc.restricted === 1 ? null : documentsKeyOf(db);
      const insertSealed = db.prepare('INSERT INTO document_chunks (document_id, seq, sealed) VALUES (?, ?, ?)');
      let bytes = 0;
      try {
        readBlobFile(path, doc.blob_name!, key, doc.chunks, (i, piece) => {
          hasher.update(piece);
          if (baseKey) {
            bytes += piece.length;
            writeChunk(db, doc.id, baseKey, i, doc.chunks, piece);
            piece.fill(0);
          } else insertSealed.run(doc.id, i, piece);
        });
      } finally {
        baseKey?.fill(0);
      }
      // Not the content the record names (another document's blob, or a wrong key): undone.
      if (hasher.name() !== doc.blob_name || (doc.restricted !== 1 && bytes !== doc.size)) throw new BlobRefused('damaged');
    })();
  } finally {
    key.fill(0);
  }
}

/** Which of this laptop's bundles every other laptop (and every pending invitation) has read. */
function readByAll(db: Db, me: string, now: string): number {
  const others = readLaptops(db).filter((l) => l.laptopId !== me && l.status === 'active');
  const pending = readInvites(db).filter((i) => !i.usedBy && i.expiresAt > now);
  const acks = [...others.map((l) => l.seen[me] ?? 0), ...pending.map((i) => i.vector[me] ?? 0)];
  return acks.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...acks);
}

/** After a round's commit: publish, fetch and prune blobs. Each fetch is its own transaction. */
export function exchangeBlobs(db: Db, now: Date = new Date()): BlobPass {
  const pass: BlobPass = { published: 0, fetched: 0, waiting: 0, refused: [], pruned: 0 };
  const self = readSelf(db);
  if (!self) return pass;
  const copies = copiesInFolder(self.folder);
  const docs = db.prepare<[], BlobDoc & { stored: number }>(`SELECT id, restricted, chunks, size, blob_name, blob_key, blob_laptop, ${STORED} AS stored FROM documents d`).all();

  for (const doc of docs) {
    if (doc.stored === doc.chunks) {
      // Held here: make sure a copy is in the folder (the writer's may have been removed with a case it lost).
      if (doc.blob_name === null || doc.blob_key === null || copies.has(doc.blob_name)) continue;
      const key = Buffer.from(doc.blob_key, 'hex');
      const reader = pieceReader(db, doc);
      try {
        if (writeBlobFile(self.folder, self.laptopId, doc.blob_name, key, doc.chunks, (i) => reader.piece(i))) {
          copies.set(doc.blob_name, [join(self.folder, self.laptopId, blobFileName(doc.blob_name))]);
          pass.published += 1;
        }
      } finally {
        reader.done();
        key.fill(0);
      }
      continue;
    }
    // Some chunks but not all is never written by Safehold (each write is whole): left alone.
    const paths = doc.stored === 0 && doc.blob_name && doc.blob_key ? [...(copies.get(doc.blob_name) ?? [])] : [];
    // The writer's copy first; any copy verifies the same way (the key and name are in the record).
    const writer = doc.blob_laptop ? join(self.folder, doc.blob_laptop) : null;
    paths.sort((a, b) => Number(writer !== null && b.startsWith(writer)) - Number(writer !== null && a.startsWith(writer)));
    let stored = false;
    let refusal: BlobRefusal | null = null;
    for (const path of paths) {
      try {
        fetchOne(db, doc, path);
        stored = true;
        break;
      } catch (error) {
        if (!(error instanceof BlobRefused)) throw error;
        refusal = error.reason;
      }
    }
    if (stored) pass.fetched += 1;
    else {
      pass.waiting += 1;
      if (refusal) pass.refused.push({ documentId: doc.id, reason: refusal });
    }
  }

  // This laptop's blob files no document names any more (removed, or its case left this laptop).
  const named = new Set(docs.map((d) => d.blob_name).filter((n): n is string => n !== null));
  const lastSent = self.nextSeq - 1;
  const readUpTo = readByAll(db, self.laptopId, now.toISOString());
  for (const file of filesOf(self.folder, self.laptopId)) {
    const name = blobNameOf(file);
    if (!name) continue;
    if (named.has(name)) {
      db.prepare('DELETE FROM document_blob_gone WHERE name = ?').run(name);
      continue;
    }
    const after = db.prepare<[string], number>('SELECT after_seq FROM document_blob_gone WHERE name = ?').pluck().get(name);
    if (after === undefined) db.prepare('INSERT INTO document_blob_gone (name, after_seq) VALUES (?, ?)').run(name, lastSent);
    else if (readUpTo >= after) {
      rmSync(join(self.folder, self.laptopId, file), { force: true });
      db.prepare('DELETE FROM document_blob_gone WHERE name = ?').run(name);
      pass.pruned += 1;
    }
  }
  return pass;
}
