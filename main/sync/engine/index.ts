// Main process (plain Node). Never imports electron.
// Team sync, document side: the store's records as Automerge documents (one per case, four for the
// agency), kept in the encrypted store beside the SQL tables they project into. The transport
// (main/sync/team) moves the outbox's changes and snapshots between laptops; everything about
// merging, ordering and conflicts is Automerge's, read here. See DESIGN.md §6.
import * as A from '@automerge/automerge';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { rebuildDerived } from '../../store/repos/derived';
import { stmt } from '../../store/repos/statements';
import { applyRemote as applyRemoteChanges, loadSnapshot as loadSnapshotDoc, loadSnapshots as loadSnapshotDocs, retryNewer as retryNewerChanges, type ApplyResult } from './apply';
import { fingerprint, scanConflicts, type Candidate } from './conflicts';
import {
  appendOutbox,
  changeMessage,
  DELETED,
  dropCache,
  fieldKey,
  getMeta,
  loadDoc,
  SEEN,
  setMeta,
  storeDoc,
  storedBytes,
  useActor,
  writeWhole,
} from './docs';
import { flushLocalWrites } from './flush';
import { keyOfRow } from './keys';
import { projectRecords, quietly } from './project';
import { AGENCY_DOCS, caseDocId, docCaseId, isLocalSetting, syncedTables, tableByName, tableExists, tableShape, type SyncedTable } from './tables';
import { createTriggers, TRIGGERS_VERSION } from './triggers';
import { AHEAD, docPool } from './pool';

export { docCaseId, flushLocalWrites, rebuildDerived, type ApplyResult };

export class SyncEngineError extends Error {
  constructor(
    readonly code: 'NOT_ENABLED' | 'NOT_FOUND' | 'INVALID_CHOICE',
    message: string,
  ) {
    super(message);
  }
}

export interface Conflict {
  id: string;
  docId: string;
  caseId: string | null;
  table: string;
  recordKey: string;
  field: string | null;
  kind: 'values' | 'edit-on-deleted' | 'duplicate';
  /** The value the rows show now (Automerge's deterministic pick), or 'deleted'. */
  shown: unknown;
  candidates: (Candidate & { byName: string | null })[];
}

export function isSyncEnabled(db: Database): boolean {
  return getMeta(db, 'enabled') === '1';
}

const ACTOR = /^[0-9a-f]{32}$/u;

function checkActor(actorId: string): void {
  // Automerge actor ids are hex; 16 random bytes, never reused (a restored store takes a new one).
  if (!ACTOR.test(actorId)) throw new SyncEngineError('INVALID_CHOICE', 'An actor id is 32 lowercase hex characters.');
}

function ensureTriggers(db: Database): void {
  if (getMeta(db, 'triggers') === TRIGGERS_VERSION) return;
  createTriggers(db);
  setMeta(db, 'triggers', TRIGGERS_VERSION);
}

function recordKeyOf(db: Database, t: SyncedTable, row: Record<string, unknown>, actor: string): string {
  if (!t.localIntegerKey) return t.pk.map((c) => String(row[c])).join('\u001f');
  const rid = Number(row[t.pk[0]!]);
  const known = keyOfRow(db, t.name, rid);
  if (known !== undefined) return known;
  const key = `${actor}.${rid}`;
  stmt(db, 'INSERT INTO sync_keys (tbl, rid, key) VALUES (?, ?, ?)').run(t.name, rid, key);
  return key;
}

/** A new document's fields from its rows, in key order. */
function docFields(db: Database, rows: [SyncedTable, Record<string, unknown>[]][], actor: string): [string, unknown][] {
  const fields: [string, unknown][] = [];
  for (const [t, list] of rows) {
    const { columns, nullByDefault } = tableShape(db, t);
    for (const row of list) {
      const rk = recordKeyOf(db, t, row, actor);
      // As a local write of a new record: nulls that are the column's default are left out.
      const anyValue = columns.some((c) => row[c] !== null && row[c] !== undefined);
      for (const col of columns) {
        if (anyValue && (row[col] === null || row[col] === undefined) && nullByDefault.has(col)) continue;
        fields.push([fieldKey(t.name, rk, col), row[col]]);
      }
    }
  }
  // In key order: Automerge keeps a map's keys sorted, and appending in order avoids moving what is
  // already there. The document is built with one batch insert (SyncDoc.putNew): the same operations
  // as a put per field, about 3.5x faster for a 20-service case.
  fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return fields;
}

/**
 * Builds the documents, each as one change, and stores them whole. The Automerge side runs in
 * worker threads (pool.ts) when there are many, ahead of the main thread, which reads the rows and
 * writes the results, all inside the caller's transaction.
 */
function buildDocs(db: Database, jobs: { docId: string; rows: () => [SyncedTable, Record<string, unknown>[]][] }[], actor: string): void {
  const message = changeMessage(null, getMeta(db, 'laptop'));
  const time = Math.floor(Date.now() / 1000);
  const pool = docPool(jobs.length, false);
  try {
    let next = 0;
    for (let i = 0; i < jobs.length; i += 1) {
      while (next < jobs.length && next < i + AHEAD) pool.submit({ kind: 'build', actor, message, time, fields: docFields(db, jobs[next++]!.rows(), actor) });
      const result = pool.take();
      if (result.kind === 'error') throw new Error(`A document could not be built: ${result.message}`);
      if (result.kind !== 'build') throw new Error('A document worker answered out of turn.');
      writeWhole(db, jobs[i]!.docId, result.bytes, result.heads);
    }
  } finally {
    pool.close();
  }
}

/**
 * Turns an existing store into documents: one per case and the agency documents. Idempotent. The
 * documents' first state travels to other laptops as snapshots (saveDoc), not through the outbox.
 * A laptop joining a team (joining: true) makes no documents of its own: it takes the team's from
 * snapshots, which replace its seed rows (its own default instrument, settings).
 */
export function enableSync(db: Database, opts: { actorId: string; laptopId?: string; caseBlock?: string; joining?: boolean }): { docs: number } {
  checkActor(opts.actorId);
  return db.transaction(() => {
    if (isSyncEnabled(db)) {
      ensureTriggers(db);
      return { docs: stmt<[], number>(db, 'SELECT count(*) FROM sync_docs').pluck().get()! };
    }
    setMeta(db, 'actor', opts.actorId);
    useActor(db, opts.actorId);
    if (opts.laptopId) setMeta(db, 'laptop', opts.laptopId);
    if (opts.caseBlock) setCaseBlock(db, opts.caseBlock);
    dropCache(db);
    const present = syncedTables.filter((t) => tableExists(db, t.name) && !opts.joining);
    const jobs: Parameters<typeof buildDocs>[1] = [];
    for (const docId of opts.joining ? [] : AGENCY_DOCS) {
      const rows = (): [SyncedTable, Record<string, unknown>[]][] =>
        present
          .filter((t) => t.doc.kind === 'agency' && t.doc.doc === docId)
          .map((t) => [t, (db.prepare(`SELECT * FROM ${t.name}`).all() as Record<string, unknown>[]).filter((r) => t.name !== 'settings' || !isLocalSetting(String(r.key)))]);
      jobs.push({ docId, rows });
    }
    const caseTables = present.filter((t) => t.doc.kind === 'case');
    const queries = caseTables.map((t) => [t, db.prepare(t.caseRows ?? `SELECT * FROM ${t.name} WHERE client_id = ?`)] as const);
    const clients = opts.joining ? [] : (db.prepare('SELECT id FROM clients').pluck().all() as string[]);
    for (const clientId of clients) {
      jobs.push({ docId: caseDocId(clientId), rows: () => queries.map(([t, q]) => [t, q.all(clientId) as Record<string, unknown>[]]) });
    }
    buildDocs(db, jobs, opts.actorId);
    stmt(db, 'DELETE FROM sync_dirty').run();
    setMeta(db, 'enabled', '1');
    ensureTriggers(db);
    return { docs: stmt<[], number>(db, 'SELECT count(*) FROM sync_docs').pluck().get()! };
  }).immediate();
}

/**
 * A store restored from a backup continues under a new actor id, so it never reuses a sequence
 * number. (Every opening of a store already takes a new one; this names it, e.g. for a restore that
 * keeps the connection.)
 */
export function setActor(db: Database, actorId: string): void {
  checkActor(actorId);
  setMeta(db, 'actor', actorId);
  useActor(db, actorId);
  dropCache(db);
}

/** This laptop's id as the transport knows it, written into each change (who made it). */
export function setLaptop(db: Database, laptopId: string): void {
  setMeta(db, 'laptop', laptopId);
}

/** This laptop's block of case numbers (SH-2026-<block>-0001), so two laptops never issue the same one. */
export function setCaseBlock(db: Database, block: string): void {
  if (!/^[A-Z0-9]{1,6}$/u.test(block)) throw new SyncEngineError('INVALID_CHOICE', 'A case-number block is 1-6 capital letters or digits.');
  stmt(db, "INSERT INTO settings (key, value) VALUES ('sync_case_block', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(block);
}

export function takeOutbox(db: Database): { seq: number; docId: string; change: Uint8Array }[] {
  if (isSyncEnabled(db)) db.transaction(() => flushLocalWrites(db, null)).immediate();
  return stmt<[], { seq: number; doc_id: string; change: Buffer }>(db, 'SELECT seq, doc_id, change FROM sync_outbox ORDER BY seq')
    .all()
    .map((r) => ({ seq: r.seq, docId: r.doc_id, change: new Uint8Array(r.change) }));
}

/**
 * What a bundle's changes repeat that one case's compressor cannot share with another's (each case
 * frame is compressed and encrypted on its own): who wrote them (actor ids, the person and laptop in
 * each change's message) and the day. Sent once in the bundle (under the team key) as the case
 * frames' shared compression dictionary. Holds ids every laptop of the team knows; no case data.
 */
export function changeContext(changes: readonly Uint8Array[]): Buffer {
  const actors = new Set<string>();
  const messages = new Set<string>();
  const days = new Set<string>();
  for (const change of changes) {
    if (actors.size >= 64 && messages.size >= 64) break;
    try {
      const c = A.decodeChange(change);
      actors.add(c.actor);
      if (c.message) messages.add(c.message);
      if (c.time) days.add(new Date(c.time * 1000).toISOString().slice(0, 11));
    } catch {
      // Not ours to read: no context from it.
    }
  }
  return Buffer.concat([
    ...[...actors].slice(0, 64).map((a) => Buffer.from(a, 'hex')),
    Buffer.from([...days].slice(0, 8).join(''), 'utf8'),
    Buffer.from([...messages].slice(0, 64).join(''), 'utf8'),
  ]);
}

export function clearOutbox(db: Database, uptoSeq: number): void {
  stmt(db, 'DELETE FROM sync_outbox WHERE seq <= ?').run(uptoSeq);
}

/** Applies other laptops' changes (the caller wraps it in a transaction). */
export function applyRemote(db: Database, items: { docId: string; change: Uint8Array }[]): ApplyResult {
  if (!isSyncEnabled(db)) throw new SyncEngineError('NOT_ENABLED', 'Sync is not turned on for this store.');
  ensureTriggers(db);
  return applyRemoteChanges(db, items);
}

/** Changes from a newer Safehold, applied once this version knows their format; how many are still kept. */
export function retryNewer(db: Database): { applied: number; kept: number } {
  if (!isSyncEnabled(db)) return { applied: 0, kept: 0 };
  ensureTriggers(db);
  return retryNewerChanges(db);
}

export function listDocs(db: Database): { docId: string; caseId: string | null }[] {
  return stmt<[], string>(db, 'SELECT doc_id FROM sync_docs ORDER BY doc_id')
    .pluck()
    .all()
    .map((docId) => ({ docId, caseId: docCaseId(docId) }));
}

/** The whole document, for a laptop that starts from a snapshot. */
export function saveDoc(db: Database, docId: string): Uint8Array {
  const bytes = storedBytes(db, docId);
  if (!bytes) throw new SyncEngineError('NOT_FOUND', 'No such document.');
  return new Uint8Array(bytes);
}

/** Many snapshots in one go (a laptop joining): as loadSnapshot for each, with the Automerge side in worker threads. */
export function loadSnapshots(db: Database, items: readonly { docId: string; bytes: Uint8Array }[]): void {
  if (!isSyncEnabled(db)) throw new SyncEngineError('NOT_ENABLED', 'Sync is not turned on for this store.');
  ensureTriggers(db);
  const run = () => {
    flushLocalWrites(db, null);
    loadSnapshotDocs(db, items);
  };
  // Inside the caller's transaction (a join's), which holds it all, without a savepoint held open
  // over the whole batch (that made every row write under it slower); its own transaction otherwise.
  if (db.inTransaction) run();
  else db.transaction(run)();
}

export function loadSnapshot(db: Database, docId: string, bytes: Uint8Array): void {
  if (!isSyncEnabled(db)) throw new SyncEngineError('NOT_ENABLED', 'Sync is not turned on for this store.');
  ensureTriggers(db);
  db.transaction(() => {
    flushLocalWrites(db, null);
    loadSnapshotDoc(db, docId, bytes);
  })();
}

interface ConflictRow {
  id: string;
  doc_id: string;
  client_id: string | null;
  tbl: string;
  rk: string;
  col: string | null;
  kind: Conflict['kind'];
  shown: string | null;
  candidates: string;
}

export function listConflicts(db: Database, filter?: { caseIds?: string[] }): Conflict[] {
  const rows = stmt<[], ConflictRow>(db, 'SELECT * FROM sync_conflicts ORDER BY doc_id, tbl, rk, col, kind').all();
  const allowed = filter?.caseIds ? new Set(filter.caseIds) : null;
  const names = new Map(stmt<[], { id: string; display_name: string }>(db, 'SELECT id, display_name FROM users').all().map((u) => [u.id, u.display_name]));
  return rows
    .filter((r) => allowed === null || (r.client_id !== null && allowed.has(r.client_id)))
    .map((r) => ({
      id: r.id,
      docId: r.doc_id,
      caseId: r.client_id,
      table: r.tbl,
      recordKey: r.rk,
      field: r.col,
      kind: r.kind,
      shown: r.shown === null ? null : (JSON.parse(r.shown) as unknown),
      candidates: (JSON.parse(r.candidates) as Candidate[]).map((c) => ({ ...c, byName: c.by ? (names.get(c.by) ?? null) : null })),
    }));
}

/**
 * Settles one conflict with an ordinary write that causally follows every value, so it disappears
 * on every laptop once synced. values: one of the candidates' values; edit-on-deleted: 'restore' or
 * 'delete'; duplicate: 'keep-marked' (the marked value becomes the record's own) or a new value.
 */
export function resolveConflict(db: Database, id: string, chosen: unknown, by: string): void {
  const row = stmt<[string], ConflictRow>(db, 'SELECT * FROM sync_conflicts WHERE id = ?').get(id);
  if (!row) throw new SyncEngineError('NOT_FOUND', 'This conflict was already settled.');
  const t = tableByName.get(row.tbl);
  if (!t) throw new SyncEngineError('NOT_FOUND', 'This conflict was already settled.');
  flushLocalWrites(db, by);
  let writes: [string, unknown][];
  if (row.kind === 'values') {
    const candidates = JSON.parse(row.candidates) as Candidate[];
    if (!candidates.some((c) => JSON.stringify(c.value) === JSON.stringify(chosen))) {
      throw new SyncEngineError('INVALID_CHOICE', 'Choose one of the values shown.');
    }
    writes = [[fieldKey(t.name, row.rk, row.col!), chosen]];
  } else if (row.kind === 'edit-on-deleted') {
    if (chosen === 'restore') writes = [[fieldKey(t.name, row.rk, DELETED), null]];
    else if (chosen === 'delete') writes = [[fieldKey(t.name, row.rk, SEEN), null]];
    else throw new SyncEngineError('INVALID_CHOICE', "Choose 'restore' or 'delete'.");
  } else {
    const marked = row.shown === null ? null : (JSON.parse(row.shown) as unknown);
    const value = chosen === 'keep-marked' ? marked : chosen;
    if (typeof value !== 'string' || value.trim() === '') throw new SyncEngineError('INVALID_CHOICE', 'Choose a value for this record.');
    writes = [[fieldKey(t.name, row.rk, row.col!), value]];
    stmt(db, 'DELETE FROM sync_unique_clash WHERE tbl = ? AND pk = ? AND col = ?').run(t.name, row.rk, row.col);
    stmt(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(id);
  }
  const docId = row.doc_id;
  const doc = loadDoc(db, docId);
  for (const [key, value] of writes) {
    // 'delete' keeps the record deleted: the fingerprint is taken of what the reviewer saw.
    doc.put(key, key.endsWith(SEEN) ? fingerprint(doc, t.name, row.rk) : value);
  }
  doc.commit(changeMessage(by, getMeta(db, 'laptop')));
  appendOutbox(db, docId, doc.lastLocalChange());
  storeDoc(db, docId, doc);
  quietly(db, () => {
    projectRecords(db, docId, doc, new Map([[t.name, new Set([row.rk])]]));
    const caseId = docCaseId(docId);
    if (caseId !== null) rebuildDerived(db, caseId);
  });
  scanConflicts(db, docId, doc, writes.map(([key]) => key));
}
