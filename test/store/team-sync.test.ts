// Team sync through the modules: laptops in temporary data folders sharing one folder. A case made
// on one appears on the others; the folder holds no plaintext; bad files are refused with the
// store unchanged; a revoked laptop reads nothing new; a caseworker's laptop holds only its cases.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOOR_COST } from '../../main/keys/kdf';
import { newRecoveryKey } from '../../main/keys/recovery';
import { dataPaths } from '../../main/core/paths';
import { createInvitation, createTeam, revokeLaptop } from '../../main/sync/team/enrol';
import { joinTeam } from '../../main/sync/team/join';
import { syncRound } from '../../main/sync/team/round';
import { readSelf } from '../../main/sync/team/state';
import { filesUnder, scanForCanaries } from '../helpers/scan';
import { addStaff, setUpCore, testCore, type TestCore, ADMIN } from '../helpers/core';
import { tempDir } from '../helpers/tmp';
import type { Db } from '../../main/store/open';

const NOW = () => new Date('2026-03-01T09:00:00Z');

function db(t: TestCore): Db {
  const s = t.control.current;
  if (!s) throw new Error('not signed in');
  return s.db;
}

function userId(t: TestCore, name: string): string {
  return db(t).prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(name) as string;
}

async function firstLaptop(folder: string) {
  const a = await setUpCore();
  const d = db(a);
  d.transaction(() => createTeam(d, { folder, userId: a.control.current!.user.id, now: NOW() }))();
  return a;
}

async function invite(from: TestCore, name: string): Promise<{ file: string; code: string }> {
  const made = await createInvitation(db(from), { userId: userId(from, name), now: NOW() });
  const file = join(tempDir(), 'invitation.shi');
  writeFileSync(file, made.file);
  syncRound(db(from), NOW());
  return { file, code: made.code };
}

async function join_(folder: string, inv: { file: string; code: string }, name: string, passphrase: string): Promise<TestCore> {
  const dir = tempDir();
  const joined = await joinTeam({ paths: dataPaths(dir), invitationFile: inv.file, code: inv.code, folder, name, passphrase, recoveryKey: newRecoveryKey(), cost: FLOOR_COST, now: NOW() });
  joined.dataKey.fill(0);
  const t = testCore(dir);
  await t.ok('session.unlock', { name, passphrase });
  syncRound(db(t), NOW());
  return t;
}

const names = (t: TestCore) => (db(t).prepare('SELECT chosen_name FROM clients ORDER BY chosen_name').pluck().all() as string[]);

function storeDigest(t: TestCore): string {
  const d = db(t);
  return JSON.stringify([
    d.prepare('SELECT id, chosen_name, case_number FROM clients ORDER BY id').all(),
    d.prepare('SELECT laptop_id, applied_seq, status FROM team_laptops ORDER BY laptop_id').all(),
    d.prepare('SELECT count(*) FROM sync_docs').pluck().get(),
  ]);
}

describe('team sync between laptops (modules)', () => {
  it('a case made on one laptop appears on the other, both ways, and the folder holds no plaintext', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Qv Supervisor');
    await a.ok('clients.create', { chosenName: 'Marisol Kq Canary' });
    const b = await join_(folder, await invite(a, sup.name), sup.name, sup.passphrase);
    expect(names(b)).toEqual(['Marisol Kq Canary']);

    const made = await a.ok('clients.create', { chosenName: 'Teodora Wz Canary' });
    expect(syncRound(db(a), NOW())).toMatchObject({ ok: true, sent: expect.any(Number) });
    const got = syncRound(db(b), NOW());
    expect(got.received).toBeGreaterThan(0);
    expect(names(b)).toEqual(['Marisol Kq Canary', 'Teodora Wz Canary']);

    await b.ok('clients.create', { chosenName: 'Yolanda Pj Canary' });
    syncRound(db(b), NOW());
    syncRound(db(a), NOW());
    expect(names(a)).toEqual(['Marisol Kq Canary', 'Teodora Wz Canary', 'Yolanda Pj Canary']);

    const caseNumber = db(a).prepare('SELECT case_number FROM clients WHERE id = ?').pluck().get(made.id) as string;
    const hits = scanForCanaries([folder], ['Marisol Kq Canary', 'Teodora Wz Canary', 'Yolanda Pj Canary', 'Marisol', 'Teodora', caseNumber, sup.name, ADMIN, 'Sloane']);
    expect(hits).toEqual([]);
    expect(filesUnder(folder).length).toBeGreaterThan(2);

    // Files every laptop has applied (each says so in its seen file) are removed by their writer.
    const aDir = join(folder, readSelf(db(a))!.laptopId);
    const bundles = () => readdirSync(aDir).filter((f) => f.endsWith('.shb')).length;
    expect(bundles()).toBeGreaterThan(0);
    for (const t of [a, b, b, a, a]) syncRound(db(t), NOW());
    expect(bundles()).toBe(0);
    await a.ok('clients.create', { chosenName: 'After Pruning' });
    for (const t of [a, b]) syncRound(db(t), NOW());
    expect(names(b)).toContain('After Pruning');
  });

  it('refuses tampered, truncated, replayed and foreign bundles, leaving the store unchanged, and applies the good file later', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const b = await join_(folder, await invite(a, sup.name), sup.name, sup.passphrase);
    for (const t of [a, b, a, b]) syncRound(db(t), NOW());
    await a.ok('clients.create', { chosenName: 'Tamper Target' });
    syncRound(db(a), NOW());
    const me = readSelf(db(a))!.laptopId;
    const dir = join(folder, me);
    const seqs = readdirSync(dir).filter((f) => /^\d+\.shb$/u.test(f)).map((f) => Number(f.slice(0, -4))).sort((x, y) => x - y);
    const newest = join(dir, `${seqs.at(-1)}.shb`);
    const good = readFileSync(newest);
    const before = storeDigest(b);

    // Flipped bytes anywhere, a truncated copy, and a foreign team's file under this laptop's name.
    for (const at of [0, 8, 40, Math.floor(good.length / 2), good.length - 70, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at] = bad[at]! ^ 0x20;
      writeFileSync(newest, bad);
      const r = syncRound(db(b), NOW());
      expect(r.refused.length, `flip at ${at}`).toBeGreaterThan(0);
      expect(storeDigest(b)).toBe(before);
    }
    writeFileSync(newest, good.subarray(0, Math.floor(good.length * 0.6)));
    expect(syncRound(db(b), NOW()).refused.length).toBeGreaterThan(0);
    expect(storeDigest(b)).toBe(before);

    const other = tempDir();
    const c = await firstLaptop(other);
    await c.ok('clients.create', { chosenName: 'Foreign Case' });
    syncRound(db(c), NOW());
    const foreignLaptop = readSelf(db(c))!.laptopId;
    const foreignFile = readdirSync(join(other, foreignLaptop)).find((f) => f.endsWith('.shb'))!;
    copyFileSync(join(other, foreignLaptop, foreignFile), newest);
    expect(syncRound(db(b), NOW()).refused.map((r) => r.reason)).toContain('foreign');
    expect(storeDigest(b)).toBe(before);

    // Replayed: an older file copied over a newer number is refused (its header names its own seq).
    copyFileSync(join(dir, `${seqs[0]}.shb`), newest);
    if (seqs.length > 1) expect(syncRound(db(b), NOW()).refused.map((r) => r.reason)).toContain('misplaced');
    expect(storeDigest(b)).toBe(before);

    // The real file arrives in full: applied.
    writeFileSync(newest, good);
    expect(syncRound(db(b), NOW()).refused).toEqual([]);
    expect(names(b)).toContain('Tamper Target');
    // Replaying an applied file again changes nothing.
    const after = storeDigest(b);
    writeFileSync(newest, good);
    syncRound(db(b), NOW());
    expect(storeDigest(b)).toBe(after);
  });

  it('three laptops: a caseworker laptop holds only its caseload; a revoked laptop reads nothing new and its later files are refused', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const cw = await addStaff(a, 'caseworker', 'Casey Worker');
    const cwId = userId(a, cw.name);
    const mine = await a.ok('clients.create', { chosenName: 'Assigned Person' });
    await a.ok('clients.create', { chosenName: 'Other Person' });
    db(a).prepare('UPDATE clients SET assigned_worker_id = ? WHERE id = ?').run(cwId, mine.id);
    syncRound(db(a), NOW());
    const b = await join_(folder, await invite(a, sup.name), sup.name, sup.passphrase);
    const c = await join_(folder, await invite(a, cw.name), cw.name, cw.passphrase);
    for (const t of [a, b, c, a, b, c]) syncRound(db(t), NOW());
    expect(names(b)).toEqual(['Assigned Person', 'Other Person']);
    expect(names(c)).toEqual(['Assigned Person']);
    // Not even the document of the other case is on the caseworker's laptop.
    expect(db(c).prepare("SELECT doc_id FROM sync_docs WHERE doc_id LIKE 'case:%'").pluck().all()).toEqual([`case:${mine.id}`]);

    // A new case assigned to the caseworker on the supervisor's laptop reaches the caseworker's laptop; one not assigned does not.
    const later = await b.ok('clients.create', { chosenName: 'Later Assigned' });
    db(b).prepare('UPDATE clients SET assigned_worker_id = ? WHERE id = ?').run(cwId, later.id);
    await b.ok('clients.create', { chosenName: 'Later Other' });
    for (const t of [b, a, c, b, c]) syncRound(db(t), NOW());
    expect(names(c)).toEqual(['Assigned Person', 'Later Assigned']);
    expect(names(a)).toEqual(['Assigned Person', 'Later Assigned', 'Later Other', 'Other Person']);

    // Reassigned away from the caseworker: the case gets a new key, their laptop reads none of its later
    // changes and drops its copy (test/store/team-reassign.test.ts looks closer).
    db(a).prepare("UPDATE clients SET assigned_worker_id = NULL, chosen_name = 'Renamed Person' WHERE id = ?").run(mine.id);
    for (const t of [a, b, c, a, b, c]) syncRound(db(t), NOW());
    expect(names(b)).toContain('Renamed Person');
    expect(names(c)).toEqual(['Later Assigned']);
    expect(db(c).prepare("SELECT count(*) FROM team_case_keys WHERE case_id = ?").pluck().get(mine.id)).toBe(0);
    expect(db(b).prepare("SELECT count(*) FROM team_case_keys WHERE case_id = ?").pluck().get(mine.id)).toBe(2);

    // Revoke the caseworker's laptop from the admin's.
    const cLaptop = readSelf(db(c))!.laptopId;
    db(a).transaction(() => revokeLaptop(db(a), { laptopId: cLaptop, now: NOW() }))();
    syncRound(db(a), NOW());
    syncRound(db(b), NOW());
    const afterRevoke = await a.ok('clients.create', { chosenName: 'After Revoke' });
    db(a).prepare('UPDATE clients SET assigned_worker_id = ? WHERE id = ?').run(cwId, afterRevoke.id);
    syncRound(db(a), NOW());
    const cRound = syncRound(db(c), NOW());
    expect(cRound.refused.map((r) => r.reason)).toContain('no-key');
    expect(names(c)).not.toContain('After Revoke');
    // What the revoked laptop writes now is refused by the others.
    await c.ok('clients.create', { chosenName: 'From Revoked' });
    syncRound(db(c), NOW());
    const bRound = syncRound(db(b), NOW());
    expect(bRound.refused.map((r) => r.reason)).toContain('revoked');
    expect(names(b)).not.toContain('From Revoked');
    syncRound(db(b), NOW());
    expect(names(b)).toContain('After Revoke');
  });

  it('a person deactivated on one laptop is signed out on another when the change arrives, and cannot sign in there again', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const b = await join_(folder, await invite(a, sup.name), sup.name, sup.passphrase);
    for (const t of [a, b]) await t.ok('team.syncNow', {});
    expect((await b.ok('team.status', {})).inTeam).toBe(true);
    await a.ok('staff.deactivate', { userId: userId(a, sup.name) });
    await a.ok('team.syncNow', {});
    await b.call('team.syncNow', {});
    expect(b.control.current).toBeNull();
    const again = await b.call('session.unlock', { name: sup.name, passphrase: sup.passphrase });
    expect(again.ok).toBe(false);
  });

  it('every laptop checks the others\' access logs: copies arrive, and a laptop that rewrites what it published is flagged', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const b = await join_(folder, await invite(a, sup.name), sup.name, sup.passphrase);
    await a.ok('clients.create', { chosenName: 'Logged Case' });
    for (const t of [a, b, a, b]) syncRound(db(t), NOW());
    const aLaptop = readSelf(db(a))!.laptopId;
    const copies = db(b).prepare('SELECT count(*) FROM team_remote_audit WHERE laptop_id = ?').pluck().get(aLaptop) as number;
    expect(copies).toBeGreaterThan(3);
    const intact = () => (db(b).prepare('SELECT audit_broken FROM team_laptops WHERE laptop_id = ?').pluck().get(aLaptop) as number) === 0;
    expect(intact()).toBe(true);
    // Laptop A's log rewritten from the start and published again (as a rolled-back or edited store would).
    db(a).prepare("UPDATE audit_log SET action = 'session.unlock' WHERE seq = 2").run();
    db(a).prepare("UPDATE team SET audit_sent_seq = 0, audit_head = ''").run();
    await a.ok('clients.create', { chosenName: 'After Rewrite' });
    syncRound(db(a), NOW());
    syncRound(db(b), NOW());
    expect(intact()).toBe(false);
    expect(names(b)).toContain('After Rewrite');
  });
});
