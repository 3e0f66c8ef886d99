// Main process (plain Node). Never imports electron.
// A team laptop restored from a backup holds its store as it was when the backup was taken: what it
// did afterwards, and what it received afterwards, is missing from it, but the other laptops hold it
// and the shared folder may already have been pruned past it. So the restore marks the store: it
// reads every other laptop's files again from the first one still there (a gap left by pruning is not
// waited for), and it tells the others, who seal it every case key it may hold again with the case's
// whole document, and send it the agency documents whole. Merging is Automerge's, so what it still
// had is kept and nothing arrives twice in effect. (Its next changes are under a new Automerge actor
// id anyway: every opening of a store takes one, engine/docs.ts.) The same re-sending serves a
// caseworker's laptop that removed its copy of a case (evict.ts) and says so: if it may hold the case
// after all, it is sealed the newest key again.
import { AGENCY_DOCS } from '../engine/tables';
import * as engine from '../engine';
import type { Db } from '../../store/open';
import type { OutFrame } from './exchange';
import { enqueueEvent, hasTeamTables } from './state';

/** Called on the staged store of a restore, inside its transaction. Does nothing outside a team. */
export function markRestored(db: Db): void {
  if (!hasTeamTables(db) || db.prepare('SELECT 1 FROM team WHERE id = 1').get() === undefined) return;
  db.prepare('UPDATE team_laptops SET applied_seq = 0 WHERE laptop_id <> (SELECT laptop_id FROM team WHERE id = 1)').run();
  enqueueEvent(db, 'restored', { t: 'restored' });
}

/** Another laptop says it was restored: every key and document it may hold goes to it again. */
export function onRestored(db: Db, laptopId: string): void {
  db.prepare('DELETE FROM team_case_grants WHERE laptop_id = ?').run(laptopId);
  enqueueEvent(db, 'sendagency', { t: 'sendagency' });
}

/** Another laptop removed its copy of these cases: if it may still hold one, missingGrants seals it the newest key again. */
export function forgetHeld(db: Db, laptopId: string, cases: readonly unknown[]): void {
  const forget = db.prepare('DELETE FROM team_case_grants WHERE laptop_id = ? AND case_id = ?');
  for (const caseId of cases) if (typeof caseId === 'string') forget.run(laptopId, caseId);
}

/** The agency documents whole, for a queued 'sendagency' (once per bundle). */
export function agencySnapshots(db: Db, done: Set<string>): OutFrame[] {
  const have = new Set(engine.listDocs(db).map((d) => d.docId));
  const frames: OutFrame[] = [];
  for (const docId of AGENCY_DOCS) {
    if (done.has(docId) || !have.has(docId)) continue;
    done.add(docId);
    frames.push({ kind: 'snapshot', docId, caseId: null, data: engine.saveDoc(db, docId) });
  }
  return frames;
}
