// Main process (plain Node). Never imports electron.
// Changes from other laptops -> documents -> rows. Automerge merges, orders and de-duplicates; a
// change whose dependencies have not arrived is kept (sync_pending) and offered again with every
// later batch for its document; a change from a newer Safehold is kept and never applied. Only the
// records the changes touch are re-written, then the case's derived rows are rebuilt here.
import * as A from '@automerge/automerge';
import type { Db } from '../../store/open';
import { rebuildDerived } from '../../store/repos/derived';
import { stmt } from '../../store/repos/statements';
import { scanAllConflicts, scanConflicts } from './conflicts';
import { actorOf, DELETED, DOC_FORMAT, forgetDoc, keepDoc, loadDoc, newHandle, readMessage, splitKey, storeDoc, SyncDoc, writeWhole } from './docs';
import { flushLocalWrites } from './flush';
import { AHEAD, docPool } from './pool';
import { allFields, type Fields, projectRecords, pruneAgencyRows, quietly, recordsOf } from './project';
import { AGENCY_DOCS, docCaseId } from './tables';
import { pauseAt } from '../team/test-pause';

export interface ApplyResult {
  applied: number;
  conflicts: number;
  deferred: number;
  /** Changes written by a newer version of Safehold: kept, not applied ("update this laptop"). */
  newer: number;
  /** Changes Automerge refused (for example a change number already used by the same writer): not applied. */
  rejected: number;
}

interface Incoming {
  hash: string;
  change: Uint8Array;
  keys: string[] | null;
}

function docOrder(a: string, b: string): number {
  const ra = AGENCY_DOCS.indexOf(a as (typeof AGENCY_DOCS)[number]);
  const rb = AGENCY_DOCS.indexOf(b as (typeof AGENCY_DOCS)[number]);
  const ka = ra < 0 ? AGENCY_DOCS.length : ra;
  const kb = rb < 0 ? AGENCY_DOCS.length : rb;
  return ka - kb || (a < b ? -1 : a > b ? 1 : 0);
}

function keep(db: Db, hash: string, docId: string, reason: 'waiting' | 'newer', change: Uint8Array): void {
  stmt(db, 'INSERT INTO sync_pending (hash, doc_id, reason, change) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING').run(hash, docId, reason, change);
}

/** The root keys a change writes, or null when it writes anything else (then the whole document is re-written). */
function keysOf(ops: A.DecodedChange['ops']): string[] | null {
  const keys: string[] = [];
  for (const op of ops) {
    if (op.obj !== '_root' || typeof op.key !== 'string') return null;
    keys.push(op.key);
  }
  return keys;
}

/**
 * Documents a round may leave in memory (docs.ts keeps up to 256 for the next edits). A round over
 * more keeps none: each one loaded for it is freed once its rows are written, so Automerge's WASM
 * memory is reused instead of grown. Node runs a garbage collection ("external memory pressure") at
 * almost every growth of a WASM memory once it is large, and filling the cache during one round of
 * 783 documents grew it ~900 times: 20-41 s of collection, most of sync_apply_1000_ms (measured).
 */
export const KEEP_DOCS = 64;

/** Applies other laptops' changes. The caller wraps it in a transaction. */
export function applyRemote(db: Db, items: readonly { docId: string; change: Uint8Array }[]): ApplyResult {
  flushLocalWrites(db, null);
  const result: ApplyResult = { applied: 0, conflicts: 0, deferred: 0, newer: 0, rejected: 0 };
  const byDoc = new Map<string, Incoming[]>();
  for (const item of items) {
    let decoded: A.DecodedChange;
    try {
      decoded = A.decodeChange(item.change);
    } catch {
      // Not a change this version can read: kept for a newer version, never half-applied.
      const hash = `undecodable:${Buffer.from(item.change.subarray(0, 64)).toString('hex')}:${item.change.length}`;
      keep(db, hash, item.docId, 'newer', item.change);
      result.newer += 1;
      continue;
    }
    if (readMessage(decoded.message).v > DOC_FORMAT) {
      keep(db, decoded.hash, item.docId, 'newer', item.change);
      result.newer += 1;
      continue;
    }
    const list = byDoc.get(item.docId) ?? [];
    list.push({ hash: decoded.hash, change: item.change, keys: keysOf(decoded.ops) });
    byDoc.set(item.docId, list);
  }
  // Changes still waiting for their dependencies get another chance with their document's batch.
  for (const docId of byDoc.keys()) {
    const waiting = stmt<[string], { hash: string; change: Buffer }>(db, "SELECT hash, change FROM sync_pending WHERE doc_id = ? AND reason = 'waiting'").all(docId);
    for (const w of waiting) {
      const change = new Uint8Array(w.change);
      byDoc.get(docId)!.push({ hash: w.hash, change, keys: keysOf(A.decodeChange(change).ops) });
    }
  }

  // A round over many documents keeps none of them in memory afterwards (see KEEP_DOCS).
  const keepDocs = byDoc.size <= KEEP_DOCS;
  quietly(db, () => {
    for (const docId of [...byDoc.keys()].sort(docOrder)) {
      const incoming = byDoc.get(docId)!;
      const doc = loadDoc(db, docId);
      const after = doc.heads();
      const fresh = incoming.filter((c) => !doc.hasChange(c.hash));
      const unique = [...new Map(fresh.map((c) => [c.hash, c])).values()];
      if (unique.length === 0) continue;
      try {
        doc.h.applyChanges(unique.map((c) => c.change));
      } catch {
        // One document's refusal never stops the others; this one is read again from the store.
        forgetDoc(db, docId);
        result.rejected += unique.length;
        continue;
      }
      const keys = new Set<string>();
      let whole = false;
      const applied: Uint8Array[] = [];
      for (const c of unique) {
        if (doc.hasChange(c.hash)) {
          result.applied += 1;
          applied.push(c.change);
          stmt(db, 'DELETE FROM sync_pending WHERE hash = ?').run(c.hash);
          if (c.keys === null) whole = true;
          else for (const k of c.keys) keys.add(k);
        } else {
          keep(db, c.hash, docId, 'waiting', c.change);
          result.deferred += 1;
        }
      }
      // The applied changes' own bytes are what to append to the stored document (no re-encoding).
      storeDoc(db, docId, doc, true, applied.length > 0 ? { after, change: Buffer.concat(applied) } : undefined);
      writeRows(db, docId, doc, whole ? null : keys);
      if (!keepDocs) forgetDoc(db, docId);
    }
    retryWaitingRows(db);
  });
  const touched = [...byDoc.keys()];
  if (touched.length > 0) {
    result.conflicts = touched.reduce(
      (n, docId) => n + stmt<[string], number>(db, 'SELECT count(*) FROM sync_conflicts WHERE doc_id = ?').pluck().get(docId)!,
      0,
    );
  }
  return result;
}

/**
 * Changes kept because a newer Safehold wrote them: once this version knows their format (after an
 * update), they are applied like any other. Returns how many were applied and how many are still
 * kept (this laptop still needs an update). The caller wraps it in a transaction.
 */
export function retryNewer(db: Db): { applied: number; kept: number } {
  const rows = stmt<[], { hash: string; doc_id: string; change: Buffer }>(db, "SELECT hash, doc_id, change FROM sync_pending WHERE reason = 'newer' ORDER BY rowid").all();
  const known = rows.filter((r) => {
    try {
      return readMessage(A.decodeChange(new Uint8Array(r.change)).message).v <= DOC_FORMAT;
    } catch {
      return false;
    }
  });
  if (known.length === 0) return { applied: 0, kept: rows.length };
  for (const r of known) stmt(db, 'DELETE FROM sync_pending WHERE hash = ?').run(r.hash);
  const result = applyRemote(db, known.map((r) => ({ docId: r.doc_id, change: new Uint8Array(r.change) })));
  return { applied: result.applied, kept: rows.length - known.length };
}

const DERIVED_FROM = new Set(['clients', 'intake_sections', 'assessments', 'assessment_scores']);

/**
 * Whether a changed field feeds the case's derived rows (rebuildDerived reads the clients row's
 * id, case number, chosen name and creation time, never updated_at). Most edits of a case also set
 * clients.updated_at; that alone rebuilt names, search terms and facts for every case of a round.
 */
function feedsDerived(key: string): boolean {
  const parts = splitKey(key);
  if (!parts || !DERIVED_FROM.has(parts.table)) return false;
  return !(parts.table === 'clients' && parts.col === 'updated_at');
}

/**
 * Projects the records behind the given keys (or all), re-checks their conflicts, rebuilds derived
 * rows. doc null: a whole new document read elsewhere (`whole`, from a worker) with a one-line
 * history and no deletions, so nothing of it can need review.
 */
function writeRows(db: Db, docId: string, doc: SyncDoc | null, keys: Set<string> | null, whole?: Fields): void {
  let complete: boolean;
  if (keys === null) {
    const all = whole ? { fields: whole, conflicted: [] } : allFields(doc!);
    complete = projectRecords(db, docId, doc, undefined, all.fields);
    if (doc) scanAllConflicts(db, docId, doc, all);
  } else if (doc) {
    const only = new Map<string, Set<string>>();
    for (const key of keys) {
      const parts = splitKey(key);
      if (!parts) continue;
      const set = only.get(parts.table) ?? new Set<string>();
      set.add(parts.rk);
      only.set(parts.table, set);
    }
    complete = projectRecords(db, docId, doc, only);
    scanConflicts(db, docId, doc, keys);
  } else {
    throw new Error('writeRows: changed keys need their document');
  }
  if (complete) stmt(db, 'DELETE FROM sync_reproject WHERE doc_id = ?').run(docId);
  else stmt(db, 'INSERT INTO sync_reproject (doc_id) VALUES (?) ON CONFLICT (doc_id) DO NOTHING').run(docId);
  const caseId = docCaseId(docId);
  // Names, search terms, report facts and score lines come only from these tables.
  const derivedFrom = keys === null || [...keys].some(feedsDerived);
  // Kill tests stop here, one document's rows written, the transaction open (inert otherwise).
  pauseAt('projection');
  if (caseId !== null) {
    if (derivedFrom) rebuildDerived(db, caseId);
  } else if (docId === 'agency:instruments') {
    // Score lines follow the instrument's domains.
    for (const id of stmt<[], string>(db, 'SELECT DISTINCT client_id FROM assessments').pluck().all()) rebuildDerived(db, id);
  }
}

/** Documents whose rows referred to records not yet here: written again now that more has arrived. */
function retryWaitingRows(db: Db): void {
  for (let round = 0; round < 3; round += 1) {
    const docs = stmt<[], string>(db, 'SELECT doc_id FROM sync_reproject ORDER BY doc_id').pluck().all().sort(docOrder);
    if (docs.length === 0) return;
    let progress = false;
    for (const docId of docs) {
      const doc = loadDoc(db, docId);
      const complete = projectRecords(db, docId, doc);
      if (complete) {
        stmt(db, 'DELETE FROM sync_reproject WHERE doc_id = ?').run(docId);
        progress = true;
      }
      const caseId = docCaseId(docId);
      if (caseId !== null) rebuildDerived(db, caseId);
    }
    if (!progress) return;
  }
}

/** A whole document from another laptop's snapshot (a new laptop starting fast), merged with ours. */
export function loadSnapshot(db: Db, docId: string, bytes: Uint8Array): void {
  quietly(db, () => {
    loadOne(db, docId, bytes);
    retryWaitingRows(db);
  });
}

function isKnown(db: Db, docId: string): boolean {
  return stmt<[string], number>(db, 'SELECT 1 FROM sync_docs WHERE doc_id = ?').pluck().get(docId) !== undefined;
}

/**
 * Many snapshots at once (a laptop joining a team), with the same outcome as loadSnapshot for each:
 * the agency documents first, then the cases. A case document this laptop does not have yet is
 * read (Automerge's load and materialize) in worker threads, ahead of the main thread, which writes
 * its rows. One whose history is not one line, or that holds deletions, is read again here, as
 * loadSnapshot does, so its conflicts are listed. Waiting rows are retried once, at the end.
 * The caller's transaction holds it all: a failure leaves nothing of the batch.
 */
export function loadSnapshots(db: Db, items: readonly { docId: string; bytes: Uint8Array }[]): void {
  quietly(db, () => {
    const ordered = [...items].sort((a, b) => docOrder(a.docId, b.docId));
    const fresh: { docId: string; bytes: Uint8Array }[] = [];
    const later: { docId: string; bytes: Uint8Array }[] = [];
    const seen = new Set<string>();
    for (const item of ordered) {
      if (item.docId.startsWith('case:') && !seen.has(item.docId) && !isKnown(db, item.docId)) fresh.push(item);
      else if (item.docId.startsWith('case:')) later.push(item);
      else db.transaction(() => loadOne(db, item.docId, item.bytes))();
      seen.add(item.docId);
    }
    const pool = docPool(fresh.length, true);
    try {
      let next = 0;
      for (let i = 0; i < fresh.length; i += 1) {
        while (next < fresh.length && next < i + AHEAD) pool.submit({ kind: 'read', bytes: fresh[next++]!.bytes });
        const { docId, bytes } = fresh[i]!;
        const result = pool.take();
        if (result.kind === 'error') throw new Error(`A snapshot could not be read: ${result.message}`);
        if (result.kind !== 'read') throw new Error('A document worker answered out of turn.');
        const fields = result.fields && new Map(result.fields.map(([k, v]) => [k, v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v) : v]));
        if (!fields || [...fields.keys()].some((k) => k.endsWith(DELETED))) {
          loadOne(db, docId, bytes);
          continue;
        }
        // Each document under a savepoint of its own, released at once (as loadSnapshot's own
        // transaction does): one savepoint held open over the whole batch made SQLite's statement
        // journal grow for the whole join, and every projection under it slower.
        db.transaction(() => {
          writeWhole(db, docId, bytes, result.heads, true);
          writeRows(db, docId, null, null, fields);
        })();
      }
    } finally {
      pool.close();
    }
    for (const item of later) db.transaction(() => loadOne(db, item.docId, item.bytes))();
    retryWaitingRows(db);
  });
}

/** One snapshot, as loadSnapshot does it, without the retry of waiting rows. */
function loadOne(db: Db, docId: string, bytes: Uint8Array): void {
  if (!isKnown(db, docId)) {
    // A document this laptop does not have yet (every document of a laptop that joins): loaded once,
    // into a new handle (damaged bytes throw here and nothing is written) and stored as it came.
    const doc = new SyncDoc(newHandle(actorOf(db)));
    try {
      doc.h.loadIncremental(bytes);
    } catch (error) {
      doc.h.free();
      throw error;
    }
    writeWhole(db, docId, bytes, doc.heads(), true);
    keepDoc(db, docId, doc);
    if (!docId.startsWith('case:')) pruneAgencyRows(db, docId, doc);
    writeRows(db, docId, doc, null);
    return;
  }
  // Checked on a scratch handle first: damaged bytes never touch this laptop's copy.
  const check = newHandle(undefined);
  try {
    check.loadIncremental(bytes);
  } finally {
    check.free();
  }
  const doc = loadDoc(db, docId);
  doc.h.loadIncremental(bytes);
  storeDoc(db, docId, doc);
  if (!docId.startsWith('case:')) pruneAgencyRows(db, docId, doc);
  writeRows(db, docId, doc, null);
}

export { recordsOf };
