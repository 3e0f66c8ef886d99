// Encrypted backups, as an agency uses them: back up to a folder, lose the laptop, restore on a new
// one with the recovery key (or a passphrase) and find every client again. A wrong key or a store in
// use is refused and nothing changes; an old backup still opens after the data key was rotated.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../main/backup/restore';
import { dataPaths } from '../../main/core/paths';
import { seedClients } from '../../main/demo/generator';
import { readKeyring } from '../../main/keys/keyring';
import { serverTextKey } from '../../renderer/src/i18n/serverText';
import type { Db } from '../../main/store/open';
import { ADMIN, AGENCY, PASSPHRASE, addStaff, setUpCore, testCore, type TestCore } from '../helpers/core';
import { filesUnder, scanForCanaries } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

/** Every row of every table but the access log (which grows with each sign-in and the restore itself). */
function casesDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search_%' AND name <> 'audit_log' ORDER BY name").all();
  for (const { name } of tables) {
    hash.update(name);
    // A restored store records the backup it came from as its last backup, and its case numbers go on
    // from the highest issued before the restore: those settings differ.
    const rows = name === 'settings' ? "SELECT * FROM settings WHERE key <> 'last_backup_at' AND key NOT GLOB 'case_seq_*'" : `SELECT * FROM "${name}"`;
    for (const row of db.prepare(rows).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
  }
  return hash.digest('hex');
}

/** Every file in the data folder but the sign-in throttle's counters (a refused attempt counts). */
function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).filter((f) => !f.endsWith('signin-throttle.json')).map((f) => [f.slice(dir.length), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

/** An agency with 120 generated cases and a few with unmistakable canary names. */
async function agency(): Promise<TestCore & { recoveryKey: string; canaries: string[] }> {
  const t = await setUpCore();
  const session = t.control.current!;
  seedClients(session.db, { count: 120, seed: 11, today: t.clock.now(), workerIds: [session.user.id] });
  const canaries = Array.from({ length: 20 }, () => `Qz${randomBytes(9).toString('hex')}`);
  for (const name of canaries) await t.ok('clients.create', { chosenName: name });
  return { ...t, canaries };
}

describe('encrypted backup and restore', () => {
  it('a lost laptop: back up, delete the data folder, restore with the recovery key, find every client', async () => {
    const t = await agency();
    const folder = tempDir('safehold-usb-');
    const expected = casesDigest(t.control.current!.db);
    const clients = (await t.ok('clients.list', { assigned: 'any', limit: 500 })).total;
    const made = await t.ok('backup.create', { folder });
    expect(made.file.startsWith(folder)).toBe(true);
    expect(readdirSync(folder)).toEqual([made.file.slice(folder.length + 1)]);
    expect(made.file).toMatch(/safehold-backup-\d{8}-\d{6}\.shbk$/u);
    expect(statSync(made.file).size).toBe(made.bytes);
    t.core.close();
    rmSync(t.dataDir, { recursive: true, force: true });

    const fresh = testCore(join(tempDir(), 'new-laptop'));
    expect((await fresh.ok('app.status', {})).state).toBe('needs-setup');
    const summary = await fresh.ok('backup.inspect', { file: made.file, recoveryKey: t.recoveryKey });
    expect(summary).toMatchObject({ clients, appVersion: '0.1.0', keyEpoch: 1, auditLogIntact: true, bytes: made.bytes });
    expect(summary.createdAt).toBe(made.createdAt);
    expect(readdirSync(fresh.dataDir)).toEqual([]);

    expect(await fresh.ok('backup.restore', { file: made.file, recoveryKey: t.recoveryKey.toLowerCase() })).toEqual({ state: 'locked' });
    expect(readdirSync(fresh.dataDir).sort()).toEqual(['audit-anchor.json', 'keyring.json', 'safehold.db']);
    await fresh.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(casesDigest(fresh.control.current!.db)).toBe(expected);
    expect((await fresh.ok('clients.list', { assigned: 'any', limit: 500 })).total).toBe(clients);
    expect(await fresh.ok('audit.verify', {})).toMatchObject({ intact: true });
    const actions = (await fresh.ok('audit.list', { action: 'backup.' })).entries.map((e) => e.action);
    expect(actions).toEqual(['backup.restore']);
  });

  it("restores with an administrator's passphrase, keeping the replaced store aside", async () => {
    const t = await agency();
    const folder = tempDir('safehold-usb-');
    const expected = casesDigest(t.control.current!.db);
    const made = await t.ok('backup.create', { folder });
    expect((await t.ok('audit.list', { action: 'backup.create' })).entries).toHaveLength(1);
    await t.ok('clients.create', { chosenName: 'Made After The Backup' });
    await t.ok('session.lock', {});

    expect(await t.ok('backup.restore', { file: made.file, name: ADMIN, passphrase: PASSPHRASE })).toEqual({ state: 'locked' });
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(casesDigest(t.control.current!.db)).toBe(expected);
    const entries = (await t.ok('audit.list', { action: 'backup.restore' })).entries.filter((e) => e.action === 'backup.restore');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toBe(ADMIN);
    const previous = readdirSync(t.dataDir).filter((n) => n.startsWith('previous-'));
    expect(previous).toHaveLength(1);
    expect(readdirSync(join(t.dataDir, previous[0]!)).sort()).toEqual(['audit-anchor.json', 'keyring.json', 'safehold.db']);
  });

  it('the backup file holds no plaintext: not an SQLite file, and no canary in any encoding', async () => {
    const t = await agency();
    const folder = tempDir('safehold-usb-');
    const made = await t.ok('backup.create', { folder });
    expect(readFileSync(made.file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(scanForCanaries([folder], [...t.canaries, AGENCY, ADMIN, PASSPHRASE])).toEqual([]);
    // The check-only and restore paths leave nothing readable behind either.
    await t.ok('session.lock', {});
    await t.ok('backup.inspect', { file: made.file, recoveryKey: t.recoveryKey });
    await t.ok('backup.restore', { file: made.file, recoveryKey: t.recoveryKey });
    expect(scanForCanaries([t.dataDir], [...t.canaries, AGENCY, ADMIN, PASSPHRASE])).toEqual([]);
  });

  it('a wrong passphrase or recovery key is refused and the current store is untouched', async () => {
    const t = await agency();
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    await t.ok('session.lock', {});
    const before = fileHashes(t.dataDir);
    const wrongKey = '7777 7777 7777 7777 7777 7777 7777 7777';
    for (const input of [
      { file: made.file, name: ADMIN, passphrase: 'not the right passphrase' },
      { file: made.file, name: 'Nobody Here', passphrase: PASSPHRASE },
      { file: made.file, recoveryKey: wrongKey },
    ]) {
      for (const method of ['backup.inspect', 'backup.restore'] as const) {
        const result = await t.call(method, input);
        expect(result, method).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/Nothing was changed/u) } });
      }
    }
    expect(fileHashes(t.dataDir)).toEqual(before);
    expect(await t.call('backup.restore', { file: join(tempDir(), 'missing.shbk'), recoveryKey: t.recoveryKey })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fileHashes(t.dataDir)).toEqual(before);
  });

  it('restore is refused while someone other than an administrator is signed in', async () => {
    const t = await agency();
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    const worker = await addStaff(t, 'caseworker', 'Signed In Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    expect(await t.call('backup.restore', { file: made.file, recoveryKey: t.recoveryKey })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only an administrator can restore a backup.' },
    });
    expect((await t.ok('app.status', {})).state).toBe('unlocked');
  });

  it('a backup made before a key rotation restores under a new key, with the current key slots', async () => {
    const t = await agency();
    const expected = casesDigest(t.control.current!.db);
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    t.control.rotateKey();
    const paths = dataPaths(t.dataDir);
    expect(readKeyring(paths.keyring).keyEpoch).toBe(2);
    await t.ok('session.lock', {});

    const restored = await restoreBackup({ paths, file: made.file, secret: { name: ADMIN, passphrase: PASSPHRASE }, now: t.clock.now() });
    expect(restored.summary.keyEpoch).toBe(1);
    expect(restored.keyRotated).toBe(true);
    expect(readKeyring(paths.keyring).keyEpoch).toBe(3);
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(casesDigest(t.control.current!.db)).toBe(expected);
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true });
  });

  it('backup.status: overdue until the first backup, and again once it is older than the limit', async () => {
    const t = await setUpCore();
    expect(await t.ok('backup.status', {})).toEqual({ lastBackupAt: null, maxAgeDays: 7, overdue: true });
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    expect(await t.ok('backup.status', {})).toEqual({ lastBackupAt: made.createdAt, maxAgeDays: 7, overdue: false });
    const worker = await addStaff(t, 'caseworker', 'Status Reader');
    t.clock.advance(7 * 86_400_000 + 60_000);
    await t.ok('session.unlock', worker);
    expect(await t.ok('backup.status', {})).toMatchObject({ overdue: true });
    // Only admins make backups.
    expect(await t.call('backup.create', { folder: tempDir() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the reminder follows the limit the admin sets, and only an admin can set it', async () => {
    const t = await setUpCore();
    await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    t.clock.advance(3 * 86_400_000);
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(await t.ok('backup.status', {})).toMatchObject({ maxAgeDays: 7, overdue: false });

    // Three days old: a two-day limit makes it overdue, and the change is in the access log.
    await t.ok('settings.setBackupReminder', { days: 2 });
    expect(await t.ok('backup.status', {})).toMatchObject({ maxAgeDays: 2, overdue: true });
    const logged = (await t.ok('audit.list', { action: 'settings.' })).entries;
    expect(logged.map((e) => [e.action, e.targetId, e.outcome])).toEqual([['settings.setBackupReminder', null, 'ok']]);
    await t.ok('settings.setBackupReminder', { days: 30 });
    expect(await t.ok('backup.status', {})).toMatchObject({ maxAgeDays: 30, overdue: false });

    // Out of range, not whole, not a number: refused, and the limit in use stays 30.
    for (const days of [0, 91, 2.5, '14']) {
      expect(await t.call('settings.setBackupReminder', { days } as never), `days: ${String(days)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await t.ok('backup.status', {})).toMatchObject({ maxAgeDays: 30 });
    expect((await t.ok('audit.list', { action: 'settings.' })).entries).toHaveLength(2);

    // A caseworker sees the limit in the banner but cannot change it; the refusal is logged.
    const worker = await addStaff(t, 'caseworker', 'Reminder Reader');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    expect(await t.call('settings.setBackupReminder', { days: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.ok('backup.status', {})).toMatchObject({ maxAgeDays: 30, overdue: false });
    // 31 days after the backup, the admin's 30-day limit has passed.
    t.clock.advance(28 * 86_400_000);
    await t.ok('session.unlock', worker);
    expect(await t.ok('backup.status', {})).toMatchObject({ maxAgeDays: 30, overdue: true });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const denied = (await t.ok('audit.list', { action: 'settings.', outcome: 'denied' })).entries;
    expect(denied.map((e) => e.action)).toEqual(['settings.setBackupReminder']);
  });

  it('refuses a folder that is missing or not absolute, and writes nothing there', async () => {
    const t = await setUpCore();
    expect(await t.call('backup.create', { folder: join(tempDir(), 'not-plugged-in') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('backup.create', { folder: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await t.ok('audit.list', { action: 'backup.create' })).entries.map((e) => e.outcome)).toEqual(['failed']);
  });
});

describe('deactivations survive a restore', () => {
  /** An agency, a caseworker, a backup made while they were active, then their deactivation. */
  async function deactivatedSinceBackup() {
    const t = await agency();
    const worker = await addStaff(t, 'caseworker', 'Leaving Caseworker');
    const workerId = t.control.current!.db.prepare<[], string>("SELECT id FROM users WHERE display_name = 'Leaving Caseworker'").pluck().get()!;
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    await t.ok('staff.deactivate', { userId: workerId });
    await t.ok('session.lock', {});
    return { t, worker, workerId, made };
  }

  it("refuses a deactivated account's old passphrase as the key to a restore, and changes nothing", async () => {
    const { t, worker, made } = await deactivatedSinceBackup();
    const before = fileHashes(t.dataDir);
    const refused = await t.call('backup.restore', { file: made.file, name: worker.name, passphrase: worker.passphrase });
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    // The screen shows it in the person's language.
    expect(!refused.ok && serverTextKey(refused.error.message)?.key).toBe('server.restoreNotAuthorized');
    expect(fileHashes(t.dataDir)).toEqual(before);
  });

  it('restored with the recovery key, the account is deactivated again, has no key slot, and the data key is new', async () => {
    const { t, worker, workerId, made } = await deactivatedSinceBackup();
    const paths = dataPaths(t.dataDir);
    const restored = await restoreBackup({ paths, file: made.file, secret: { recoveryKey: t.recoveryKey }, now: t.clock.now() });
    expect(restored).toMatchObject({ deactivatedAgain: 1, keyRotated: true });
    const keyring = readKeyring(paths.keyring);
    expect(keyring.keyEpoch).toBeGreaterThan(restored.summary.keyEpoch);
    expect(JSON.stringify(keyring)).not.toContain(workerId);
    expect(await t.call('session.unlock', { name: worker.name, passphrase: worker.passphrase })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });

    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const { staff } = await t.ok('staff.list', {});
    expect(staff.find((s) => s.id === workerId)).toMatchObject({ active: false });
    expect(t.control.current!.db.prepare('SELECT count(*) FROM clients WHERE assigned_worker_id = ?').pluck().get(workerId)).toBe(0);
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: true });
    const actions = (await t.ok('audit.list', {})).entries.map((e) => `${e.action}${e.targetId === workerId ? ' (them)' : ''}`);
    expect(actions).toEqual(expect.arrayContaining(['backup.restore', 'staff.deactivate (them)', 'key.rotated']));
  });

  it("a deactivated account's passphrase cannot even look inside a backup here", async () => {
    const { t, worker, made } = await deactivatedSinceBackup();
    expect(await t.call('backup.inspect', { file: made.file, name: worker.name, passphrase: worker.passphrase })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await t.call('backup.inspect', { file: made.file, recoveryKey: t.recoveryKey })).toMatchObject({ ok: true });
  });

  it('a restore keeps the administrators of now: one added since stays, one deactivated since stays deactivated', async () => {
    const t = await agency();
    const admin = t.control.current!.user.id;
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    // A second administrator arrives after the backup, and the first leaves.
    const second = await addStaff(t, 'admin', 'Second Admin');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', second);
    // The leaving administrator's cases go to the one who stays (deactivation asks who takes them).
    await t.ok('staff.deactivate', { userId: admin, handover: { everyoneTo: t.control.current!.user.id } });
    await t.ok('session.lock', {});
    await t.ok('backup.restore', { file: made.file, recoveryKey: t.recoveryKey });
    expect(await t.call('session.unlock', { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ ok: false });
    await t.ok('session.unlock', second);
    expect(t.control.current!.user.role).toBe('admin');
    const { staff } = await t.ok('staff.list', {});
    expect(staff.find((s) => s.id === admin)).toMatchObject({ active: false });
  });

  it('deactivation removes the slots and rotates the key even when the list beside the store is damaged, and mends the list', async () => {
    const t = await agency();
    const worker = await addStaff(t, 'caseworker', 'Leaving Caseworker');
    const workerId = t.control.current!.db.prepare<[], string>("SELECT id FROM users WHERE display_name = 'Leaving Caseworker'").pluck().get()!;
    const list = join(t.dataDir, 'revoked-accounts.json');
    writeFileSync(list, '{"format": 1, "accounts": [');
    const epoch = readKeyring(dataPaths(t.dataDir).keyring).keyEpoch;
    await t.ok('staff.deactivate', { userId: workerId });
    expect(readKeyring(dataPaths(t.dataDir).keyring).keyEpoch).toBe(epoch + 1);
    expect(JSON.stringify(readKeyring(dataPaths(t.dataDir).keyring))).not.toContain(workerId);
    expect(JSON.parse(readFileSync(list, 'utf8'))).toEqual({ format: 1, accounts: [workerId] });
    await t.ok('session.lock', {});
    expect(await t.call('session.unlock', worker)).toMatchObject({ ok: false });
  });

  it('an old store and keyring copied back by hand still do not open for the deactivated account', async () => {
    const t = await agency();
    const worker = await addStaff(t, 'caseworker', 'Leaving Caseworker');
    const workerId = t.control.current!.db.prepare<[], string>("SELECT id FROM users WHERE display_name = 'Leaving Caseworker'").pluck().get()!;
    await t.ok('session.lock', {});
    const old = tempDir('safehold-old-copy-');
    const copied = readdirSync(t.dataDir).filter((n) => n === 'safehold.db' || n === 'keyring.json' || n === 'audit-anchor.json');
    for (const name of copied) copyFileSync(join(t.dataDir, name), join(old, name));
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    await t.ok('staff.deactivate', { userId: workerId });
    await t.ok('session.lock', {});
    for (const name of copied) copyFileSync(join(old, name), join(t.dataDir, name));
    for (const side of ['-wal', '-shm']) rmSync(join(t.dataDir, `safehold.db${side}`), { force: true });

    expect(await t.call('session.unlock', { name: worker.name, passphrase: worker.passphrase })).toMatchObject({ ok: false });
    expect(t.control.current).toBeNull();
    // Reactivated by an administrator, they can come back (with a new setup code).
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    await t.ok('staff.deactivate', { userId: workerId });
    const { setupCode } = await t.ok('staff.reactivate', { userId: workerId });
    await t.ok('session.lock', {});
    await t.ok('session.firstSignIn', { name: worker.name, setupCode, newPassphrase: `${worker.passphrase} again` });
    expect(t.control.current!.user.id).toBe(workerId);
  });
});
