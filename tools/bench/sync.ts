// Development tooling: team sync (document side) figures, through the real dispatcher.
// - sync_edit_overhead_p95_ms: the same interactive edits (a service added to a random case, so the
//   case's document is usually not in memory) on two stores seeded alike, one with sync on and one
//   without, alternated in one run; the figure is the difference of their 95th percentiles.
// - sync_apply_1000_ms: a second laptop, started from the first one's snapshots, applies those
//   edits' 1,000 changes in one transaction (documents, rows, derived rows, conflict checks).
// - team_create_ms: turning a seeded store into the first laptop of a team (every case a document).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeholdCoreWithControl, type SafeholdCore } from '../../main/core/app';
import type { SessionControl } from '../../main/core/session-control';
import { memoryPreferences } from '../../main/core/prefs';
import { seedClients, seededRng } from '../../main/demo/generator';
import { FLOOR_COST } from '../../main/keys/kdf';
import type { Db } from '../../main/store/open';
import { closeStore, openStore } from '../../main/store/open';
import { applyRemote, enableSync, listDocs, loadSnapshots, saveDoc, takeOutbox } from '../../main/sync/engine';
import type { Emit } from './caseload';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function seededCore(dir: string, clients: number): Promise<{ core: SafeholdCore; control: SessionControl; ids: string[] }> {
  const { core, control } = createSafeholdCoreWithControl({ dataDir: dir, prefs: memoryPreferences(), kdfCost: FLOOR_COST });
  const begin = (await core.dispatch('setup.begin', {})) as { ok: true; value: { recoveryKey: string } };
  await core.dispatch('setup.complete', { agencyName: 'Bench Agency', adminName: 'Bench Admin', passphrase: 'bench passphrase words', recoveryKeyConfirmation: begin.value.recoveryKey });
  const db = control.current!.db;
  seedClients(db, { count: clients, seed: 7, today: new Date('2026-11-01T12:00:00Z'), workerIds: [control.current!.user.id] });
  return { core, control, ids: db.prepare('SELECT id FROM clients ORDER BY id').pluck().all() as string[] };
}

/** Turning an existing store into the first laptop of a team. */
export function benchTeamCreate(db: Db, emit: Emit, name = 'team_create_ms'): void {
  const start = performance.now();
  const { docs } = enableSync(db, { actorId: randomBytes(16).toString('hex') });
  emit(name, performance.now() - start, 'ms');
  emit('team_create_docs', docs, 'docs');
}

/** Only team creation, on a store of `clients` seeded cases (SAFEHOLD_BENCH_ONLY=team). */
export async function benchTeamCreateSeeded(clients: number, emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-team-create-'));
  const seeded = await seededCore(join(dir, 'store'), clients);
  try {
    benchTeamCreate(seeded.control.current!.db, emit, clients === 100_000 ? 'team_create_100k_ms' : `team_create_${clients}_ms`);
  } finally {
    seeded.core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSync(clients: number, edits: number, emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-sync-'));
  const off = await seededCore(join(dir, 'off'), clients);
  const on = await seededCore(join(dir, 'on'), clients);
  const laptop = openStore({ path: join(dir, 'second.db'), key: randomBytes(32), create: true });
  try {
    const source = on.control.current!.db;
    benchTeamCreate(source, emit, `team_create_${clients}_ms`);
    // A second laptop from the first one's snapshots, before the edits.
    enableSync(laptop, { actorId: randomBytes(16).toString('hex'), joining: true });
    let start = performance.now();
    // As a joining laptop loads them: one batch (loadSnapshots), its Automerge side in worker threads.
    const snapshots = listDocs(source).map(({ docId }) => ({ docId, bytes: saveDoc(source, docId) }));
    laptop.transaction(() => loadSnapshots(laptop, snapshots))();
    emit(`sync_snapshot_load_${clients}_ms`, performance.now() - start, 'ms');

    const rng = seededRng(11);
    const times = { off: [] as number[], on: [] as number[] };
    for (let i = 0; i < edits; i += 1) {
      const pick = Math.floor(rng() * clients);
      for (const [label, side] of (i % 2 === 0 ? [['off', off], ['on', on]] : [['on', on], ['off', off]]) as [keyof typeof times, typeof on][]) {
        start = performance.now();
        const result = await side.core.dispatch('services.add', { clientId: side.ids[pick]!, date: '2026-11-02', category: 'case_management', minutes: 30 });
        times[label].push(performance.now() - start);
        if (!result.ok) throw new Error(`services.add failed: ${result.error.code}`);
      }
    }
    emit('edit_p95_sync_off_ms', percentile(times.off, 95), 'ms');
    emit('edit_p95_sync_on_ms', percentile(times.on, 95), 'ms');
    emit('sync_edit_overhead_p95_ms', percentile(times.on, 95) - percentile(times.off, 95), 'ms');

    // The edits' changes, applied on the second laptop in one transaction.
    const changes = takeOutbox(source).map(({ docId, change }) => ({ docId, change }));
    start = performance.now();
    const result = laptop.transaction(() => applyRemote(laptop, changes)).immediate();
    emit(`sync_apply_${changes.length}_ms`, performance.now() - start, 'ms');
    if (result.applied !== changes.length) throw new Error(`applied ${result.applied} of ${changes.length}`);
  } finally {
    closeStore(laptop);
    off.core.close();
    on.core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
