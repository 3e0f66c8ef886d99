import { FLOOR_COST } from '../../main/keys/kdf';
import { createSafeholdCore, type SafeholdCore } from '../../main/core/app';
import type { Clock } from '../../main/core/clock';
import { memoryPreferences } from '../../main/core/prefs';
import type { Input, Method, Output } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { tempDir } from './tmp';

/** Synthetic people only. */
export const AGENCY = 'Harbor Light Test Agency';
export const ADMIN = 'Avery Test-Admin';
export const PASSPHRASE = 'copper lantern meadow 42';

export interface FakeClock extends Clock {
  advance(ms: number): void;
}

export function fakeClock(start = new Date('2026-03-01T09:00:00Z')): FakeClock {
  let now = start.getTime();
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => new Date(now),
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now && timers.has(id)) {
          timers.delete(id);
          timer.fn();
        }
      }
    },
  };
}

export interface TestCore {
  core: SafeholdCore;
  dataDir: string;
  clock: FakeClock;
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

export function testCore(dataDir = tempDir()): TestCore {
  const clock = fakeClock();
  const core = createSafeholdCore({ dataDir, prefs: memoryPreferences(), clock, kdfCost: FLOOR_COST });
  const call = async <M extends Method>(method: M, input: Input<M>) => (await core.dispatch(method, input)) as Result<Output<M>>;
  return {
    core,
    dataDir,
    clock,
    call,
    async ok(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}

/** A core that has been through first-run setup and is signed in as the admin. Returns the recovery key. */
export async function setUpCore(dataDir?: string): Promise<TestCore & { recoveryKey: string }> {
  const t = testCore(dataDir);
  const { recoveryKey } = await t.ok('setup.begin', {});
  await t.ok('setup.complete', { agencyName: AGENCY, adminName: ADMIN, passphrase: PASSPHRASE, recoveryKeyConfirmation: recoveryKey });
  return { ...t, recoveryKey };
}
