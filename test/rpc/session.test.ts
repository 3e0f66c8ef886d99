import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, AGENCY, PASSPHRASE, setUpCore, testCore } from '../helpers/core';

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('first-run setup', () => {
  it('starts in needs-setup and writes nothing until the recovery key is confirmed', async () => {
    const t = testCore();
    expect(await t.ok('app.status', {})).toEqual({ state: 'needs-setup' });
    const { recoveryKey } = await t.ok('setup.begin', {});
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/u);
    expect(readdirSync(t.dataDir)).toEqual([]);

    const wrong = await t.call('setup.complete', {
      agencyName: AGENCY,
      adminName: ADMIN,
      passphrase: PASSPHRASE,
      recoveryKeyConfirmation: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'recoveryKeyConfirmation' }] } });
    expect(readdirSync(t.dataDir)).toEqual([]);
  });

  it('creates the store and keyring and signs the admin in', async () => {
    const t = await setUpCore();
    // While open, the (encrypted) write-ahead log sits beside the store; the WAL index stays in memory.
    // The access log's anchor is written from setup on (and at every sign-in and lock).
    expect(readdirSync(t.dataDir).sort()).toEqual(['audit-anchor.json', 'keyring.json', 'safehold.db', 'safehold.db-wal']);
    const status = await t.ok('app.status', {});
    expect(status).toMatchObject({ state: 'unlocked', agencyName: AGENCY, user: { displayName: ADMIN, role: 'admin' }, idleLockMinutes: 5 });
    expect(await t.call('setup.begin', {})).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('rejects a short passphrase with a message beside the field', async () => {
    const t = testCore();
    const { recoveryKey } = await t.ok('setup.begin', {});
    const result = await t.call('setup.complete', { agencyName: AGENCY, adminName: ADMIN, passphrase: 'short', recoveryKeyConfirmation: recoveryKey });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'passphrase' }] } });
  });
});

describe('lock and unlock', () => {
  it('locks on request: data methods answer LOCKED and the key buffer is wiped', async () => {
    const t = await setUpCore();
    const events: unknown[] = [];
    t.core.onEvent((e) => events.push(e));
    await t.ok('session.lock', {});
    expect(events).toEqual([{ type: 'locked', reason: 'manual' }]);
    expect(await t.ok('app.status', {})).toEqual({ state: 'locked' });
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await t.call('session.touch', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // The store is closed: its write-ahead log is gone; beside it only the keyring and the access-log anchor.
    expect(readdirSync(t.dataDir).sort()).toEqual(['audit-anchor.json', 'keyring.json', 'safehold.db']);
  });

  it('wipes the data key from memory on lock', async () => {
    const t = await setUpCore();
    const { dataKey, auditKey } = t.control.current!;
    expect(dataKey.some((b) => b !== 0)).toBe(true);
    t.core.lock('manual');
    expect(t.control.current).toBeNull();
    expect(dataKey.every((b) => b === 0)).toBe(true);
    expect(auditKey.every((b) => b === 0)).toBe(true);
  });

  it('unlocks with the right passphrase and refuses a wrong one without touching any file', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    const storeAndKeys = () => ['safehold.db', 'keyring.json'].map((f) => fileHash(join(t.dataDir, f)));
    const before = storeAndKeys();
    const wrong = await t.call('session.unlock', { name: ADMIN, passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const unknown = await t.call('session.unlock', { name: 'Nobody', passphrase: PASSPHRASE });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    // Neither the store nor the keyring changed; only the sign-in throttle counted the failures.
    expect(storeAndKeys()).toEqual(before);
    expect(readdirSync(t.dataDir)).toContain('signin-throttle.json');

    const status = await t.ok('session.unlock', { name: ADMIN.toUpperCase(), passphrase: PASSPHRASE });
    expect(status).toMatchObject({ state: 'unlocked', user: { role: 'admin' } });
    // The two failures are in the access log, written at the next successful unlock.
    expect((await t.ok('audit.verify', {})).intact).toBe(true);
  });

  it('locks itself after the idle time, and activity postpones it', async () => {
    const t = await setUpCore();
    const events: unknown[] = [];
    t.core.onEvent((e) => events.push(e));
    t.clock.advance(4 * 60_000);
    await t.ok('session.touch', {});
    t.clock.advance(4 * 60_000);
    expect(events).toEqual([]);
    expect((await t.ok('app.status', {})).state).toBe('unlocked');
    t.clock.advance(5 * 60_000);
    expect(events).toEqual([{ type: 'locked', reason: 'idle' }]);
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('passphrases and recovery', () => {
  it('changes the passphrase by re-wrapping only: the store file is untouched', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const wrong = await t.call('session.changePassphrase', { currentPassphrase: 'nope nope nope', newPassphrase: 'violet orchard kettle 3' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await t.ok('session.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'violet orchard kettle 3' });
    await t.ok('session.lock', {});
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ ok: false });
    expect(await t.ok('session.unlock', { name: ADMIN, passphrase: 'violet orchard kettle 3' })).toMatchObject({ state: 'unlocked' });
  });

  it('recovers a forgotten admin passphrase with the recovery key', async () => {
    const t = await setUpCore();
    await t.ok('session.lock', {});
    const wrongKey = await t.call('session.recover', {
      recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000',
      name: ADMIN,
      newPassphrase: 'amber tide compass 5',
    });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const status = await t.ok('session.recover', { recoveryKey: t.recoveryKey.toLowerCase(), name: ADMIN, newPassphrase: 'amber tide compass 5' });
    expect(status).toMatchObject({ state: 'unlocked', user: { displayName: ADMIN } });
    await t.ok('session.lock', {});
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ ok: false });
    expect(await t.ok('session.unlock', { name: ADMIN, passphrase: 'amber tide compass 5' })).toMatchObject({ state: 'unlocked' });
  });
});
