// Main process (plain Node). Never imports electron.
// The Automerge documents as kept in the store: one flat map per document whose keys name a field of
// a record (`table RS recordKey RS column`), so two laptops editing the same field make a conflict
// Automerge keeps, and two laptops creating the same record (an intake section) never hide each
// other's fields. Scalars are stored as Automerge scalar strings ('str', never collaborative text)
// or numbers. Documents are worked on through Automerge's document handle (the WASM object behind
// a Doc, from A.getBackend): reading and writing single keys there costs microseconds, where
// materializing a whole document as JS objects (A.load, A.change) cost 5-10x more per edit (measured
// here: 400 fields, 3-9 ms CPU against 36-40 ms for A.load alone).
import { randomBytes } from 'node:crypto';
import * as A from '@automerge/automerge';
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';

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

export type Handle = ReturnType<typeof A.getBackend>;

/** A value read from the document as SQL takes it. */
export function fromRaw(raw: readonly unknown[] | null | undefined): unknown {
  if (!raw) return null;
  switch (raw[0]) {
    case 'str':
    case 'int':
    case 'uint':
    case 'f64':
    case 'boolean':
      return raw[1];
    case 'bytes':
      return Buffer.from(raw[1] as Uint8Array);
    case 'timestamp':
      return (raw[1] as Date).toISOString();
    default:
      return null;
  }
}

/** One document, read and written key by key. */
export class SyncDoc {
  constructor(readonly h: Handle) {}

  keys(): string[] {
    return this.h.keys('_root');
  }
  has(key: string): boolean {
    return this.h.getWithType('_root', key) !== null;
  }
  get(key: string): unknown {
    return fromRaw(this.h.getWithType('_root', key));
  }
  /** Every concurrent value of a key, by the id of the operation that wrote it. */
  all(key: string): { opId: string; value: unknown }[] {
    return this.h.getAll('_root', key).map((v) => ({ opId: String(v.at(-1)), value: fromRaw(v.slice(0, -1)) }));
  }
  put(key: string, value: unknown): void {
    if (value === null || value === undefined) this.h.put('_root', key, null, 'null');
    else if (typeof value === 'string') this.h.put('_root', key, value, 'str');
    else if (typeof value === 'bigint') this.h.put('_root', key, Number(value), 'int');
    else if (typeof value === 'number') this.h.put('_root', key, value, Number.isInteger(value) ? 'int' : 'f64');
    else if (value instanceof Uint8Array) this.h.put('_root', key, new Uint8Array(value), 'bytes');
    else this.h.put('_root', key, JSON.stringify(value), 'str');
  }
  /**
   * Puts the fields of a document that has none yet, in one batch insert (Automerge's
   * initRootFromHydrate): the same operations, and the same saved bytes, as one put per field,
   * several times faster. Values are given to it typed as put types them: scalar strings as
   * ImmutableString, integers as BigInt (a plain number 0 or below would become 'f64'). An integer
   * beyond 2^53 is put on its own, as before.
   */
  putNew(fields: readonly (readonly [string, unknown])[]): void {
    const batch: Record<string, unknown> = {};
    const rest: (readonly [string, unknown])[] = [];
    for (const [key, value] of fields) {
      if (value === null || value === undefined) batch[key] = null;
      else if (typeof value === 'string') batch[key] = new A.ImmutableString(value);
      else if (typeof value === 'number') {
        if (Number.isSafeInteger(value)) batch[key] = BigInt(value);
        else if (Number.isInteger(value)) rest.push([key, value]);
        else batch[key] = value;
      } else if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) batch[key] = value;
      else if (value instanceof Uint8Array) batch[key] = new Uint8Array(value);
      else rest.push([key, value]);
    }
    this.h.initRootFromHydrate(batch);
    for (const [key, value] of rest) this.put(key, value);
  }
  /**
   * Closes the pending operations into one change; false when there were none. A local change
   * depends on every head, so afterwards the document's only head is its hash (`committed`).
   */
  commit(message: string): boolean {
    const hash = this.h.commit(message, Math.floor(Date.now() / 1000));
    this.committed = hash;
    return hash !== null;
  }
  committed: string | null = null;
  lastLocalChange(): Uint8Array {
    return this.h.getLastLocalChange()!;
  }
  heads(): string {
    return this.h.getHeads().join(',');
  }
  hasChange(hash: string): boolean {
    return this.h.getChangeMetaByHash(hash) !== null;
  }
}

/** An empty document, never changed: new handles are clones of it (a tenth of the cost of A.init). */
let empty: Handle | null = null;

/** An empty document handle with this laptop's actor (a random one when none is given). */
export function newHandle(actor: string | undefined): Handle {
  empty ??= A.getBackend(A.init<Record<string, unknown>>());
  return actor ? empty.clone(actor) : empty.clone();
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

/**
 * The Automerge actor of this open store: a new random one each time the store is opened (or the one
 * set for this connection). An actor id must never be reused with different changes; a store put
 * back from a backup, or copied, is opened anew and so can never reissue a change number that
 * another laptop already holds from the store's later life.
 */
const actors = new WeakMap<Db, string>();

export function actorOf(db: Db): string {
  let actor = actors.get(db);
  if (!actor) {
    actor = randomBytes(16).toString('hex');
    actors.set(db, actor);
  }
  return actor;
}

export function useActor(db: Db, actor: string): void {
  actors.set(db, actor);
}

// ---- documents ------------------------------------------------------------------------------------

interface Cached {
  doc: SyncDoc;
  heads: string;
}

/** Recently used documents per open store. Reused only while the stored heads still match, so a
 * rolled-back transaction (the copy in memory went further than the store) is never trusted. */
const caches = new WeakMap<Db, Map<string, Cached>>();
/**
 * Bounded: a case document takes tens of KiB in memory; this many keeps a caseworker's working set
 * hot. Kept well under the point where Automerge's WASM memory grows large: past about 20 MiB, Node
 * runs a garbage collection at nearly every growth ("external memory pressure"), and 1,024 documents
 * filled by random edits over 2,000 cases cost 184 collections in 1,000 edits (256: 4; DESIGN-sync
 * §5, seventh pass). An evicted document is freed, so its memory is reused instead of grown.
 */
export const CACHE_DOCS = 256;

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
  for (const { doc } of c.values()) doc.h.free();
  c.clear();
}

/** Drops a document from memory (after an error left it in an unknown state); the store's copy stays. */
export function forgetDoc(db: Db, docId: string): void {
  const cache = cacheOf(db);
  const hit = cache.get(docId);
  cache.delete(docId);
  hit?.doc.h.free();
}

/**
 * Stores with sync_doc_pieces (migration 0250, the last, so every store gets it). Without the table
 * (a schema older than 0250 opened by code that does not migrate, as in tests), appended changes go
 * onto sync_docs.bytes as before.
 */
const hasPieces = new WeakMap<Db, boolean>();

function piecesTable(db: Db): boolean {
  let has = hasPieces.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sync_doc_pieces'").get() !== undefined;
    hasPieces.set(db, has);
  }
  return has;
}

/** The stored document's heads, and how many appended pieces follow its last whole save. */
function storedState(db: Db, docId: string): { heads: string; tail: number } | undefined {
  const row = stmt<[string], { heads: string; tail: number }>(db, 'SELECT heads, tail FROM sync_docs WHERE doc_id = ?').get(docId);
  if (!row || !piecesTable(db)) return row;
  const last = stmt<[string, string], { heads: string; n: number }>(
    db,
    'SELECT heads, (SELECT count(*) FROM sync_doc_pieces WHERE doc_id = ?) AS n FROM sync_doc_pieces WHERE doc_id = ? ORDER BY id DESC LIMIT 1',
  ).get(docId, docId);
  return last ? { heads: last.heads, tail: row.tail + last.n } : row;
}

/** The stored document's bytes: its last whole save followed by the pieces appended since. */
export function storedBytes(db: Db, docId: string): Buffer | undefined {
  const bytes = stmt<[string], Buffer>(db, 'SELECT bytes FROM sync_docs WHERE doc_id = ?').pluck().get(docId);
  if (bytes === undefined || !piecesTable(db)) return bytes;
  const pieces = stmt<[string], Buffer>(db, 'SELECT piece FROM sync_doc_pieces WHERE doc_id = ? ORDER BY id').pluck().all(docId);
  return pieces.length === 0 ? bytes : Buffer.concat([bytes, ...pieces]);
}

/** Removes a stored document's appended pieces (the document itself is sync_docs' row). */
export function deletePieces(db: Db, docId: string): void {
  if (piecesTable(db)) stmt(db, 'DELETE FROM sync_doc_pieces WHERE doc_id = ?').run(docId);
}

/** The stored document (or a new empty one), with this laptop's actor. */
export function loadDoc(db: Db, docId: string): SyncDoc {
  return loadDocState(db, docId).doc;
}

/** A stored document's heads and appended pieces, as loadDocState found them. */
export type StoredState = { heads: string; tail: number } | undefined;

/**
 * loadDoc, also giving the stored state it read: the document's heads are then stored.heads (or ''
 * for a new one), and a write in the same transaction can hand it to storeDoc instead of reading it again.
 */
export function loadDocState(db: Db, docId: string): { doc: SyncDoc; stored: StoredState } {
  const cache = cacheOf(db);
  const stored = storedState(db, docId);
  const storedHeads = stored?.heads;
  const hit = cache.get(docId);
  if (hit) {
    cache.delete(docId);
    if (storedHeads !== undefined && hit.heads === storedHeads && hit.doc.heads() === storedHeads) {
      cache.set(docId, hit);
      return { doc: hit.doc, stored };
    }
    hit.doc.h.free();
  }
  const doc = new SyncDoc(newHandle(actorOf(db)));
  if (storedHeads === undefined) return { doc, stored };
  const bytes = storedBytes(db, docId)!;
  doc.h.loadIncremental(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  remember(cache, docId, { doc, heads: storedHeads });
  return { doc, stored };
}

function remember(cache: Map<string, Cached>, docId: string, entry: Cached): void {
  const old = cache.get(docId);
  if (old && old.doc !== entry.doc) old.doc.h.free();
  cache.delete(docId);
  cache.set(docId, entry);
  while (cache.size > CACHE_DOCS) {
    const [oldest, value] = cache.entries().next().value as [string, Cached];
    cache.delete(oldest);
    value.doc.h.free();
  }
}

/** Appended pieces after which the next write saves the whole document again (loading reads each piece). */
export const MAX_TAIL = 8;

/**
 * Writes the document back. When the stored copy is an ancestor of this one, only the changes since
 * it are appended (Automerge loads a whole save followed by later changes as one document), which
 * costs microseconds where a whole save costs milliseconds; after MAX_TAIL appended pieces the whole
 * document is saved again. `keep` leaves it in memory for the next write.
 */
export function storeDoc(
  db: Db,
  docId: string,
  doc: SyncDoc,
  keep = true,
  made?: { after: string; change: Uint8Array; heads?: string; stored?: StoredState },
): void {
  // `made.stored`: the state loadDocState read in this transaction, nothing stored for docId since.
  const heads = made?.heads ?? doc.heads();
  const stored = made && 'stored' in made ? made.stored : storedState(db, docId);
  // One small row: rewriting the document's row (and its overflow pages) cost several pages a write.
  const append = (piece: Uint8Array) =>
    piecesTable(db)
      ? stmt(db, 'INSERT INTO sync_doc_pieces (doc_id, heads, piece) VALUES (?, ?, ?)').run(docId, heads, piece)
      : stmt(db, 'UPDATE sync_docs SET bytes = CAST(bytes || ? AS BLOB), heads = ?, tail = tail + 1 WHERE doc_id = ?').run(piece, heads, docId);
  if (stored && stored.heads === heads) {
    // Nothing new (every change was already there).
  } else if (stored && stored.tail < MAX_TAIL && made && made.after === stored.heads) {
    // Changes made or applied on top of what is stored: their own bytes are the piece to append.
    append(made.change);
  } else if (stored && stored.tail < MAX_TAIL && stored.heads !== '' && stored.heads.split(',').every((h) => doc.hasChange(h))) {
    append(doc.h.saveSince(stored.heads.split(',')));
  } else {
    writeWhole(db, docId, doc.h.save(), heads);
  }
  const cache = cacheOf(db);
  if (keep) remember(cache, docId, { doc, heads });
  else {
    const old = cache.get(docId);
    cache.delete(docId);
    if (old && old.doc !== doc) old.doc.h.free();
    doc.h.free();
  }
}

/**
 * Stores a whole document's bytes. `foreign`: bytes as another laptop sent them (a snapshot just
 * loaded); they are appended to later only when they are exactly whole chunks (otherwise the next
 * write saves the whole document), so a stray byte at their end could never hide a later change.
 */
export function writeWhole(db: Db, docId: string, bytes: Uint8Array, heads: string, foreign = false): void {
  const pieces = foreign ? chunkCount(bytes) : 1;
  stmt(
    db,
    'INSERT INTO sync_docs (doc_id, bytes, heads, tail) VALUES (?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET bytes = excluded.bytes, heads = excluded.heads, tail = excluded.tail',
  ).run(docId, bytes, heads, pieces === null ? MAX_TAIL : Math.min(MAX_TAIL, pieces - 1));
  deletePieces(db, docId);
}

const CHUNK_MAGIC = [0x85, 0x6f, 0x4a, 0x83];

/**
 * How many whole Automerge storage chunks the bytes are (magic, checksum, type, LEB128 length,
 * contents: Automerge's binary format), or null when they are not exactly a sequence of whole chunks
 * (a stray or cut-off byte at the end, which Automerge's loader would skip silently).
 */
export function chunkCount(bytes: Uint8Array): number | null {
  let offset = 0;
  let count = 0;
  while (offset < bytes.length) {
    if (offset + 9 > bytes.length || CHUNK_MAGIC.some((b, i) => bytes[offset + i] !== b)) return null;
    let p = offset + 9;
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      if (p >= bytes.length || shift > 42) return null;
      const byte = bytes[p++]!;
      length += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
    }
    offset = p + length;
    count += 1;
  }
  return offset === bytes.length ? count : null;
}

/** Keeps a document just stored in memory for the next write. */
export function keepDoc(db: Db, docId: string, doc: SyncDoc): void {
  remember(cacheOf(db), docId, { doc, heads: doc.heads() });
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
