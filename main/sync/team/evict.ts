// Main process (plain Node). Never imports electron.
// Minimum necessary, after a reassignment: a laptop that may no longer hold a case removes its local
// copy (the case's rows, what this laptop derived from them, its document and its keys). The sign is
// already in the store: another laptop holds a newer key of the case that was not sealed to this one
// (a laptop that rekeys a case, which it does exactly when a laptop loses it, says it holds the new key). A case with changes of ours not
// yet sent waits for the next round, so no edit made here is lost. Laptops enrolled for people who
// see every case never lose one. If the key was only late (not withheld), the case comes back: the
// laptops that may send it seal the newest key to this one again, with the whole document.
import type { Db } from '../../store/open';
import { deletePieces, forgetDoc } from '../engine/docs';
import { forgetRowNames } from '../engine/keys';
import { quietly } from '../engine/project';
import { caseDocId, syncedTables } from '../engine/tables';
import { ALL_CASES_LAPTOP_ROLES } from './scope';
import { enqueueEvent } from './state';

/** Cases held here for which another laptop was given a key this laptop never got. */
function withheldCases(db: Db, me: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT substr(d.doc_id, 6) FROM sync_docs d
       WHERE d.doc_id LIKE 'case:%'
         AND EXISTS (SELECT 1 FROM team_case_grants g WHERE g.case_id = substr(d.doc_id, 6) AND g.laptop_id <> ?
                     AND NOT EXISTS (SELECT 1 FROM team_case_keys k WHERE k.key_id = g.key_id))
         AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.doc_id = d.doc_id)`,
    )
    .pluck()
    .all(me) as string[];
}

/** Tables (other than clients) whose rows belong to a case by a client_id column. */
function caseColumnTables(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.filter((t) => t !== 'clients' && (db.prepare(`SELECT 1 FROM pragma_table_info('${t}') WHERE name = 'client_id'`).get() !== undefined));
}

/** Removes every local trace of one case (the triggers are quiet: nothing of it is sent as a deletion). */
export function removeCaseCopy(db: Db, caseId: string): void {
  const docId = caseDocId(caseId);
  quietly(db, () => {
    db.pragma('defer_foreign_keys = ON');
    const rowid = db.prepare('SELECT rowid FROM clients WHERE id = ?').pluck().get(caseId) as number | undefined;
    for (const t of syncedTables) {
      if (!t.localIntegerKey) continue;
      forgetRowNames(db, t.name, db.prepare(`SELECT id FROM ${t.name} WHERE client_id = ?`).pluck().all(caseId) as number[]);
    }
    // Rows reached through a parent (steps, note keys, scores) first, then every client_id table.
    for (const t of [...syncedTables].reverse()) {
      if (t.doc.kind !== 'case' || !t.caseRows || t.name === 'clients') continue;
      const pk = t.pk.join(', ');
      db.prepare(`DELETE FROM ${t.name} WHERE (${pk}) IN (SELECT ${pk} FROM (${t.caseRows}))`).run(caseId);
    }
    for (const table of caseColumnTables(db)) db.prepare(`DELETE FROM ${table} WHERE client_id = ?`).run(caseId);
    db.prepare('DELETE FROM clients WHERE id = ?').run(caseId);
    if (rowid !== undefined) db.prepare('DELETE FROM client_search WHERE rowid = ?').run(rowid);
    for (const table of ['sync_docs', 'sync_pending', 'sync_reproject', 'sync_unique_clash', 'sync_conflicts', 'sync_dirty']) {
      db.prepare(`DELETE FROM ${table} WHERE doc_id = ?`).run(docId);
    }
    deletePieces(db, docId);
    db.prepare('DELETE FROM team_case_keys WHERE case_id = ?').run(caseId);
    // Who held which of its keys, as this laptop knew it: if the case comes back, it starts afresh.
    db.prepare('DELETE FROM team_case_grants WHERE case_id = ?').run(caseId);
    db.prepare('DELETE FROM team_outbox WHERE kind = ? AND body LIKE ?').run('sendsnap', `%"caseId":"${caseId}"%`);
  });
  forgetDoc(db, docId);
}

/** After a round: removes the cases this laptop was left out of. Returns how many. */
export function evictWithheldCases(db: Db, me: string): number {
  const role = db.prepare('SELECT u.role FROM team_laptops l JOIN users u ON u.id = l.user_id WHERE l.laptop_id = ?').pluck().get(me) as string | undefined;
  if (role === undefined || (ALL_CASES_LAPTOP_ROLES as readonly string[]).includes(role)) return 0;
  const cases = withheldCases(db, me);
  for (const caseId of cases) removeCaseCopy(db, caseId);
  // Said to the others: a laptop that may still hold one (the key it saw withheld was older than the
  // one sealed to it since, or arrived late) is sealed the newest key again with the whole document.
  if (cases.length > 0) enqueueEvent(db, 'dropped', { t: 'dropped', cases });
  return cases.length;
}
