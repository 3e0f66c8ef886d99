// Issue 11 finding 4: sign-in throttling cannot be raced. Attempts for one name run one at a time and
// each is counted before any key is derived, so 40 attempts fired at once get no more evaluations
// than the free allowance. The first sign-in with a setup code does the same Argon2id work (same
// calls, same parameters) whether or not the name has a pending code, and whether the code is right.
// Timings themselves are measured in the bench (tools/bench/security.ts), never asserted here.
import { describe, expect, it, vi } from 'vitest';
import * as kdf from '../../main/keys/kdf';
import { FREE_ATTEMPTS } from '../../main/keys/throttle';
import { createSafeholdCoreWithControl } from '../../main/core/app';
import { memoryPreferences } from '../../main/core/prefs';
import { ADMIN, AGENCY, fakeClock, PASSPHRASE, setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

// The real Argon2id runs; the spy only records what it was asked to do.
vi.mock('../../main/keys/kdf', async (original) => {
  const real = await original<typeof kdf>();
  return { ...real, deriveKek: vi.fn(real.deriveKek) };
});
const derive = vi.mocked(kdf.deriveKek);

/** What each Argon2id run cost, without its salt or secret. */
const costs = () => derive.mock.calls.map(([, p]) => `${p.memoryKiB}/${p.iterations}/${p.parallelism}`);

describe('sign-in throttle under parallel attempts', () => {
  it.each([39, 20, 7])('evaluates at most the free allowance of 40 parallel attempts (right one at %i)', async (rightAt) => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    derive.mockClear();
    const attempts = Array.from({ length: 40 }, (_, i) => (i === rightAt ? PASSPHRASE : `wrong guess ${i}`));
    const results = await Promise.all(attempts.map((passphrase) => t.core.dispatch('session.unlock', { name: ADMIN, passphrase })));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    const evaluated = codes.filter((c) => c !== 'TOO_MANY_ATTEMPTS');
    expect(evaluated.length).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(derive).toHaveBeenCalledTimes(evaluated.length);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBe(40 - evaluated.length);
    // The right passphrase came too late: refused like the rest, and the counter was not wiped.
    expect(codes[rightAt]).toBe('TOO_MANY_ATTEMPTS');
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('counts an attempt before its key is derived: a crash during the derivation still counts it', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    derive.mockImplementationOnce(() => Promise.reject(new Error('process killed during Argon2id')));
    const crashed = await t.core.dispatch('session.unlock', { name: ADMIN, passphrase: 'wrong guess' });
    expect(crashed.ok).toBe(false);
    for (let i = 1; i < FREE_ATTEMPTS; i += 1) {
      expect(await t.call('session.unlock', { name: ADMIN, passphrase: 'wrong guess' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    }
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
  });

  it('still lets the right passphrase in within the allowance, and a success clears the count', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    for (let i = 0; i < FREE_ATTEMPTS - 1; i += 1) await t.call('session.unlock', { name: ADMIN, passphrase: 'wrong guess' });
    expect((await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).state).toBe('unlocked');
    await t.ok('session.lock', {});
    for (let i = 0; i < FREE_ATTEMPTS - 1; i += 1) await t.call('session.unlock', { name: ADMIN, passphrase: 'wrong guess' });
    expect((await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).state).toBe('unlocked');
  });
});

describe('first sign-in with a setup code', () => {
  it('runs the same Argon2id work for a right code, a wrong code, an expired code and a name without a code', async () => {
    // A passphrase cost different from the setup codes' floor, so a decoy with the wrong model shows.
    const clock = fakeClock();
    const { core } = createSafeholdCoreWithControl({
      dataDir: tempDir(),
      prefs: memoryPreferences(),
      clock,
      kdfCost: { ...kdf.FLOOR_COST, iterations: kdf.FLOOR_COST.iterations + 1 },
    });
    const call = async (method: string, input: unknown) => core.dispatch(method, input);
    const begun = (await call('setup.begin', {})) as { ok: true; value: { recoveryKey: string } };
    await call('setup.complete', { agencyName: AGENCY, adminName: ADMIN, passphrase: PASSPHRASE, recoveryKeyConfirmation: begun.value.recoveryKey });
    const issue = async (displayName: string) => ((await call('staff.add', { displayName, role: 'caseworker' })) as { ok: true; value: { setupCode: string } }).value.setupCode;
    const rightCode = await issue('Casey Newhire');
    const staleCode = await issue('Sam Stale');
    await call('session.lock', {});

    const run = async (name: string, setupCode: string) => {
      derive.mockClear();
      const result = await call('session.firstSignIn', { name, setupCode, newPassphrase: 'my own secret words 1' });
      const seen = costs();
      if (result.ok) await call('session.lock', {});
      return { code: result.ok ? 'ok' : result.error.code, seen };
    };
    const noCode = await run('Nobody Here', 'AAAA-BBBB-CCCC-DDDD');
    const wrong = await run('Casey Newhire', 'AAAA-BBBB-CCCC-DDDD');
    const right = await run('Casey Newhire', rightCode);
    clock.advance(8 * 86_400_000);
    const expired = await run('Sam Stale', staleCode);

    expect([noCode.code, wrong.code, right.code, expired.code]).toEqual(['WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'ok', 'WRONG_PASSPHRASE']);
    // The setup code at its floor cost, then the new passphrase at the installation's cost, on every path.
    const floor = `${kdf.FLOOR_COST.memoryKiB}/${kdf.FLOOR_COST.iterations}/${kdf.FLOOR_COST.parallelism}`;
    const own = `${kdf.FLOOR_COST.memoryKiB}/${kdf.FLOOR_COST.iterations + 1}/${kdf.FLOOR_COST.parallelism}`;
    expect(right.seen).toEqual([floor, own]);
    expect(noCode.seen).toEqual(right.seen);
    expect(wrong.seen).toEqual(right.seen);
    expect(expired.seen).toEqual(right.seen);
  });
});
