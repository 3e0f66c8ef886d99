// Main process (plain Node). Never imports electron.
// The whole back end as one object: what the Electron shell, the browser preview and the tests all
// drive. Transports only move {method, input} in and Results and events out.
import { mkdirSync } from 'node:fs';
import type { AppEvent } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { AnchorKeeper } from '../audit/anchor';
import type { KdfCost } from '../keys/kdf';
import { createDispatcher, type CallLog } from '../rpc/dispatch';
import { createHandlers } from '../rpc/handlers';
import { systemClock, type Clock } from './clock';
import { dataPaths } from './paths';
import type { PreferencesStore } from './prefs';
import { SessionControl, type LockReason } from './session-control';
import { attachTeamSync } from '../sync/team/service';

export interface SafeholdCoreOptions {
  dataDir: string;
  prefs: PreferencesStore;
  clock?: Clock;
  kdfCost?: KdfCost | 'calibrate';
  log?: CallLog;
  /** Where the access-log anchor outside the data folder is kept (the shell: the OS keychain; default: the user's config folder). */
  anchors?: AnchorKeeper;
}

export interface SafeholdCore {
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  lock(reason: LockReason): void;
  close(): void;
}

/** The core plus its session control, for tests that need to look inside a running session. */
export function createSafeholdCoreWithControl(options: SafeholdCoreOptions): { core: SafeholdCore; control: SessionControl } {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const clock = options.clock ?? systemClock;
  const listeners = new Set<(event: AppEvent) => void>();
  const control = new SessionControl({
    paths: dataPaths(options.dataDir),
    clock,
    kdfCost: options.kdfCost ?? 'calibrate',
    ...(options.anchors ? { anchors: options.anchors } : {}),
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  });
  const teamSync = attachTeamSync({ control, clock, emit: (event) => listeners.forEach((listener) => listener(event)) });
  teamSync.arm();
  const dispatch = createDispatcher({
    handlers: createHandlers(options.prefs),
    control,
    now: () => clock.now(),
    ...(options.log ? { log: options.log } : {}),
  });
  const core: SafeholdCore = {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lock: (reason) => control.lock(reason),
    close: () => {
      teamSync.stop();
      control.close();
    },
  };
  return { core, control };
}

export function createSafeholdCore(options: SafeholdCoreOptions): SafeholdCore {
  return createSafeholdCoreWithControl(options).core;
}
