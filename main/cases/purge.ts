// Main process (plain Node). Never imports electron.
// Deleting a closed case permanently (purge, issue 15): every row of the case on this laptop (its
// records, documents and their content, search and name entries, derived rows, its sync document,
// pieces and outbox, its case keys), then a tombstone holding only the case id. With team sync the
// tombstone is a row of the agency's settings document, so every laptop receives it, removes its
// own copy the same way and drops the case keys (old bundles and snapshots under them can no longer
// be opened by anyone), and refuses that case's changes, keys and snapshots from laptops that had
// not heard yet: a purged case never comes back. The access log keeps the case id and the reason.
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';
import { caseDocId, docCaseId, tableExists } from '../sync/engine/tables';
import { removeCaseCopy } from '../sync/team/evict';

/** How much went, for the access log's proof of destruction (counts only). */
export interface PurgeCounts {
  documents: number;
  records: number;
}

/** Rows of the case's synced records, counted before they go (a rough size of what was destroyed). */
function countRecords(db: Db, caseId: string): number {
  const tables = ['intake_sections', 'consents', 'goals', 'services', 'referrals', 'milestones', 'appointments', 'contact_attempts', 'case_notes', 'safety_plans', 'case_closures', 'assessments', 'documents', 'tasks'];
  let n = 0;
  for (const t of tables) if (tableExists(db, t)) n += stmt<[string], number>(db, `SELECT count(*) FROM ${t} WHERE client_id = ?`).pluck().get(caseId)!;
  return n;
}

/**
 * Removes every local trace of a case. `tombstone` writes the tombstone (a purge made here; with
 * sync on, the triggers put it into the agency document); a tombstone received needs none.
 */
export function removePurgedCase(db: Db, caseId: string, at: string, tombstone: boolean): PurgeCounts {
  const documents = stmt<[string], number>(db, 'SELECT count(*) FROM documents WHERE client_id = ?').pluck().get(caseId)!;
  const records = countRecords(db, caseId);
  // This laptop's blob files of the case go at the next sync (blobs.ts prunes a noted name once every
  // laptop has read the bundle it was noted with; 0 = at once: no laptop may fetch them any more).
  const blobs = stmt<[string], string>(db, 'SELECT blob_name FROM documents WHERE client_id = ? AND blob_name IS NOT NULL').pluck().all(caseId);
  for (const name of blobs) stmt(db, 'INSERT INTO document_blob_gone (name, after_seq) VALUES (?, 0) ON CONFLICT (name) DO UPDATE SET after_seq = 0').run(name);
  // The search index: FTS5 keeps a deleted row's terms in its index pages until they are merged;
  // secure-delete removes them with the row (name trigrams would otherwise stay readable).
  const rowid = stmt<[string], number>(db, 'SELECT rowid FROM clients WHERE id = ?').pluck().get(caseId);
  if (rowid !== undefined) {
    stmt(db, "INSERT INTO client_search (client_search, rank) VALUES ('secure-delete', 1)").run();
    stmt(db, 'DELETE FROM client_search WHERE rowid = ?').run(rowid);
    stmt(db, "INSERT INTO client_search (client_search, rank) VALUES ('secure-delete', 0)").run();
    // Earlier versions of the row (each rename rewrites it, without secure-delete) still sit in older
    // segments behind delete markers: merging every segment into one drops them (the freed pages are
    // zeroed by secure_delete).
    stmt(db, "INSERT INTO client_search (client_search) VALUES ('optimize')").run();
  }
  // Changes of ours to the case not yet sent are dropped with it.
  stmt(db, 'DELETE FROM sync_outbox WHERE doc_id = ?').run(caseDocId(caseId));
  removeCaseCopy(db, caseId);
  if (tombstone) stmt(db, 'INSERT INTO case_purges (case_id, purged_at) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING').run(caseId, at);
  return { documents, records };
}

/** Stores where a purge was applied by a sync round, to checkpoint once the round is over. */
const checkpointWanted = new WeakSet<Db>();

/**
 * After a sync round (outside its transactions): when it removed a purged case, the WAL is
 * checkpointed and truncated, so the deleted pages leave the write-ahead log as after a purge made here.
 */
export function checkpointAfterPurge(db: Db): void {
  if (!checkpointWanted.has(db)) return;
  checkpointWanted.delete(db);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Best effort: a busy reader leaves it to SQLite's next automatic checkpoint.
  }
}

/** The ids of every case purged on any laptop of the team (as far as this laptop has heard). */
export function purgedCases(db: Db): Set<string> {
  if (!tableExists(db, 'case_purges')) return new Set();
  return new Set(stmt<[], string>(db, 'SELECT case_id FROM case_purges').pluck().all());
}

/**
 * After a sync round: the cases whose tombstone arrived and that still leave a trace here (rows,
 * document, keys or who held them) are removed as on the laptop that purged them. Returns how many.
 */
export function applyPurgeTombstones(db: Db, at: string): number {
  if (!tableExists(db, 'case_purges')) return 0;
  const cases = stmt<[], string>(
    db,
    `SELECT p.case_id FROM case_purges p
     WHERE EXISTS (SELECT 1 FROM clients c WHERE c.id = p.case_id)
        OR EXISTS (SELECT 1 FROM sync_docs d WHERE d.doc_id = 'case:' || p.case_id)
        OR EXISTS (SELECT 1 FROM team_case_keys k WHERE k.case_id = p.case_id)
        OR EXISTS (SELECT 1 FROM team_case_grants g WHERE g.case_id = p.case_id)`,
  )
    .pluck()
    .all();
  for (const caseId of cases) removePurgedCase(db, caseId, at, false);
  if (cases.length > 0) checkpointWanted.add(db);
  return cases.length;
}

/** What one received bundle brings, less everything about a purged case: its keys, who holds them, its changes and snapshots. */
export function withoutPurged<F extends { caseKeys: { caseId: string }[]; grantsSeen: { caseId: string }[]; docs: { docId: string }[] }>(db: Db, file: F): F {
  const purged = purgedCases(db);
  if (purged.size === 0) return file;
  const keep = (caseId: string | null) => caseId === null || !purged.has(caseId);
  return {
    ...file,
    caseKeys: file.caseKeys.filter((k) => keep(k.caseId)),
    grantsSeen: file.grantsSeen.filter((g) => keep(g.caseId)),
    docs: file.docs.filter((d) => keep(docCaseId(d.docId))),
  };
}
