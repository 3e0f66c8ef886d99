// Issue 11, finding 1: who may restore a backup over an existing store, and what carries over. Each
// scenario the review reproduced: a caseworker restoring last week's backup, a demoted admin restoring
// one to be admin again, a stranger's own backup replacing the agency's store, a regenerated recovery
// key still restoring, the access log losing what was written since the backup, a case number issued
// twice. Restoring onto a new computer with the backup's own secrets still works.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import { restoreBackup } from '../../main/backup/restore';
import { dataPaths } from '../../main/core/paths';
import { readKeyring } from '../../main/keys/keyring';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, testCore } from '../helpers/core';
import { filesUnder } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

/** The store, keyring, anchor and side files (the sign-in throttle's counters may change: attempts count). */
function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).filter((f) => !f.endsWith('signin-throttle.json')).map((f) => [f.slice(dir.length), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

const admin = { name: ADMIN, passphrase: PASSPHRASE };

type T = Awaited<ReturnType<typeof setUpCore>>;

function userId(t: T, name: string): string {
  return t.control.current!.db.prepare<[string], string>('SELECT id FROM users WHERE display_name = ?').pluck().get(name)!;
}

/** Every access-log row as it is stored (MACs included). */
function logRows(t: T): string[] {
  return t.control
    .current!.db.prepare('SELECT seq, at, actor_id, action, target_id, outcome, hex(mac) AS mac FROM audit_log ORDER BY seq')
    .all()
    .map((row) => JSON.stringify(row));
}

async function agencyWithBackup() {
  const t = await setUpCore();
  await t.ok('clients.create', { chosenName: 'Before The Backup' });
  const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
  return { t, made };
}

describe('restoring over an existing store needs its administrator or its current recovery key', () => {
  it("a caseworker's passphrase cannot restore (or look inside) last week's backup; nothing changes", async () => {
    const t = await setUpCore();
    // A caseworker who was on staff last week, when the backup was made.
    const worker = await addStaff(t, 'caseworker', 'Curious Caseworker');
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    t.clock.advance(7 * 86_400_000);
    await t.ok('session.unlock', admin);
    await t.ok('clients.create', { chosenName: 'Made This Week' });
    await t.ok('session.lock', {});
    const before = fileHashes(t.dataDir);
    for (const method of ['backup.restore', 'backup.inspect'] as const) {
      const refused = await t.call(method, { file: made.file, ...worker });
      expect(refused, method).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'current' }] } });
      expect(!refused.ok && refused.error.message).toMatch(/needs an administrator of this computer .* or the current recovery key\. Nothing was changed\./u);
    }
    expect(fileHashes(t.dataDir)).toEqual(before);
    // Even naming the caseworker as the one vouching, with the backup opened by an admin's passphrase.
    expect(await t.call('backup.restore', { file: made.file, ...admin, current: worker })).toMatchObject({ ok: false, error: { fields: [{ path: 'current' }] } });
    expect(fileHashes(t.dataDir)).toEqual(before);
    await t.ok('session.unlock', admin);
    expect((await t.ok('clients.list', { assigned: 'any', limit: 50 })).rows.map((c) => c.chosenName)).toEqual(['Made This Week']);
  });

  it('a demoted administrator cannot restore, and an admin restoring their old backup does not make them admin again', async () => {
    const t = await setUpCore();
    const second = await addStaff(t, 'admin', 'Soon Demoted Admin');
    const secondId = userId(t, second.name);
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    await t.ok('staff.setRole', { userId: secondId, role: 'caseworker' });
    await t.ok('session.lock', {});

    const before = fileHashes(t.dataDir);
    expect(await t.call('backup.restore', { file: made.file, ...second })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'current' }] } });
    expect(fileHashes(t.dataDir)).toEqual(before);

    expect(await t.ok('backup.restore', { file: made.file, ...admin })).toEqual({ state: 'locked' });
    await t.ok('session.unlock', second);
    expect(t.control.current!.user).toMatchObject({ id: secondId, role: 'caseworker' });
    expect(await t.call('settings.setBackupReminder', { days: 3 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("a stranger's own backup cannot replace the agency's store; the owner still signs in", async () => {
    const { t } = await agencyWithBackup();
    await t.ok('session.lock', {});
    // Someone sets up their own Safehold elsewhere with the same admin name and passphrase, and backs it up.
    const stranger = await setUpCore(join(tempDir(), 'stranger'));
    await stranger.ok('clients.create', { chosenName: 'Stranger Record' });
    const theirs = await stranger.ok('backup.create', { folder: tempDir('safehold-usb-') });

    const before = fileHashes(t.dataDir);
    for (const input of [{ file: theirs.file, recoveryKey: stranger.recoveryKey }, { file: theirs.file, name: 'Someone Else', passphrase: PASSPHRASE }]) {
      expect(await t.call('backup.restore', input)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'current' }] } });
    }
    expect(fileHashes(t.dataDir)).toEqual(before);
    await t.ok('session.unlock', admin);
    expect((await t.ok('clients.list', { assigned: 'any', limit: 50 })).rows.map((c) => c.chosenName)).toEqual(['Before The Backup']);
  });

  it('a regenerated recovery key no longer restores, and after a restore the old key still opens nothing', async () => {
    const { t, made } = await agencyWithBackup();
    const oldKey = t.recoveryKey;
    const { recoveryKey: newKey } = await t.ok('recovery.regenerate', { currentPassphrase: PASSPHRASE });
    await t.ok('session.lock', {});

    const before = fileHashes(t.dataDir);
    expect(await t.call('backup.restore', { file: made.file, recoveryKey: oldKey })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'current' }] } });
    expect(fileHashes(t.dataDir)).toEqual(before);

    // The current recovery key vouches; the old one opens the backup (it was valid then).
    expect(await t.ok('backup.restore', { file: made.file, recoveryKey: oldKey, current: { recoveryKey: newKey } })).toEqual({ state: 'locked' });
    await t.ok('session.unlock', admin);
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true });
    await t.ok('session.lock', {});
    // The current recovery key is the one in the restored keyring: the old one opens no session...
    expect(await t.call('session.recover', { recoveryKey: oldKey, name: ADMIN, newPassphrase: 'a brand new passphrase 7' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    // ...and cannot restore again; the new one can still recover the administrator.
    expect(await t.call('backup.restore', { file: made.file, recoveryKey: oldKey })).toMatchObject({ ok: false, error: { fields: [{ path: 'current' }] } });
    await t.ok('session.recover', { recoveryKey: newKey, name: ADMIN, newPassphrase: 'a brand new passphrase 7' });
  });

  it('a signed-in administrator restores from Admin → Backups; the session ends and sign-in follows; other roles may not', async () => {
    const { t, made } = await agencyWithBackup();
    const worker = await addStaff(t, 'caseworker', 'Signed In Caseworker');
    await t.ok('clients.create', { chosenName: 'After The Backup' });
    const events: AppEvent[] = [];
    t.core.onEvent((event) => events.push(event));
    // The data key is the backup's, so no other secret is needed.
    expect(await t.ok('backup.inspect', { file: made.file })).toMatchObject({ clients: 1 });
    expect(await t.ok('backup.restore', { file: made.file })).toEqual({ state: 'locked' });
    expect(events).toEqual([{ type: 'locked', reason: 'restored' }]);
    expect(t.control.current).toBeNull();

    await t.ok('session.unlock', worker);
    for (const method of ['backup.inspect', 'backup.restore'] as const) {
      expect(await t.call(method, { file: made.file }), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    await t.ok('session.lock', {});
    await t.ok('session.unlock', admin);
    const restores = (await t.ok('audit.list', { action: 'backup.restore' })).entries;
    expect(restores.filter((e) => e.action === 'backup.restore').map((e) => [e.actor, e.outcome])).toEqual([[ADMIN, 'ok']]);
    // Written in the signed-in administrator's name and signed with their key; the log verifies.
    const signer = t.control.current!.db.prepare<[], string | null>("SELECT signer FROM audit_log WHERE action = 'backup.restore'").pluck().get();
    expect(signer).toEqual(expect.any(String));
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true });
    // The caseworker added after the backup keeps their account: the restore says so in the log.
    expect(restores.filter((e) => e.action === 'backup.restore.account-kept').map((e) => e.targetId)).toEqual([userId(t, worker.name)]);
  });

  it('after a key rotation the backup needs a secret of its own; the message says so, and both together restore', async () => {
    const { t, made } = await agencyWithBackup();
    const leaving = await addStaff(t, 'caseworker', 'Leaving Worker');
    await t.ok('staff.deactivate', { userId: userId(t, leaving.name) });
    // The signed-in admin's key no longer opens the backup: asked for the backup's own secret.
    const asked = await t.call('backup.inspect', { file: made.file });
    expect(asked).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'backup' }] } });
    expect(!asked.ok && asked.error.message).toMatch(/also needs a secret of its own/u);
    // The admin's passphrase was valid then too.
    expect(await t.ok('backup.inspect', { file: made.file, ...admin })).toMatchObject({ clients: 1 });
    await t.ok('session.lock', {});
    expect(await t.call('backup.restore', { file: made.file, recoveryKey: '7777 7777 7777 7777 7777 7777 7777 7777', current: admin })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'backup' }] },
    });
    const epoch = readKeyring(dataPaths(t.dataDir).keyring).keyEpoch;
    expect(await t.ok('backup.restore', { file: made.file, recoveryKey: t.recoveryKey, current: admin })).toEqual({ state: 'locked' });
    // A new data key: the backup's (which old secrets open) does not open the restored store.
    expect(readKeyring(dataPaths(t.dataDir).keyring).keyEpoch).toBe(epoch + 1);
    expect(await t.call('session.unlock', leaving)).toMatchObject({ ok: false });
    await t.ok('session.unlock', admin);
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true });
  });
});

describe('what a restore over an existing store carries over', () => {
  it('every access-log entry written since the backup is in the restored log, exactly as it was, and it verifies', async () => {
    const { t, made } = await agencyWithBackup();
    for (const chosenName of ['Since One', 'Since Two', 'Since Three']) await t.ok('clients.create', { chosenName });
    await t.ok('audit.list', {});
    await t.ok('session.lock', {});
    await t.ok('session.unlock', admin);
    const before = logRows(t);
    await t.ok('session.lock', {});
    await t.ok('backup.restore', { file: made.file, ...admin });
    await t.ok('session.unlock', admin);

    const after = logRows(t);
    // The restored log is the log as it was (every row, MACs included), then the lock, the restore and this sign-in.
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((row) => (JSON.parse(row) as { action: string }).action)).toEqual(['session.lock.manual', 'backup.restore', 'session.unlock']);
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true });
    const created = (await t.ok('audit.list', { action: 'clients.create' })).entries;
    expect(created).toHaveLength(4);
    // The records themselves are the backup's.
    expect((await t.ok('clients.list', { assigned: 'any', limit: 50 })).rows.map((c) => c.chosenName)).toEqual(['Before The Backup']);
  });

  it('a case number issued after the backup is never issued again', async () => {
    const { t, made } = await agencyWithBackup();
    const { caseNumber: issued } = await t.ok('clients.create', { chosenName: 'After The Backup' });
    await t.ok('session.lock', {});
    await t.ok('backup.restore', { file: made.file, ...admin });
    await t.ok('session.unlock', admin);
    const { caseNumber: next } = await t.ok('clients.create', { chosenName: 'After The Restore' });
    expect(next).not.toBe(issued);
    expect(Number(next.split('-')[2])).toBe(Number(issued.split('-')[2]) + 1);
  });

  it('staff added since the backup keep their accounts; deactivations and the current key slots hold', async () => {
    const { t, made } = await agencyWithBackup();
    const newcomer = await addStaff(t, 'supervisor', 'Newcomer Supervisor');
    await t.ok('session.lock', {});
    const restored = await restoreBackup({ paths: dataPaths(t.dataDir), file: made.file, secret: admin, now: t.clock.now() });
    expect(restored).toMatchObject({ keyRotated: false, deactivatedAgain: 0 });
    expect(restored.logCarried).toBeGreaterThan(0);
    await t.ok('session.unlock', newcomer);
    expect(t.control.current!.user.role).toBe('supervisor');
  });

  it('a new computer (no store) still restores with the backup’s own recovery key', async () => {
    const { t, made } = await agencyWithBackup();
    const fresh = testCore(join(tempDir(), 'new-laptop'));
    expect(await fresh.ok('backup.restore', { file: made.file, recoveryKey: t.recoveryKey })).toEqual({ state: 'locked' });
    expect(readdirSync(fresh.dataDir).sort()).toEqual(['audit-anchor.json', 'keyring.json', 'safehold.db']);
    await fresh.ok('session.unlock', admin);
    // With nothing to vouch for, a secret for the backup is still needed.
    const empty = testCore(join(tempDir(), 'another-laptop'));
    expect(await empty.call('backup.restore', { file: made.file })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'backup' }] } });
  });
});
