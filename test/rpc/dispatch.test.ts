import { describe, expect, it } from 'vitest';
import { contract, methods } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { addStaff, setUpCore, testCore } from '../helpers/core';

describe('the dispatcher', () => {
  it('refuses unknown methods, including inherited property names', async () => {
    const t = testCore();
    for (const name of ['clients.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, undefined]) {
      expect(await t.core.dispatch(name, {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: expect.any(String) } });
    }
  });

  it('rejects extra keys (strict input) and wrong types with field-level problems', async () => {
    const t = testCore();
    const extra = await t.core.dispatch('session.unlock', { name: 'A', passphrase: 'b', role: 'admin' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wrongType = await t.core.dispatch('session.unlock', { name: 7, passphrase: 'b' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'name' }] } });
  });

  it('answers LOCKED for every non-public method while locked', async () => {
    const t = testCore();
    for (const method of methods.filter((m) => contract[m].access !== 'public')) {
      const result = await t.core.dispatch(method, {});
      expect(result.ok ? 'ok' : result.error.code, method).toMatch(/^(LOCKED|INVALID_INPUT)$/u);
    }
    expect(await t.core.dispatch('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('enforces roles: a caseworker cannot verify the access log, an auditor can; the refusal is logged', async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Casey Synthetic');
    const auditor = await addStaff(t, 'auditor', 'Aud Synthetic');
    await t.ok('session.lock', {});

    await t.ok('session.unlock', { name: worker.name, passphrase: worker.passphrase });
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.ok('session.lock', {});

    await t.ok('session.unlock', { name: auditor.name, passphrase: auditor.passphrase });
    const report = await t.ok('audit.verify', {});
    expect(report.intact).toBe(true);
    const denied = t.control.current!.db.prepare("SELECT count(*) FROM audit_log WHERE outcome = 'denied' AND action = 'audit.verify'").pluck().get();
    expect(denied).toBe(1);
  });

  it('never lets an error message carry SQL, a stack trace or input', async () => {
    const t = await setUpCore();
    const secret = 'Canary-Input-Zq81';
    const results = [
      await t.core.dispatch('session.unlock', { name: secret, passphrase: secret }),
      await t.core.dispatch('setup.complete', { agencyName: secret, adminName: secret, passphrase: secret, recoveryKeyConfirmation: secret }),
      await t.core.dispatch('prefs.set', { language: secret }),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(errorCodes).toContain(result.error.code);
      const text = JSON.stringify(result.error);
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/SELECT|INSERT|sqlite|\bat \w+ \(/iu);
    }
  });
});
