// Main process (plain Node). Never imports electron.
// "Looked at the caseload" is recorded once per search, not once per keystroke: the caseload screen
// asks again at each pause in typing, so a run of caseload views by the same person, with nothing
// else logged in between and less than a minute apart from the run's first, is one look.
import type { Db } from '../store/open';

export const CASELOAD_VIEW = 'clients.list';
const RUN_MS = 60_000;

/** True when a caseload view by `userId` at `now` starts a new search (and so is logged). */
export function startsNewSearch(db: Db, userId: string, now: Date): boolean {
  const last = db.prepare<[], { actor_id: string | null; action: string; at: string }>('SELECT actor_id, action, at FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  if (!last || last.actor_id !== userId || last.action !== CASELOAD_VIEW) return true;
  const since = now.getTime() - Date.parse(last.at);
  return !(since >= 0 && since < RUN_MS);
}
