// Development tooling: caseload figures at scale, through the real dispatcher (zod, roles, audit).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeholdCoreWithControl } from '../../main/core/app';
import { memoryPreferences } from '../../main/core/prefs';
import { seedClients, seededRng } from '../../main/demo/generator';
import { FLOOR_COST } from '../../main/keys/kdf';
import { fold } from '../../shared/fold';
import { benchCaseloadRender } from './render';
import { benchStoreOps } from './store-ops';
import { benchReportHistory } from './report-history';
import { benchDashboard } from './dashboard';
import { benchWeek } from './week';
import { benchTeamCreate } from './sync';

export interface Emit {
  (name: string, value: number, unit: string): void;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchCaseload(clients: number, emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-caseload-'));
  const { core, control } = createSafeholdCoreWithControl({ dataDir: dir, prefs: memoryPreferences(), kdfCost: FLOOR_COST });
  try {
    const begin = (await core.dispatch('setup.begin', {})) as { ok: true; value: { recoveryKey: string } };
    await core.dispatch('setup.complete', {
      agencyName: 'Bench Agency',
      adminName: 'Bench Admin',
      passphrase: 'bench passphrase words',
      recoveryKeyConfirmation: begin.value.recoveryKey,
    });
    const session = control.current!;
    let start = performance.now();
    seedClients(session.db, { count: clients, seed: 42, today: new Date('2026-11-01T12:00:00Z'), workerIds: [session.user.id] });
    emit('seed_clients_per_s', clients / ((performance.now() - start) / 1000), 'clients/s');
    emit('caseload_clients', clients, 'clients');

    const rng = seededRng(9);
    const names = session.db.prepare<[], { chosen_name: string; id: string }>('SELECT chosen_name, id FROM clients').all();
    const timings = { search: [] as number[], profile: [] as number[], firstPage: [] as number[], plan: [] as number[] };
    for (let i = 0; i < 300; i += 1) {
      const row = names[Math.floor(rng() * names.length)]!;
      // A partial name typed without its accents, as a caseworker would.
      const folded = fold(row.chosen_name);
      const from = Math.floor(rng() * Math.max(1, folded.length - 4));
      const query = folded.slice(from, from + 3 + Math.floor(rng() * 3));
      start = performance.now();
      const result = await core.dispatch('clients.list', { query, assigned: 'any', limit: 100 });
      timings.search.push(performance.now() - start);
      if (!result.ok) throw new Error(`search failed: ${result.error.code}`);

      start = performance.now();
      const profile = await core.dispatch('clients.get', { id: row.id });
      timings.profile.push(performance.now() - start);
      if (!profile.ok) throw new Error(`profile failed: ${profile.error.code}`);

      start = performance.now();
      await core.dispatch('clients.list', { assigned: 'any', limit: 100, offset: Math.floor(rng() * (clients - 100)) });
      timings.firstPage.push(performance.now() - start);

      start = performance.now();
      const plan = await core.dispatch('plan.get', { id: row.id });
      timings.plan.push(performance.now() - start);
      if (!plan.ok) throw new Error(`plan failed: ${plan.error.code}`);
    }
    emit('search_p50_ms', percentile(timings.search, 50), 'ms');
    emit('search_p95_ms', percentile(timings.search, 95), 'ms');
    emit('profile_load_p50_ms', percentile(timings.profile, 50), 'ms');
    emit('profile_load_p95_ms', percentile(timings.profile, 95), 'ms');
    emit('caseload_page_p95_ms', percentile(timings.firstPage, 95), 'ms');
    emit('plan_load_p95_ms', percentile(timings.plan, 95), 'ms');
    const counts = session.db.prepare<[], { services: number; goals: number; referrals: number }>(
      'SELECT (SELECT count(*) FROM services) AS services, (SELECT count(*) FROM goals) AS goals, (SELECT count(*) FROM referrals) AS referrals',
    ).get()!;
    emit('bench_services', counts.services, 'rows');
    // One person holding every case: the heaviest "what's due" there can be.
    const dueTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      start = performance.now();
      const due = await core.dispatch('due.list', {});
      dueTimes.push(performance.now() - start);
      if (!due.ok) throw new Error(`due failed: ${due.error.code}`);
    }
    emit('due_view_ms', percentile(dueTimes, 50), 'ms');
    await benchDashboard(core, session.db, emit);
    await benchWeek(core, session.db, emit);
    const assessments = session.db.prepare('SELECT count(*) FROM assessments').pluck().get() as number;
    emit('bench_assessments', assessments, 'rows');

    // The auditor's report for the last full year, computed through the dispatcher, then exported.
    const reportTimes: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      start = performance.now();
      const report = await core.dispatch('reports.outcomes', { from: '2025-01-01', to: '2025-12-31' });
      reportTimes.push(performance.now() - start);
      if (!report.ok) throw new Error(`report failed: ${report.error.code}`);
    }
    emit('report_ms', percentile(reportTimes, 50), 'ms');
    start = performance.now();
    const exported = await core.dispatch('reports.export', { from: '2025-01-01', to: '2025-12-31', folder: join(dir, 'reports'), formats: ['csv', 'pdf', 'json'] });
    emit('export_ms', performance.now() - start, 'ms');
    if (!exported.ok) throw new Error(`export failed: ${exported.error.code}`);
    // The same report after 100,000 later status changes (dated history, migration 0100).
    await benchReportHistory(core, session.db, { from: '2025-01-01', to: '2025-12-31' }, emit);

    // Backup, restore and key rotation of this store, each against what the disk and crypto allow.
    await benchStoreOps(
      { core, control, storePath: join(dir, 'safehold.db'), recoveryKey: begin.value.recoveryKey, signIn: { name: 'Bench Admin', passphrase: 'bench passphrase words' } },
      emit,
    );
    // Last, so no figure above is taken on a store with sync on: the whole bench store becomes a team's first laptop.
    benchTeamCreate(control.current!.db, emit, clients === 100_000 ? 'team_create_100k_ms' : `team_create_${clients}_ms`);
    core.close();
    await benchCaseloadRender(dir, { name: 'Bench Admin', passphrase: 'bench passphrase words' }, emit);
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
