import { FLOOR_COST } from '../../main/keys/kdf';
import { createSafeholdCoreWithControl, type SafeholdCore } from '../../main/core/app';
import type { SessionControl } from '../../main/core/session-control';
import type { Clock } from '../../main/core/clock';
import { memoryPreferences } from '../../main/core/prefs';
import type { Input, Method, Output } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { newUserId } from '../../main/core/installation';
import { dataPaths } from '../../main/core/paths';
import { readKeyring, withPassphraseSlot, writeKeyring } from '../../main/keys/keyring';
import { auditLog } from '../../main/audit/chain';
import { recordKeys } from '../../main/audit/identities';
import { newIdentity, wipeIdentity } from '../../main/keys/identity';
import { nameKey } from '../../main/keys/names';
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
  control: SessionControl;
  dataDir: string;
  clock: FakeClock;
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

export function testCore(dataDir = tempDir()): TestCore {
  const clock = fakeClock();
  const { core, control } = createSafeholdCoreWithControl({ dataDir, prefs: memoryPreferences(), clock, kdfCost: FLOOR_COST });
  const call = async <M extends Method>(method: M, input: Input<M>) => (await core.dispatch(method, input)) as Result<Output<M>>;
  return {
    core,
    control,
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

/**
 * Adds a staff member straight into the store and keyring, as staff.add and their first sign-in do
 * (their own keys in their slot, vouched for by the signed-in admin in the access log).
 * Returns their sign-in name and passphrase.
 */
export async function addStaff(t: TestCore, role: Role, name: string): Promise<{ name: string; passphrase: string }> {
  const session = t.control.current;
  if (!session) throw new Error('sign in first');
  const passphrase = `${name} secret passphrase`;
  const id = newUserId();
  session.db
    .prepare('INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, name, nameKey(name), role, new Date().toISOString());
  const paths = dataPaths(t.dataDir);
  const identity = session.identity ? newIdentity(session.identity.root || session.identity.signingKey) : null;
  const next = await withPassphraseSlot(readKeyring(paths.keyring), { userId: id, name, passphrase, dataKey: session.dataKey, cost: FLOOR_COST, identity });
  writeKeyring(paths.keyring, next);
  if (identity) {
    session.db.transaction(() =>
      recordKeys(auditLog(session.db, session.auditKey, () => t.clock.now()), session.user.id, { user: id, identity, admin: role === 'admin', active: true, role }),
    )();
    wipeIdentity(identity);
  }
  return { name, passphrase };
}
