// Main process (plain Node). Never imports electron.
// The Automerge documents as kept in the store: one flat map per document whose keys name a field of
// a record (`table RS recordKey RS column`), so two laptops editing the same field make a conflict
// Automerge keeps, and two laptops creating the same record (an intake section) never hide each
// other's fields. Scalars are ImmutableString or numbers, never collaborative text.
import * as A from '@automerge/automerge';
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';

export type SyncDoc = Record<string, unknown>;

/** Version of what this code writes into documents; a change from a higher one is kept, not applied. */
export const DOC_FORMAT = 1;

const RS = '\u001e';
/** Separates the parts of a composite primary key inside a record key. */
export const US = '\u001f';
export const DELETED = '$del';
export const SEEN = '$seen';

export function fieldKey(table: string, rk: string, col: string): string {
  return `${table}${RS}${rk}${RS}${col}`;
}

export function splitKey(key: string): { table: string; rk: string; col: string } | null {
  const a = key.indexOf(RS);
  const b = key.lastIndexOf(RS);
  if (a < 0 || b <= a) return null;
  return { table: key.slice(0, a), rk: key.slice(a + 1, b), col: key.slice(b + 1) };
}

export function recordPrefix(table: string, rk: string): string {
  return `${table}${RS}${rk}${RS}`;
}

export function toDocValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return new A.ImmutableString(v);
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v)) return new Uint8Array(v);
  return v;
}

export function fromDocValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (A.isImmutableString(v)) return v.val;
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v);
  return v;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

// ---- meta -----------------------------------------------------------------------------------------

export function getMeta(db: Db, key: string): string | undefined {
  return stmt<[string], string>(db, 'SELECT value FROM sync_meta WHERE key = ?').pluck().get(key);
}

export function setMeta(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function actorOf(db: Db): string {
  const actor = getMeta(db, 'actor');
  if (!actor) throw new Error('Sync is not turned on for this store.');
  return actor;
}

// ---- documents ------------------------------------------------------------------------------------

interface Cached {
  doc: A.Doc<SyncDoc>;
  heads: string;
}

/** Recently used documents per open store. Reused only while the stored heads still match, so a
 * rolled-back transaction (the copy in memory went further than the store) is never trusted. */
const caches = new WeakMap<Db, Map<string, Cached>>();
const CACHE_DOCS = 64;

function cacheOf(db: Db): Map<string, Cached> {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

export function dropCache(db: Db): void {
  const c = caches.get(db);
  if (!c) return;
  for (const { doc } of c.values()) A.free(doc);
  c.clear();
}

export function headsText(doc: A.Doc<unknown>): string {
  return A.getHeads(doc).join(',');
}

function currentHeads(doc: A.Doc<SyncDoc>): string | null {
  try {
    return headsText(doc);
  } catch {
    return null;
  }
}

/** The stored document (or a new empty one), with this laptop's actor. */
export function loadDoc(db: Db, docId: string): A.Doc<SyncDoc> {
  const cache = cacheOf(db);
  const storedHeads = stmt<[string], string>(db, 'SELECT heads FROM sync_docs WHERE doc_id = ?').pluck().get(docId);
  const hit = cache.get(docId);
  if (hit) {
    cache.delete(docId);
    if (storedHeads !== undefined && hit.heads === storedHeads && currentHeads(hit.doc) === storedHeads) {
      cache.set(docId, hit);
      return hit.doc;
    }
    // A view left behind by a change that was never stored (an error in between) may share its
    // WASM document with a newer view: dropped, not freed.
  }
  const actor = actorOf(db);
  if (storedHeads === undefined) return A.init<SyncDoc>({ actor });
  const bytes = stmt<[string], Buffer>(db, 'SELECT bytes FROM sync_docs WHERE doc_id = ?').pluck().get(docId)!;
  const doc = A.load<SyncDoc>(new Uint8Array(bytes), { actor });
  remember(cache, docId, { doc, heads: storedHeads });
  return doc;
}

/** A.change and A.applyChanges return a new view on the same WASM document: freeing the old view
 * would free the new one. */
function freeUnlessShared(old: A.Doc<SyncDoc>, current: A.Doc<SyncDoc>): void {
  if (A.getBackend(old) !== A.getBackend(current)) A.free(old);
}

function remember(cache: Map<string, Cached>, docId: string, entry: Cached): void {
  const old = cache.get(docId);
  if (old) freeUnlessShared(old.doc, entry.doc);
  cache.delete(docId);
  cache.set(docId, entry);
  while (cache.size > CACHE_DOCS) {
    const [oldest, value] = cache.entries().next().value as [string, Cached];
    cache.delete(oldest);
    A.free(value.doc);
  }
}

export function storeDoc(db: Db, docId: string, doc: A.Doc<SyncDoc>, keep = true): void {
  const heads = headsText(doc);
  stmt(db, 'INSERT INTO sync_docs (doc_id, bytes, heads) VALUES (?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET bytes = excluded.bytes, heads = excluded.heads').run(
    docId,
    A.save(doc),
    heads,
  );
  const cache = cacheOf(db);
  if (keep) remember(cache, docId, { doc, heads });
  else {
    const old = cache.get(docId);
    cache.delete(docId);
    if (old) freeUnlessShared(old.doc, doc);
    A.free(doc);
  }
}

export function changeMessage(by: string | null, laptop: string | undefined): string {
  return JSON.stringify({ v: DOC_FORMAT, by, ...(laptop ? { l: laptop } : {}) });
}

export function readMessage(message: string | null): { v: number; by: string | null; l: string | null } {
  try {
    const m = JSON.parse(message ?? '{}') as { v?: unknown; by?: unknown; l?: unknown };
    return {
      v: typeof m.v === 'number' ? m.v : 1,
      by: typeof m.by === 'string' ? m.by : null,
      l: typeof m.l === 'string' ? m.l : null,
    };
  } catch {
    return { v: 1, by: null, l: null };
  }
}

export function appendOutbox(db: Db, docId: string, change: Uint8Array): void {
  stmt(db, 'INSERT INTO sync_outbox (doc_id, change) VALUES (?, ?)').run(docId, change);
}
