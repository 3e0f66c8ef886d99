// Development tooling: the same year's report after 100,000 later status changes (goals and
// referrals changing status in the following year, through the store's own history triggers), timed
// through the dispatcher; its figures must be identical to the report before the changes.
import type { SafeholdCore } from '../../main/core/app';
import type { Db } from '../../main/store/open';
import type { Emit } from './caseload';

const CHANGES = 100_000;
const GOAL_STATUSES = ['achieved', 'partly', 'not_achieved', 'withdrawn', 'open'] as const;
const REFERRAL_STATUSES = ['accepted', 'completed', 'declined', 'no_response', 'sent'] as const;

export async function benchReportHistory(core: SafeholdCore, db: Db, period: { from: string; to: string }, emit: Emit): Promise<void> {
  const before = await core.dispatch('reports.outcomes', period);
  if (!before.ok) throw new Error(`report failed: ${before.error.code}`);
  const events = () => db.prepare('SELECT count(*) FROM status_events').pluck().get() as number;
  const start = events();
  // Rounds over every goal and referral, each round a new status on a later day of the next year.
  for (let round = 0; events() - start < CHANGES; round += 1) {
    const left = CHANGES - (events() - start);
    const day = new Date(Date.UTC(2026, 0, 2 + round)).toISOString().slice(0, 10);
    db.transaction(() => {
      const goals = db.prepare('UPDATE goals SET status = ?, status_on = ? WHERE rowid IN (SELECT rowid FROM goals LIMIT ?)').run(GOAL_STATUSES[round % 5], day, left).changes;
      if (goals < left) db.prepare('UPDATE referrals SET status = ?, status_on = ? WHERE rowid IN (SELECT rowid FROM referrals LIMIT ?)').run(REFERRAL_STATUSES[round % 5], day, left - goals);
    })();
  }
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    const after = await core.dispatch('reports.outcomes', period);
    times.push(performance.now() - t0);
    if (!after.ok) throw new Error(`report failed: ${after.error.code}`);
    if (JSON.stringify(after.value) !== JSON.stringify(before.value)) throw new Error('The closed year changed after later status changes.');
  }
  emit('report_history_changes', events() - start, 'rows');
  emit('report_history_ms', times.sort((a, b) => a - b)[1]!, 'ms');
}
