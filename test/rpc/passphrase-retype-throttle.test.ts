// A passphrase typed again inside a session (to change it, or to make a new recovery key) counts
// like a sign-in attempt under that person's name: an unlocked screen left alone is no faster way to
// guess someone's passphrase than the sign-in screen (5 free tries, then waits), and tries fired at
// once run one at a time, so they cannot all run Argon2id together either.
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, setUpCore } from '../helpers/core';

const NEW = 'a completely new passphrase 7';

describe('re-typing one’s passphrase in a session', () => {
  it('changePassphrase: after five wrong current passphrases even the right one waits; nothing changed', async () => {
    const t = await setUpCore();
    for (let i = 0; i < 5; i += 1) {
      const wrong = await t.call('session.changePassphrase', { currentPassphrase: `wrong guess number ${i}`, newPassphrase: NEW });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    const right = await t.call('session.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW });
    expect(right).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    // The passphrase was not changed: the old one still opens after the wait.
    t.clock.advance(60 * 60_000);
    await t.ok('session.lock', {});
    expect((await t.ok('session.unlock', { name: 'Avery Test-Admin', passphrase: PASSPHRASE })).state).toBe('unlocked');
  }, 120_000);

  it('recovery.regenerate: guesses fired at once get no more than the five free tries', async () => {
    const t = await setUpCore();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.call('recovery.regenerate', { currentPassphrase: `parallel wrong guess ${i}` })),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'WRONG_PASSPHRASE')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect(await t.call('recovery.regenerate', { currentPassphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
  }, 120_000);
});
