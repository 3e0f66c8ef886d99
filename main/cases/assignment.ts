// Main process (plain Node). Never imports electron.
// Who works a case: a primary and an optional secondary worker. Every change is one dated row in
// case_assignments (from whom, to whom, when, by whom) beside the case's change history, written in
// the caller's transaction; with team sync on, both rows reach the other laptops with the case.
import { AppError } from '../rpc/errors';
import { newId } from '../store/ids';
import type { Db } from '../store/open';
import { recordChanges } from '../store/repos/clients';
import { stmt } from '../store/repos/statements';

export type Position = 'primary' | 'secondary';

const COLUMN = { primary: 'assigned_worker_id', secondary: 'secondary_worker_id' } as const;

/** An active staff member who works with cases; otherwise a field problem on `path`. */
export function assertCaseWorker(db: Db, userId: string, path: string): void {
  const worker = stmt<[string], { role: string; active: number }>(db, 'SELECT role, active FROM users WHERE id = ?').get(userId);
  if (!worker || worker.active !== 1 || worker.role === 'auditor') {
    const message = 'Choose an active staff member who works with cases.';
    throw new AppError('INVALID_INPUT', message, [{ path, message }]);
  }
}

interface Change {
  clientId: string;
  position: Position;
  to: string | null;
  by: string;
  at: string;
}

/** Sets one position; a person is never both primary and secondary (the other position is cleared). Returns false when nothing changed. */
export function setWorker(db: Db, change: Change): boolean {
  const row = stmt<[string], { assigned_worker_id: string | null; secondary_worker_id: string | null }>(
    db,
    'SELECT assigned_worker_id, secondary_worker_id FROM clients WHERE id = ?',
  ).get(change.clientId);
  if (!row) throw new AppError('NOT_FOUND', 'That case could not be found.');
  const from = row[COLUMN[change.position]];
  if (from === change.to) return false;
  const other: Position = change.position === 'primary' ? 'secondary' : 'primary';
  if (change.to !== null && row[COLUMN[other]] === change.to) write(db, { ...change, position: other, to: null }, change.to);
  write(db, change, from);
  return true;
}

function write(db: Db, change: Change, from: string | null): void {
  stmt(db, `UPDATE clients SET ${COLUMN[change.position]} = ?, updated_at = ? WHERE id = ?`).run(change.to, change.at, change.clientId);
  stmt(db, 'INSERT INTO case_assignments (id, client_id, position, from_user, to_user, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    newId(),
    change.clientId,
    change.position,
    from,
    change.to,
    change.at,
    change.by,
  );
  recordChanges(db, change.clientId, change.at, change.by, 'case', [change.position === 'primary' ? 'assignedWorker' : 'secondaryWorker']);
}

/** The active cases a person works, as primary or secondary worker. */
export function casesWorkedBy(db: Db, userId: string): { id: string; position: Position }[] {
  return stmt<[string, string], { id: string; position: Position }>(
    db,
    `SELECT id, 'primary' AS position FROM clients WHERE assigned_worker_id = ?
     UNION ALL SELECT id, 'secondary' FROM clients WHERE secondary_worker_id = ?`,
  ).all(userId, userId);
}

export interface Handover {
  /** Everyone's primary cases go to this person, unless listed in `each`. */
  everyoneTo?: string | undefined;
  each: { clientId: string; workerId: string }[];
}

/**
 * When a person is deactivated: each of their primary cases goes to the chosen colleague (a choice is
 * required for every one, open or closed), and their secondary places are cleared. Runs inside the
 * deactivation's transaction.
 */
export function handOverCaseload(db: Db, userId: string, handover: Handover | undefined, by: string, at: string): number {
  const chosen = new Map((handover?.each ?? []).map((e) => [e.clientId, e.workerId]));
  const held = casesWorkedBy(db, userId);
  const missing = held.filter((c) => c.position === 'primary' && !chosen.has(c.id) && !handover?.everyoneTo);
  if (missing.length > 0) {
    const message = `Choose who takes each of this person's cases (${missing.length} without a choice).`;
    throw new AppError('INVALID_INPUT', message, [{ path: 'handover', message }]);
  }
  const targets = new Set([...chosen.values(), ...(handover?.everyoneTo ? [handover.everyoneTo] : [])]);
  for (const target of targets) {
    if (target === userId) throw new AppError('INVALID_INPUT', 'Choose someone other than the person leaving.', [{ path: 'handover', message: 'Choose someone other than the person leaving.' }]);
    assertCaseWorker(db, target, 'handover');
  }
  let moved = 0;
  for (const c of held) {
    if (c.position === 'secondary') setWorker(db, { clientId: c.id, position: 'secondary', to: null, by, at });
    else if (setWorker(db, { clientId: c.id, position: 'primary', to: chosen.get(c.id) ?? handover!.everyoneTo!, by, at })) moved += 1;
  }
  return moved;
}
