// Main process (plain Node). Never imports electron.
// The handover summary a worker sees first on a case newly given to them: open goals, deadlines in
// the next 30 days (goal targets, open steps, milestone clocks), consents expiring in 30 days and the
// last safety-plan change. Generated on read from the case's records, so it is never stale.
import type { HandoverSummary } from '../../shared/schemas/handover';
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';
import { localIsoDate } from './dates';

export const HANDOVER_HORIZON_DAYS = 30;
const LIMIT = 100;

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Assignment {
  id: string;
  position: 'primary' | 'secondary';
  at: string;
  from_name: string | null;
  by_name: string | null;
}

/** The newest assignment that gave this case to the person and that they have not dismissed. */
function pendingAssignment(db: Db, clientId: string, userId: string): Assignment | undefined {
  return stmt<[string, string, string], Assignment>(
    db,
    `SELECT a.id, a.position, a.at, f.display_name AS from_name, b.display_name AS by_name
     FROM case_assignments a LEFT JOIN users f ON f.id = a.from_user LEFT JOIN users b ON b.id = a.by_user
     WHERE a.client_id = ? AND a.to_user = ? AND a.by_user IS NOT ?
       AND NOT EXISTS (SELECT 1 FROM handover_seen s WHERE s.assignment_id = a.id AND s.user_id = a.to_user)
     ORDER BY a.at DESC LIMIT 1`,
  ).get(clientId, userId, userId);
}

export function handoverSummary(db: Db, clientId: string, userId: string, now: Date): HandoverSummary {
  const today = localIsoDate(now);
  const horizon = shift(today, HANDOVER_HORIZON_DAYS);
  const pending = pendingAssignment(db, clientId, userId);
  const openGoals = stmt<[string], { id: string; domain: string; title: string; target_date: string | null }>(
    db,
    `SELECT id, domain, title, target_date FROM goals WHERE client_id = ? AND status = 'open' ORDER BY target_date IS NULL, target_date, title LIMIT ${LIMIT}`,
  ).all(clientId);
  const deadlines = stmt<[{ c: string; h: string }], { kind: 'goal_target' | 'goal_step' | 'milestone'; label: string; date: string }>(
    db,
    `SELECT 'goal_target' AS kind, title AS label, target_date AS date FROM goals WHERE client_id = @c AND status = 'open' AND target_date <= @h
     UNION ALL SELECT 'goal_step', s.text, s.due_date FROM goal_steps s JOIN goals g ON g.id = s.goal_id
       WHERE g.client_id = @c AND g.status = 'open' AND s.done_on IS NULL AND s.due_date <= @h
     UNION ALL SELECT 'milestone', kind, due_on FROM milestones WHERE client_id = @c AND status IN ('requested', 'granted') AND due_on <= @h
     ORDER BY date LIMIT ${LIMIT}`,
  ).all({ c: clientId, h: horizon });
  const consents = stmt<[{ c: string; t: string; h: string }], { kind: string; recipient: string | null; expiry_date: string }>(
    db,
    `SELECT kind, recipient, expiry_date FROM consents WHERE client_id = @c AND revoked_on IS NULL AND expiry_date >= @t AND expiry_date <= @h ORDER BY expiry_date LIMIT ${LIMIT}`,
  ).all({ c: clientId, t: today, h: horizon });
  const safety = stmt<[string], { saved_at: string; version: number }>(
    db,
    'SELECT saved_at, version FROM safety_plans WHERE client_id = ? ORDER BY version DESC LIMIT 1',
  ).get(clientId);
  return {
    pending: pending
      ? { assignmentId: pending.id, position: pending.position, at: pending.at, fromName: pending.from_name, byName: pending.by_name }
      : null,
    openGoals: openGoals.map((g) => ({ id: g.id, domain: g.domain, title: g.title, targetDate: g.target_date })),
    deadlines: deadlines.map((d) => ({ ...d, overdue: d.date < today })),
    consentsExpiring: consents.map((k) => ({ kind: k.kind, recipient: k.recipient, expiryDate: k.expiry_date })),
    safetyPlan: safety ? { version: safety.version, savedAt: safety.saved_at } : null,
  };
}

/** The person has read the handover; it stays in the history, the notice goes. */
export function dismissHandover(db: Db, clientId: string, userId: string, at: string): boolean {
  const pending = pendingAssignment(db, clientId, userId);
  if (!pending) return false;
  // Every earlier assignment of this case to the person is read along with the newest.
  stmt(db, 'INSERT OR IGNORE INTO handover_seen (user_id, assignment_id, at) SELECT ?, id, ? FROM case_assignments WHERE client_id = ? AND to_user = ?').run(
    userId,
    at,
    clientId,
    userId,
  );
  return true;
}
