import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWithPassphrase, readKeyring } from '../../main/keys/keyring';
import { openStore } from '../../main/store/open';
import { StoreError } from '../../main/store/errors';
import { ADMIN, PASSPHRASE, setUpCore, type TestCore } from '../helpers/core';

async function addCaseworker(t: TestCore, name = 'Casey Newhire') {
  const issued = await t.ok('staff.add', { displayName: name, role: 'caseworker' });
  expect(issued.setupCode).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/u);
  return issued;
}

async function signInAs(t: TestCore, name: string, passphrase: string) {
  await t.ok('session.lock', {});
  return t.ok('session.unlock', { name, passphrase });
}

describe('staff accounts', () => {
  it('a new caseworker chooses their own passphrase with a one-time setup code the admin never sees', async () => {
    const t = await setUpCore();
    const { setupCode, expiresAt } = await addCaseworker(t);
    expect(Date.parse(expiresAt) - Date.parse('2026-03-01T09:00:00Z')).toBe(7 * 86_400_000);
    await t.ok('session.lock', {});
    const status = await t.ok('session.firstSignIn', { name: 'casey newhire', setupCode: setupCode.toLowerCase(), newPassphrase: 'my own secret words 1' });
    expect(status).toMatchObject({ state: 'unlocked', user: { displayName: 'Casey Newhire', role: 'caseworker' } });
    expect(readFileSync(join(t.dataDir, 'keyring.json'), 'utf8')).not.toContain('Casey');
    // The code is spent; the passphrase now works.
    await t.ok('session.lock', {});
    expect(await t.call('session.firstSignIn', { name: 'Casey Newhire', setupCode, newPassphrase: 'another choice 22' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect((await t.ok('session.unlock', { name: 'Casey Newhire', passphrase: 'my own secret words 1' })).state).toBe('unlocked');
  });

  it('a setup code expires after a week', async () => {
    const t = await setUpCore();
    const { setupCode } = await addCaseworker(t);
    t.clock.advance(8 * 86_400_000);
    const result = await t.call('session.firstSignIn', { name: 'Casey Newhire', setupCode, newPassphrase: 'my own secret words 1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/expired/u) } });
  });

  it('a reset ends the forgotten passphrase and hands out a new code', async () => {
    const t = await setUpCore();
    const { userId, setupCode } = await addCaseworker(t);
    await t.ok('session.lock', {});
    await t.ok('session.firstSignIn', { name: 'Casey Newhire', setupCode, newPassphrase: 'forgotten words 123' });
    await signInAs(t, ADMIN, PASSPHRASE);
    const reset = await t.ok('staff.resetPassphrase', { userId });
    await t.ok('session.lock', {});
    expect(await t.call('session.unlock', { name: 'Casey Newhire', passphrase: 'forgotten words 123' })).toMatchObject({ ok: false });
    expect((await t.ok('session.firstSignIn', { name: 'Casey Newhire', setupCode: reset.setupCode, newPassphrase: 'fresh words 4567' })).state).toBe('unlocked');
  });

  it('deactivating removes the slot and rotates the data key; everyone else carries on', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Stays Readable' });
    const { userId, setupCode } = await addCaseworker(t);
    await t.ok('session.lock', {});
    await t.ok('session.firstSignIn', { name: 'Casey Newhire', setupCode, newPassphrase: 'leaving soon 12345' });
    await signInAs(t, ADMIN, PASSPHRASE);
    const oldKeyring = readKeyring(join(t.dataDir, 'keyring.json'));
    const events: unknown[] = [];
    t.core.onEvent((e) => events.push(e));

    await t.ok('staff.deactivate', { userId });
    expect(events.map((e) => (e as { step?: string }).step)).toEqual(['copy', 'rekey', 'verify', 'commit', 'swap']);
    const keyring = readKeyring(join(t.dataDir, 'keyring.json'));
    expect(keyring.keyEpoch).toBe(2);
    expect(keyring.slots.some((s) => s.kind !== 'recovery' && s.userId === userId)).toBe(false);
    // The admin's session was reopened under the new key, with every record intact.
    expect((await t.ok('clients.get', { id: client.id, breakGlassReason: null })).chosenName).toBe('Stays Readable');
    // The departed person's passphrase still opens their slot in an old copy of the keyring, but
    // the key it yields no longer opens the store.
    const stale = await openWithPassphrase(oldKeyring, 'Casey Newhire', 'leaving soon 12345');
    await t.ok('session.lock', {});
    expect(() => openStore({ path: join(t.dataDir, 'safehold.db'), key: stale!.dataKey })).toThrow(StoreError);
    expect(await t.call('session.unlock', { name: 'Casey Newhire', passphrase: 'leaving soon 12345' })).toMatchObject({ ok: false });
    expect((await t.ok('session.recover', { recoveryKey: t.recoveryKey, name: ADMIN, newPassphrase: 'after rotation 999' })).state).toBe('unlocked');
    expect((await t.ok('audit.verify', {})).intact).toBe(true);
  });

  it('keeps at least one active admin, and an admin cannot deactivate themselves', async () => {
    const t = await setUpCore();
    const me = (await t.ok('app.status', {})) as { user: { id: string } };
    expect(await t.call('staff.deactivate', { userId: me.user.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('staff.setRole', { userId: me.user.id, role: 'caseworker' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('staff.add', { displayName: ADMIN.toUpperCase(), role: 'auditor' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('sign-in throttling', () => {
  it('waits 30 s after five failures, doubling, for known and unknown names alike', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    for (const name of [ADMIN, 'Nobody At All']) {
      for (let i = 0; i < 5; i += 1) expect(await t.call('session.unlock', { name, passphrase: 'wrong guess' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
      expect(await t.call('session.unlock', { name, passphrase: 'wrong guess' })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    }
    // Even the right passphrase waits.
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    t.clock.advance(30_000);
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: 'wrong guess' })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    t.clock.advance(30_000);
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS' } });
    t.clock.advance(30_000);
    expect((await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).state).toBe('unlocked');
  });

  it('locks a name out after 100 failures until the recovery key is used', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    for (let i = 0; i < 100; i += 1) {
      t.clock.advance(16 * 60_000);
      await t.call('session.unlock', { name: ADMIN, passphrase: 'wrong guess' });
    }
    t.clock.advance(60 * 60_000);
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ error: { code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/locked/u) } });
    await t.ok('session.recover', { recoveryKey: t.recoveryKey, name: ADMIN, newPassphrase: 'recovered words 42' });
    await t.ok('session.lock', {});
    expect((await t.ok('session.unlock', { name: ADMIN, passphrase: 'recovered words 42' })).state).toBe('unlocked');
  }, 120_000);
});

describe('break the glass', () => {
  it('lets a caseworker open an unassigned case only with a reason, kept in the store and logged', async () => {
    const t = await setUpCore();
    const other = await t.ok('clients.create', { chosenName: 'Not Yours' });
    const { setupCode } = await addCaseworker(t);
    await t.ok('session.lock', {});
    await t.ok('session.firstSignIn', { name: 'Casey Newhire', setupCode, newPassphrase: 'my own secret words 1' });
    expect(await t.call('clients.get', { id: other.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('clients.get', { id: other.id, breakGlassReason: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const opened = await t.ok('clients.get', { id: other.id, breakGlassReason: 'Covering the crisis line tonight; survivor called in.' });
    expect(opened.chosenName).toBe('Not Yours');
    const db = t.control.current!.db;
    expect(db.prepare('SELECT count(*) FROM access_reasons WHERE client_id = ?').pluck().get(other.id)).toBe(1);
    expect(db.prepare("SELECT target_id FROM audit_log WHERE action = 'client.break-glass'").pluck().all()).toEqual([other.id]);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain('crisis line');
    // Having said why, they can work on the case for the rest of the day, and no longer after.
    expect((await t.ok('clients.history', { id: other.id })).entries.length).toBeGreaterThan(0);
    t.clock.advance(13 * 3_600_000);
    await t.ok('session.unlock', { name: 'Casey Newhire', passphrase: 'my own secret words 1' });
    expect(await t.call('clients.history', { id: other.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the access log', () => {
  it('lists entries by action, person and outcome, newest first, for admins and auditors', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    await t.call('session.unlock', { name: ADMIN, passphrase: 'wrong guess' });
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const failed = await t.ok('audit.list', { outcome: 'failed' });
    expect(failed.entries.map((e) => e.action)).toEqual(['session.sign-in']);
    const sessions = await t.ok('audit.list', { action: 'session.' });
    expect(sessions.entries.map((e) => e.action)).toEqual(['session.unlock', 'session.sign-in', 'session.lock.manual', 'session.unlock']);
    expect(sessions.entries[0]).toMatchObject({ actor: ADMIN, outcome: 'ok' });
  });

  it('notices when its newest entries are cut off below the anchor written at lock', async () => {
    const t = await setUpCore();
    await t.ok('clients.create', { chosenName: 'Someone' });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect((await t.ok('audit.verify', {})).intact).toBe(true);
    // Someone with the key deletes the newest entries, from the lock onwards.
    t.control.current!.db.prepare("DELETE FROM audit_log WHERE seq >= (SELECT min(seq) FROM audit_log WHERE action = 'session.lock.manual')").run();
    expect((await t.ok('audit.verify', {})).intact).toBe(false);
  });

  it('lets the admin set the idle lock between 1 and 30 minutes', async () => {
    const t = await setUpCore();
    expect(await t.call('settings.setIdleLock', { minutes: 45 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await t.ok('settings.setIdleLock', { minutes: 1 });
    expect((await t.ok('app.status', {})) as { idleLockMinutes: number }).toMatchObject({ idleLockMinutes: 1 });
    await t.ok('session.touch', {});
    t.clock.advance(61_000);
    expect((await t.ok('app.status', {})).state).toBe('locked');
  });
});
