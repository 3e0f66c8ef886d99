// Development tooling: the supervisor dashboard on the bench's store (issue 16 §4). The generated
// cases are first spread over 25 caseworkers, with a second worker on one case in 20, as an agency's
// would be; then the dashboard's figures and the longest list behind them (overdue items) are read
// through the dispatcher as the administrator, and, apart, the data-quality count the screen asks for
// beside them. Goal: dashboard_ms under 200 at 100,000 clients.
import type { SafeholdCore } from '../../main/core/app';
import type { Output } from '../../shared/contract';
import { newUserId } from '../../main/core/installation';
import { nameKey } from '../../main/keys/names';
import type { Db } from '../../main/store/open';
import type { Emit } from './caseload';

const WORKERS = 25;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export async function benchDashboard(core: SafeholdCore, db: Db, emit: Emit): Promise<void> {
  const ids = Array.from({ length: WORKERS }, () => newUserId());
  db.transaction(() => {
    const add = db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, ?, ?, 'caseworker', '2026-01-01T00:00:00Z')");
    ids.forEach((id, i) => add.run(id, `Bench Worker ${i}`, nameKey(`Bench Worker ${i}`)));
    db.prepare(`UPDATE clients SET assigned_worker_id = json_extract(?, '$[' || (rowid % ${WORKERS}) || ']')`).run(JSON.stringify(ids));
    db.prepare(`UPDATE clients SET secondary_worker_id = json_extract(?, '$[' || ((rowid + 1) % ${WORKERS}) || ']') WHERE rowid % 20 = 0`).run(JSON.stringify(ids));
  })();
  // The generated activity ends on the generator's "today"; the window reaches back 30 days from it,
  // so "no contact" reads a real month of services and notes whatever day the bench runs.
  const lastService = db.prepare('SELECT max(date) FROM services').pluck().get() as string | null;
  const sinceLast = lastService ? Math.round((Date.now() - Date.parse(`${lastService}T00:00:00Z`)) / 86_400_000) : 0;
  const noContactDays = Math.min(365, Math.max(30, 30 + sinceLast));
  const summary: number[] = [];
  const lists: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    let start = performance.now();
    const s = await core.dispatch('dashboard.summary', { noContactDays });
    summary.push(performance.now() - start);
    if (!s.ok) throw new Error(`dashboard failed: ${s.error.code}`);
    start = performance.now();
    const l = await core.dispatch('dashboard.list', { figure: 'overdue', noContactDays });
    lists.push(performance.now() - start);
    if (!l.ok) throw new Error(`dashboard list failed: ${l.error.code}`);
  }
  emit('dashboard_ms', median(summary), 'ms');
  emit('dashboard_list_ms', median(lists), 'ms');
  // The fields missing for the next funder report come from reports.dataQuality, asked beside the figures.
  const s = await core.dispatch('dashboard.summary', { noContactDays: 30 });
  if (!s.ok) throw new Error(`dashboard failed: ${s.error.code}`);
  const quality: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    const q = await core.dispatch('reports.dataQuality', { ...(s.value as Output<'dashboard.summary'>).reportPeriod, preset: 'standard' });
    quality.push(performance.now() - start);
    if (!q.ok) throw new Error(`data quality failed: ${q.error.code}`);
  }
  emit('dashboard_data_quality_ms', median(quality), 'ms');
}
