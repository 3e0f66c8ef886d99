// Issue 11, findings 2 and 3: a caseworker's passphrase and a copy of the data folder, used offline
// with this project's own code, cannot rewrite other people's access-log entries without
// `audit verify` naming the first bad one, cannot read another author's restricted note, and a data
// folder copied back from an older time is noticed at sign-in and fails verify.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFolderKeeper, storeIdOf, writeAnchors, type AnchorKeeper } from '../../main/audit/anchor';
import { auditKeyOf, entryMac, signatureMessage, type LogRow } from '../../main/audit/chain';
import { openNote } from '../../main/cases/sealed-notes';
import { createSafeholdCoreWithControl } from '../../main/core/app';
import { FLOOR_COST } from '../../main/keys/kdf';
import { signerOf, type Identity } from '../../main/keys/identity';
import { openWithPassphrase, readKeyring, withPassphraseSlot, writeKeyring } from '../../main/keys/keyring';
import { memoryPreferences } from '../../main/core/prefs';
import { closeStore, openStore, type Db } from '../../main/store/open';
import type { Input, Method, Output } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { ADMIN, AGENCY, fakeClock, PASSPHRASE } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

function core(dataDir: string, anchors: AnchorKeeper) {
  const clock = fakeClock();
  const { core: c, control } = createSafeholdCoreWithControl({ dataDir, prefs: memoryPreferences(), clock, kdfCost: FLOOR_COST, anchors });
  const call = async <M extends Method>(method: M, input: Input<M>) => (await c.dispatch(method, input)) as Result<Output<M>>;
  const ok = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { control, clock, call, ok, dataDir };
}

type Core = ReturnType<typeof core>;

const CASEWORKER = { name: 'Casey Offline', passphrase: 'tidal lantern fifteen' };
const OTHER = { name: 'Rowan Author', passphrase: 'quiet meadow lamp 77' };
const SUPERVISOR = { name: 'Sam Supervisor', passphrase: 'north window birch 12' };

async function signIn(t: Core, who: { name: string; passphrase: string }) {
  if (t.control.current) await t.ok('session.lock', {});
  return t.ok('session.unlock', { name: who.name, passphrase: who.passphrase });
}

async function addPerson(t: Core, who: { name: string; passphrase: string }, role: 'caseworker' | 'supervisor') {
  const { setupCode } = await t.ok('staff.add', { displayName: who.name, role });
  await t.ok('session.lock', {});
  await t.ok('session.firstSignIn', { name: who.name, setupCode, newPassphrase: who.passphrase });
  await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
}

/** An agency where the admin, two caseworkers and a supervisor have each worked and signed out. */
async function agency() {
  const dataDir = tempDir();
  const anchors = configFolderKeeper(tempDir());
  const t = core(dataDir, anchors);
  const { recoveryKey } = await t.ok('setup.begin', {});
  await t.ok('setup.complete', { agencyName: AGENCY, adminName: ADMIN, passphrase: PASSPHRASE, recoveryKeyConfirmation: recoveryKey });
  await addPerson(t, CASEWORKER, 'caseworker');
  await addPerson(t, OTHER, 'caseworker');
  await addPerson(t, SUPERVISOR, 'supervisor');
  const client = await t.ok('clients.create', { chosenName: 'Synthetic Person' });
  for (let i = 0; i < 4; i += 1) await t.ok('clients.get', { id: client.id, breakGlassReason: null });
  await signIn(t, CASEWORKER);
  await t.ok('clients.list', {});
  await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
  for (let i = 0; i < 3; i += 1) await t.ok('clients.get', { id: client.id, breakGlassReason: null });
  await t.ok('session.lock', {});
  return { t, anchors, dataDir, clientId: client.id };
}

/** What the attacker can do with their own passphrase: open the store, and their own keys. */
async function offline(dataDir: string, who: { name: string; passphrase: string }): Promise<{ db: Db; auditKey: Buffer; identity: Identity; userId: string }> {
  const opened = await openWithPassphrase(readKeyring(join(dataDir, 'keyring.json')), who.name, who.passphrase, { identity: true });
  if (!opened?.identity) throw new Error('the attacker could not open their own slot');
  const db = openStore({ path: join(dataDir, 'safehold.db'), key: opened.dataKey });
  return { db, auditKey: auditKeyOf(db), identity: opened.identity, userId: opened.userId };
}

/**
 * Rewrites the whole log from `rows`: renumbered, re-chained with the audit key, and (optionally)
 * every signed entry from position `from` on re-signed with the attacker's own key.
 */
function rechain(db: Db, auditKey: Buffer, rows: LogRow[], resignWith?: Identity, from = 1) {
  const own = resignWith ? signerOf(resignWith) : null;
  db.transaction(() => {
    db.prepare('DELETE FROM audit_log').run();
    const insert = db.prepare('INSERT INTO audit_log (seq, at, actor_id, action, target_id, outcome, mac, detail, signer, sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    let previous: Buffer = Buffer.alloc(32);
    rows.forEach((row, i) => {
      const next = { ...row, seq: i + 1 };
      const signer = next.seq >= from ? own : null;
      const mac = entryMac(auditKey, previous, next);
      const sig = signer && next.sig ? signer.sign(signatureMessage(mac)) : next.sig;
      insert.run(next.seq, next.at, next.actor_id, next.action, next.target_id, next.outcome, mac, next.detail, signer && next.sig ? signer.signingKey : next.signer, sig);
      previous = mac;
    });
  })();
}

function readLog(db: Db): LogRow[] {
  return db.prepare<[], LogRow>('SELECT seq, at, actor_id, action, target_id, outcome, mac, detail, signer, sig FROM audit_log ORDER BY seq').all();
}

/** The attacker also rewrites both anchors, beside the store and in this computer's config folder. */
function rewriteAnchors(dataDir: string, db: Db, auditKey: Buffer, anchors: AnchorKeeper) {
  writeAnchors(dataDir, db, auditKey, { keeper: anchors, storeId: storeIdOf(join(dataDir, 'keyring.json')) }, new Date());
}

async function verifyAsAdmin(t: Core) {
  await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
  return t.ok('audit.verify', {});
}

describe('the access log against a caseworker with the data folder (finding 2a)', () => {
  it('a clean log of several people verifies, every entry vouched for by a signature', async () => {
    const { t } = await agency();
    const verdict = await verifyAsAdmin(t);
    expect(verdict).toMatchObject({ intact: true, firstBadSeq: null, anchor: 'matches', outsideAnchor: 'matches' });
    expect(verdict.vouchedThrough).toBe(verdict.entries);
  });

  it('deleting 3 of the admin’s entries, re-chaining and rewriting the anchors is named at the first deleted entry', async () => {
    const { t, dataDir, anchors } = await agency();
    const { db, auditKey, userId } = await offline(dataDir, CASEWORKER);
    const rows = readLog(db);
    const adminViews = rows.filter((r) => r.action === 'client.view' && r.actor_id !== userId);
    const victims = adminViews.slice(1, 4).map((r) => r.seq);
    rechain(db, auditKey, rows.filter((r) => !victims.includes(r.seq)));
    rewriteAnchors(dataDir, db, auditKey, anchors);
    closeStore(db);
    expect(await verifyAsAdmin(t)).toMatchObject({ intact: false, firstBadSeq: victims[0] });
  });

  it('the same deletion re-signed with the caseworker’s own key is named too', async () => {
    const { t, dataDir, anchors } = await agency();
    const { db, auditKey, identity, userId } = await offline(dataDir, CASEWORKER);
    const rows = readLog(db);
    const victims = rows.filter((r) => r.action === 'client.view' && r.actor_id !== userId).slice(0, 3).map((r) => r.seq);
    rechain(db, auditKey, rows.filter((r) => !victims.includes(r.seq)), identity, victims[0]);
    rewriteAnchors(dataDir, db, auditKey, anchors);
    closeStore(db);
    const verdict = await verifyAsAdmin(t);
    expect(verdict.intact).toBe(false);
    expect(verdict.firstBadSeq).toBe(victims[0]);
  });

  it('reordering two of the admin’s entries is named at the first of them', async () => {
    const { t, dataDir, anchors } = await agency();
    const { db, auditKey, userId } = await offline(dataDir, CASEWORKER);
    const rows = readLog(db);
    const views = rows.filter((r) => r.action === 'client.view' && r.actor_id !== userId);
    const a = views[1]!.seq;
    const b = rows.find((r) => r.seq > a && r.actor_id === views[1]!.actor_id && r.action !== 'client.view')!.seq;
    const swapped = rows.map((r) => (r.seq === a ? rows[b - 1]! : r.seq === b ? rows[a - 1]! : r));
    rechain(db, auditKey, swapped);
    rewriteAnchors(dataDir, db, auditKey, anchors);
    closeStore(db);
    expect(await verifyAsAdmin(t)).toMatchObject({ intact: false, firstBadSeq: a });
  });

  it('altering an admin’s entry (a different record viewed) is named at that entry', async () => {
    const { t, dataDir, anchors } = await agency();
    const { db, auditKey, userId } = await offline(dataDir, CASEWORKER);
    const rows = readLog(db);
    const target = rows.filter((r) => r.action === 'client.view' && r.actor_id !== userId)[2]!;
    rechain(db, auditKey, rows.map((r) => (r.seq === target.seq ? { ...r, target_id: 'f'.repeat(32) } : r)));
    rewriteAnchors(dataDir, db, auditKey, anchors);
    closeStore(db);
    expect(await verifyAsAdmin(t)).toMatchObject({ intact: false, firstBadSeq: target.seq });
  });

  it('inserting an entry in the admin’s name, in the middle or at the end, is named at the insertion', async () => {
    for (const where of ['middle', 'end'] as const) {
      const { t, dataDir, anchors } = await agency();
      const { db, auditKey, identity, userId } = await offline(dataDir, CASEWORKER);
      const rows = readLog(db);
      const model = rows.find((r) => r.action === 'client.view' && r.actor_id !== userId)!;
      const forged: LogRow = { ...model, action: 'report.export', signer: null, sig: null };
      const at = where === 'middle' ? model.seq + 2 : rows.length + 1;
      rechain(db, auditKey, [...rows.slice(0, at - 1), forged, ...rows.slice(at - 1)], where === 'end' ? identity : undefined, at);
      rewriteAnchors(dataDir, db, auditKey, anchors);
      closeStore(db);
      const verdict = await verifyAsAdmin(t);
      expect(verdict.intact, where).toBe(false);
      expect(verdict.firstBadSeq, where).toBeLessThanOrEqual(at);
    }
  });

  it('a key slipped in by the caseworker vouches for nothing', async () => {
    const { t, dataDir, anchors } = await agency();
    const { db, auditKey, identity, userId } = await offline(dataDir, CASEWORKER);
    const rows = readLog(db);
    // The caseworker claims to be an administrator able to vouch for keys, signed with their own key.
    const fake: LogRow = {
      ...rows.at(-1)!,
      actor_id: userId,
      action: 'key.identity',
      target_id: userId,
      detail: JSON.stringify({ user: userId, signingKey: identity.signingKey, sealingKey: identity.sealingKey, admin: true, active: true, role: 'admin' }),
      signer: identity.signingKey,
      sig: Buffer.alloc(64),
    };
    rechain(db, auditKey, [...rows, fake], identity, rows.length + 1);
    rewriteAnchors(dataDir, db, auditKey, anchors);
    closeStore(db);
    expect(await verifyAsAdmin(t)).toMatchObject({ intact: false, firstBadSeq: rows.length + 1 });
  });
});

describe('restricted notes against a caseworker with the data folder (finding 2b)', () => {
  it('another author’s restricted note does not open with a caseworker’s passphrase; its author, supervisors and admins read it', async () => {
    const { t, dataDir, clientId } = await agency();
    await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
    const body = 'Synthetic restricted words 7f3a';
    const { id } = await t.ok('notes.add', { clientId, date: '2026-03-01', kind: 'session', body, restricted: true });
    await t.ok('session.lock', {});

    const attacker = await offline(dataDir, CASEWORKER);
    const row = attacker.db.prepare<[string], { body: string; sealed_body: string }>('SELECT body, sealed_body FROM case_notes WHERE id = ?').get(id)!;
    expect(row.body).toBe('');
    expect(row.sealed_body).not.toContain('Synthetic');
    expect(openNote(attacker.db, id, row.sealed_body, attacker.userId, attacker.identity)).toBeNull();
    const dump = JSON.stringify(attacker.db.prepare('SELECT * FROM case_notes').all()) + JSON.stringify(attacker.db.prepare('SELECT * FROM note_keys').all());
    expect(dump).not.toContain('restricted words');
    closeStore(attacker.db);

    await signIn(t, SUPERVISOR);
    const seen = await t.ok('notes.list', { id: clientId });
    expect(seen.notes.find((n) => n.id === id)).toMatchObject({ body, locked: false });
  });

  it('a caseworker promoted to supervisor reads existing restricted notes; a plain-text note from before sealing is sealed at the next admin sign-in', async () => {
    const { t, dataDir, clientId } = await agency();
    await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
    const { id } = await t.ok('notes.add', { clientId, date: '2026-03-01', kind: 'session', body: 'Sealed before promotion', restricted: true });
    // A note written before sealing existed: restricted, in plain text.
    const session = t.control.current!;
    const authorId = session.user.id;
    session.db
      .prepare("INSERT INTO case_notes (id, client_id, date, kind, body, restricted, author_id, created_at) VALUES ('00000000000000000000000000000abc', ?, '2026-01-01', 'session', 'Old plain restricted words', 1, ?, '2026-01-01T00:00:00Z')")
      .run(clientId, authorId);
    const staff = await t.ok('staff.list', {});
    const casey = staff.staff.find((s) => s.displayName === CASEWORKER.name)!;
    await t.ok('staff.setRole', { userId: casey.id, role: 'supervisor' });
    await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
    await t.ok('session.lock', {});

    const offlineCasey = await offline(dataDir, CASEWORKER);
    const legacy = offlineCasey.db.prepare<[], { body: string; sealed_body: string | null }>("SELECT body, sealed_body FROM case_notes WHERE id = '00000000000000000000000000000abc'").get()!;
    expect(legacy.body).toBe('');
    expect(legacy.sealed_body).not.toBeNull();
    closeStore(offlineCasey.db);
    const offlineRowan = await offline(dataDir, OTHER);
    expect(openNote(offlineRowan.db, '00000000000000000000000000000abc', legacy.sealed_body!, offlineRowan.userId, offlineRowan.identity)).toBeNull();
    closeStore(offlineRowan.db);

    await signIn(t, CASEWORKER);
    const notes = (await t.ok('notes.list', { id: clientId })).notes;
    expect(notes.find((n) => n.id === id)).toMatchObject({ body: 'Sealed before promotion', locked: false });
    expect(notes.find((n) => n.id === '00000000000000000000000000000abc')).toMatchObject({ body: 'Old plain restricted words' });
    expect((await verifyAsAdmin(t)).intact).toBe(true);
  });
});

describe('people whose key slots predate personal keys', () => {
  it('get keys at their next sign-in, an administrator vouches for them, and the log verifies', async () => {
    const { t, dataDir } = await agency();
    await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
    const session = t.control.current!;
    const id = 'e'.repeat(32);
    session.db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, 'Lee Legacy', 'lee legacy', 'caseworker', '2026-01-01T00:00:00Z')").run(id);
    const paths = join(dataDir, 'keyring.json');
    writeKeyring(paths, await withPassphraseSlot(readKeyring(paths), { userId: id, name: 'Lee Legacy', passphrase: 'older slot words 42', dataKey: session.dataKey, cost: FLOOR_COST }));
    expect(readKeyring(paths).slots.find((s) => s.kind === 'passphrase' && s.userId === id)?.identity).toBeUndefined();

    await signIn(t, { name: 'Lee Legacy', passphrase: 'older slot words 42' });
    expect(readKeyring(paths).slots.find((s) => s.kind === 'passphrase' && s.userId === id)?.identity).toBeDefined();
    await t.ok('clients.list', {});
    const verdict = await verifyAsAdmin(t);
    expect(verdict).toMatchObject({ intact: true });
    const keyEntries = (await t.ok('audit.list', { action: 'key.identity' })).entries.filter((e) => e.targetId === id);
    // Registered by Lee (not yet vouched for), then vouched for by the administrator's sign-in.
    expect(keyEntries.map((e) => e.actorId).reverse()).toEqual([id, session.user.id]);
  });
});

describe('a data folder rolled back (finding 3)', () => {
  it('an older store, keyring and anchor copied back: sign-in warns and verify fails', async () => {
    const { t, dataDir } = await agency();
    const older = tempDir();
    for (const f of ['safehold.db', 'keyring.json', 'audit-anchor.json']) copyFileSync(join(dataDir, f), join(older, f));
    await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
    await t.ok('clients.create', { chosenName: 'Made After The Copy' });
    await t.ok('session.lock', {});
    for (const f of ['safehold.db', 'keyring.json', 'audit-anchor.json']) copyFileSync(join(older, f), join(dataDir, f));
    rmSync(join(dataDir, 'safehold.db-wal'), { force: true });
    const status = await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
    expect(status).toMatchObject({ state: 'unlocked', anchorNotice: 'rolled-back' });
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: false, outsideAnchor: 'rolled-back' });
    expect((await t.ok('audit.list', { action: 'audit.anchor' })).entries[0]).toMatchObject({ action: 'audit.anchor.rolled-back', outcome: 'failed' });
  });

  it('a deleted anchor beside the store: sign-in warns and verify fails', async () => {
    const { t, dataDir } = await agency();
    rmSync(join(dataDir, 'audit-anchor.json'));
    expect(await signIn(t, { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ anchorNotice: 'anchor-missing' });
    expect(await t.ok('audit.verify', {})).toMatchObject({ intact: false, anchor: 'missing' });
  });

  it('a fresh install says nothing; a computer with no record of the store says so once', async () => {
    const { t, dataDir } = await agency();
    expect(await signIn(t, { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ anchorNotice: null });
    await t.ok('session.lock', {});
    const elsewhere = core(dataDir, configFolderKeeper(tempDir()));
    expect(await signIn(elsewhere, { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ anchorNotice: 'first-use' });
    expect((await elsewhere.ok('audit.verify', {})).intact).toBe(true);
    expect(await signIn(elsewhere, { name: ADMIN, passphrase: PASSPHRASE })).toMatchObject({ anchorNotice: null });
  });
});
