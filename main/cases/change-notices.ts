// Main process (plain Node). Never imports electron.
// A notice to a case's workers (primary and secondary) when someone else changes their case: one
// row per worker and case, counting the changes until the worker marks them seen. Written by the
// dispatcher in the same transaction as the write it follows; ids only, never what changed.
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';

/** Writes that change nothing on the case itself (reading a notice or a handover). */
const QUIET = new Set(['notices.seen', 'handover.dismiss']);

export function noteChangeForWorkers(method: string, db: Db, targetId: string, by: string, at: string): void {
  if (QUIET.has(method)) return;
  stmt(
    db,
    `INSERT INTO case_change_notices (user_id, client_id, first_at, last_at, last_by, changes)
     SELECT w.id, c.id, @at, @at, @by, 1 FROM clients c
       JOIN users w ON w.id IN (c.assigned_worker_id, c.secondary_worker_id)
     WHERE c.id = @target AND w.id <> @by
     ON CONFLICT (user_id, client_id) DO UPDATE SET last_at = excluded.last_at, last_by = excluded.last_by, changes = changes + 1`,
  ).run({ target: targetId, by, at });
}
