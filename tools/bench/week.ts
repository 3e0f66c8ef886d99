// Development tooling: a worker's week view on the bench's store (issue 16 §1). Two appointments per
// case over the year, with the case's worker (the dashboard bench has spread the cases over 25
// workers), then a week of one worker's appointments read through the dispatcher as the administrator,
// as a supervisor opens a colleague's week. Goal: week_view_ms under 200 at 100,000 clients.
import type { SafeholdCore } from '../../main/core/app';
import type { Db } from '../../main/store/open';
import type { Emit } from './caseload';

const KINDS = "json_array('court', 'uscis', 'medical', 'home_visit', 'office', 'legal', 'other')";

export async function benchWeek(core: SafeholdCore, db: Db, emit: Emit): Promise<void> {
  db.transaction(() => {
    for (const shift of [0, 173]) {
      db.prepare(
        `INSERT INTO appointments (id, client_id, date, time, minutes, staff_id, kind, status, created_at, created_by)
         SELECT lower(hex(randomblob(16))), c.id, date('2026-01-01', '+' || ((c.rowid * 37 + ${shift}) % 365) || ' days'),
                printf('%02d:%02d', 8 + (c.rowid % 9), (c.rowid % 4) * 15), 60, coalesce(c.assigned_worker_id, c.created_by),
                json_extract(${KINDS}, '$[' || (c.rowid % 7) || ']'), CASE WHEN c.rowid % 5 = 0 THEN 'attended' ELSE 'booked' END,
                '2026-01-01T00:00:00Z', c.created_by
         FROM clients c`,
      ).run();
    }
  })();
  const workers = db.prepare<[], string>("SELECT id FROM users WHERE role = 'caseworker' ORDER BY id").pluck().all();
  const times: number[] = [];
  let listed = 0;
  for (let i = 0; i < 20; i += 1) {
    const from = new Date(Date.parse('2026-01-05T00:00:00Z') + (i % 50) * 7 * 86_400_000).toISOString().slice(0, 10);
    const start = performance.now();
    const week = await core.dispatch('appointments.week', { from, workerId: workers[i % workers.length] ?? null });
    times.push(performance.now() - start);
    if (!week.ok) throw new Error(`week view failed: ${week.error.code}`);
    listed += (week.value as { items: unknown[] }).items.length;
  }
  emit('week_view_ms', [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!, 'ms');
  emit('week_view_items', Math.round(listed / times.length), 'appointments');
}
