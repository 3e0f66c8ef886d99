// Main process (plain Node). Never imports electron.
// Sync while unlocked: a round on a timer and on demand ("Sync now"). The store work (plan, commit)
// runs here; the folder and crypto work runs in a worker thread, so the window stays responsive.
// After changes from other laptops are applied, the signed-in person is checked again: someone
// deactivated on another laptop is signed out here too.
import { Worker } from 'node:worker_threads';
import type { AppEvent } from '../../../shared/contract';
import type { Clock } from '../../core/clock';
import type { SessionControl } from '../../core/session-control';
import { AppError } from '../../rpc/errors';
import { FolderUnavailable, runExchange, type RoundPlan, type RoundResult } from './exchange';
import { exchangeBlobs } from './blobs';
import { checkpointAfterPurge } from '../../cases/purge';
import { commitRound, needsFollowUp, NotInTeam, prepareRound, type RoundSummary } from './round';
import { readSelf } from './state';
import { builtWorkerFile } from '../worker-file';

/** How often a round runs on its own while someone is signed in. */
export const SYNC_INTERVAL_MS = 5 * 60_000;

/** The exchange in the worker thread when the built worker is present; in this thread otherwise (tests from source). */
export function exchange(plan: RoundPlan): Promise<RoundResult> {
  const file = builtWorkerFile('sync-worker');
  if (!file) {
    return new Promise((resolve, reject) => setImmediate(() => {
      try {
        resolve(runExchange(plan));
      } catch (error) {
        reject(error instanceof Error ? error : new Error('sync exchange failed'));
      }
    }));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    worker.once('message', (reply: { ok: true; result: RoundResult } | { ok: false; folder: boolean }) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(reply.folder ? new FolderUnavailable() : new Error('sync worker failed'));
    });
    worker.once('error', (error) => {
      void worker.terminate();
      reject(error);
    });
    worker.postMessage(plan);
  });
}

export interface TeamSyncOptions {
  control: SessionControl;
  clock: Clock;
  emit: (event: AppEvent) => void;
}

export class TeamSync {
  private running: Promise<RoundSummary> | null = null;
  private timer: unknown = null;
  lastProblem: 'FOLDER' | 'FAILED' | null = null;
  waitingFiles = 0;
  needsUpdate = false;

  constructor(private readonly options: TeamSyncOptions) {}

  get syncing(): boolean {
    return this.running !== null;
  }

  /** Keeps a round running every few minutes while someone is signed in to a team laptop. */
  arm(): void {
    if (this.timer !== null) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      const session = this.options.control.current;
      if (session && readSelf(session.db)) this.syncNow().catch(() => {});
      this.arm();
    }, SYNC_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  syncNow(): Promise<RoundSummary> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private step(step: 'plan' | 'exchange' | 'apply' | 'done' | 'failed'): void {
    this.options.emit({ type: 'progress', task: 'sync', step });
  }

  private async round(): Promise<RoundSummary> {
    const { control, clock } = this.options;
    const session = control.current;
    if (!session) throw new AppError('LOCKED');
    const total = { ok: true as const, sent: 0, received: 0, conflicts: 0 };
    try {
      for (let pass = 0; pass < 2; pass += 1) {
        this.step('plan');
        const now = clock.now();
        const prepared = prepareRound(session.db, now);
        this.step('exchange');
        const result = await exchange(prepared.plan);
        // Locked meanwhile: nothing is applied (the next round reads the same files again).
        if (control.current !== session) throw new AppError('LOCKED');
        this.step('apply');
        const summary = commitRound(session.db, prepared, result, now);
        total.sent += summary.sent;
        total.received += summary.received;
        total.conflicts += summary.conflicts;
        this.waitingFiles = result.refused.length;
        this.needsUpdate = result.newerFormat || (summary.keptForUpdate ?? 0) > 0;
        if (!needsFollowUp(result)) break;
      }
      // Documents' content: blobs written, fetched and pruned in this thread (one transaction each).
      this.waitingFiles += exchangeBlobs(session.db, clock.now()).refused.length;
      // A case purged elsewhere and removed here: its pages leave the write-ahead log too.
      checkpointAfterPurge(session.db);
      this.lastProblem = null;
      control.record({ actorId: session.user.id, action: 'sync.round' });
      this.step('done');
    } catch (error) {
      this.step('failed');
      if (error instanceof NotInTeam) throw new AppError('CONFLICT', 'This laptop is not part of a team yet.');
      if (error instanceof AppError) throw error;
      this.lastProblem = error instanceof FolderUnavailable ? 'FOLDER' : 'FAILED';
      if (error instanceof FolderUnavailable) throw new AppError('NOT_FOUND', 'The shared folder cannot be reached. Check that the drive or USB stick is connected.');
      throw error;
    }
    // Deactivated on another laptop: signed out here as soon as that change arrives.
    const active = session.db.prepare<[string], { active: number }>('SELECT active FROM users WHERE id = ?').get(session.user.id);
    if (control.current === session && active?.active !== 1) control.lock('system');
    return total;
  }
}

const services = new WeakMap<SessionControl, TeamSync>();

export function attachTeamSync(options: TeamSyncOptions): TeamSync {
  const service = new TeamSync(options);
  services.set(options.control, service);
  return service;
}

export function teamSyncOf(control: SessionControl): TeamSync {
  const service = services.get(control);
  if (!service) throw new AppError('INTERNAL');
  return service;
}
