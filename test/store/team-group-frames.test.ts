// Bundle format 4: the changes of cases whose current keys the same laptops hold travel in one group
// frame under a key derived from all their case keys. Three laptops (administrator, supervisor,
// caseworker) sharing a folder, through the modules:
// - cases group by holders: the caseworker's cases in one group, the others in another; the
//   caseworker's laptop opens its group and, with the keys it has (or any guess for the missing
//   ones), not the other; a group frame altered inside a validly signed bundle refuses the whole
//   bundle with the store unchanged; the same content written as format 3 (a frame per case) is read;
// - a laptop that holds fewer of a group's keys than the sender knew (the key's grant delayed in the
//   folder) opens nothing of it, asks for its cases whole and converges.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, openBundle, peekHeader, sealBundle } from '../../main/sync/team/bundle';
import { decodeBody, encodeBody, frameDictionary, sealCaseFrame, type Body } from '../../main/sync/team/frames';
import { groupKeyIds, openGroupFrame } from '../../main/sync/team/group-frame';
import { signingKey, verifyingKey } from '../../main/sync/team/identity';
import { syncRound } from '../../main/sync/team/round';
import { readCaseKeys, readEpochs, readLaptops, readSelf } from '../../main/sync/team/state';
import { addStaff, type TestCore } from '../helpers/core';
import { dump } from '../helpers/sync-laptops';
import { dbOf, firstLaptop, joinFor, rounds, userIdOf } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

/** A laptop's newest bundle in the folder, opened with its own keys (as any laptop of the team opens it). */
function newestBundle(t: TestCore, folder: string) {
  const db = dbOf(t);
  const self = readSelf(db)!;
  const dir = join(folder, self.laptopId);
  const name = readdirSync(dir).filter((f) => /^\d+\.shb$/u.test(f)).sort((x, y) => Number.parseInt(y) - Number.parseInt(x))[0]!;
  const path = join(dir, name);
  const file = readFileSync(path);
  const header = peekHeader(file);
  const signPublic = readLaptops(db).find((l) => l.laptopId === self.laptopId)!.signPublic;
  const teamKey = readEpochs(db).find((e) => e.epoch === header.epoch)!.key;
  const body = decodeBody(openBundle(file, { team: header.team, laptop: self.laptopId, seq: header.seq, signPublic: () => verifyingKey(signPublic), teamKey: () => teamKey }).body);
  const reseal = (b: Body, format = BUNDLE_FORMAT) => sealBundle({ team: header.team, epoch: header.epoch, laptop: self.laptopId, seq: header.seq, teamKey, signKey: signingKey(self.signPrivate, signPublic), body: encodeBody(b), format });
  return { path, file, header, body, reseal };
}

const newestKey = (t: TestCore, caseId: string) => readCaseKeys(dbOf(t)).filter((k) => k.caseId === caseId).at(-1)!.keyId;
const services = (t: TestCore, caseId: string) => dbOf(t).prepare('SELECT id FROM services WHERE client_id = ? ORDER BY id').pluck().all(caseId) as string[];
const caseIds = (t: TestCore) => dbOf(t).prepare('SELECT id FROM clients ORDER BY id').pluck().all() as string[];

describe('bundle format 4: group frames', () => {
  it('groups cases by holders; a caseworker laptop opens only its group; a tampered group refuses the bundle; format 3 is still read', async () => {
    const folder = tempDir('safehold-shared-');
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const cw = await addStaff(a, 'caseworker', 'Casey Group-Worker');
    const cwId = userIdOf(a, cw.name);
    const mine = [await a.ok('clients.create', { chosenName: 'Grouped Mine One' }), await a.ok('clients.create', { chosenName: 'Grouped Mine Two' })].map((c) => c.id);
    const others = [await a.ok('clients.create', { chosenName: 'Grouped Other One' }), await a.ok('clients.create', { chosenName: 'Grouped Other Two' })].map((c) => c.id);
    for (const id of mine) await a.ok('clients.assign', { clientId: id, workerId: cwId });
    syncRound(dbOf(a));
    const b = await joinFor(a, folder, sup);
    const c = await joinFor(a, folder, cw);
    rounds(a, b, c, a, b, c);
    expect(caseIds(c)).toEqual([...mine].sort());

    for (const id of [...mine, ...others]) await a.ok('services.add', { clientId: id, date: '2026-11-02', category: 'legal', minutes: 45 });
    rounds(a);
    const sent = newestBundle(a, folder);
    expect(sent.header.v).toBe(4);
    const groups = sent.body.frames.map((f, index) => ({ f, index })).filter((x) => x.f.kind === 'group');
    const listed = groups.map((g) => new Set(groupKeyIds(g.f.payload)!.keyIds));
    expect(listed).toEqual(expect.arrayContaining([new Set(mine.map((id) => newestKey(a, id))), new Set(others.map((id) => newestKey(a, id)))]));
    expect(listed).toHaveLength(2);
    // No case of a group also travels in a frame of its own.
    expect(sent.body.frames.filter((f) => f.kind !== 'group' && f.keyId !== null)).toEqual([]);

    // The caseworker's laptop, with the keys it holds: its own group opens, the other does not, not even with guesses for the keys it lacks.
    const cKeys = new Map(readCaseKeys(dbOf(c)).map((k) => [k.keyId, k]));
    const dictionary = frameDictionary(sent.body.control, null, sent.header.v);
    const open = (g: (typeof groups)[number], keyOf: (id: string) => { key: Buffer; caseId: string } | undefined) => openGroupFrame(g.f.payload, sent.body.control.salt, g.index, dictionary, keyOf);
    const ownIndex = listed.findIndex((s) => s.has(newestKey(a, mine[0]!)));
    expect(open(groups[ownIndex]!, (id) => cKeys.get(id)).status).toBe('opened');
    expect(open(groups[1 - ownIndex]!, (id) => cKeys.get(id))).toEqual({ status: 'missing', held: [] });
    // Even told the right case ids, with any key guessed for them.
    const caseOf = new Map(readCaseKeys(dbOf(a)).map((k) => [k.keyId, k.caseId]));
    expect(open(groups[1 - ownIndex]!, (id) => cKeys.get(id) ?? { key: randomBytes(32), caseId: caseOf.get(id)! }).status).toBe('damaged');

    // One byte of the others' group altered, the bundle signed again by its laptop: refused whole, nothing applied.
    const before = dump(dbOf(b));
    const target = groups[1 - ownIndex]!;
    const altered = Buffer.from(target.f.payload);
    altered[Math.floor(altered.length / 2)]! ^= 0x01;
    writeFileSync(sent.path, sent.reseal({ ...sent.body, frames: sent.body.frames.map((f, i) => (i === target.index ? { ...f, payload: altered } : f)) }));
    expect(syncRound(dbOf(b)).refused.map((r) => r.reason)).toContain('damaged');
    expect(dump(dbOf(b))).toEqual(before);

    // The same content as Safehold 3 wrote it (a frame per case, format 3's header) is read by both.
    const keys = new Map(readCaseKeys(dbOf(a)).map((k) => [k.keyId, k]));
    const perCase = sent.body.frames.flatMap((f, index) => {
      if (f.kind !== 'group') return [f];
      const opened = openGroupFrame(f.payload, sent.body.control.salt, index, dictionary, (id) => keys.get(id));
      if (opened.status !== 'opened') throw new Error('the sender cannot open its own group');
      return opened.parts.map((p) => ({ kind: 'changes' as const, docId: `case:${p.caseId}`, keyId: p.keyId, payload: p.packed }));
    });
    const v3 = perCase.map((f, index) => {
      if (f.keyId === null) return f;
      const key = keys.get(f.keyId)!;
      return { ...f, payload: sealCaseFrame(key.key, sent.body.control.salt, f, index, f.payload, frameDictionary(sent.body.control, key.caseId, 3)) };
    });
    writeFileSync(sent.path, sent.reseal({ ...sent.body, frames: v3 }, 3));
    expect(peekHeader(readFileSync(sent.path)).v).toBe(3);
    rounds(b, c);
    for (const id of [...mine, ...others]) expect(services(b, id)).toEqual(services(a, id));
    for (const id of mine) expect(services(c, id)).toEqual(services(a, id));
    expect(caseIds(c)).toEqual([...mine].sort());
    expect(dbOf(c).prepare('SELECT count(*) FROM team_case_keys WHERE case_id IN (?, ?)').pluck().get(...others)).toBe(0);
  }, 300_000);

  it('a laptop missing a key of a group (its grant delayed) asks for its cases whole and converges', async () => {
    const folder = tempDir('safehold-shared-');
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const cw = await addStaff(a, 'caseworker', 'Casey Late-Worker');
    const cwId = userIdOf(a, cw.name);
    const p = (await a.ok('clients.create', { chosenName: 'Held Person' })).id;
    const q = (await a.ok('clients.create', { chosenName: 'Moving In Person' })).id;
    await a.ok('clients.assign', { clientId: p, workerId: cwId });
    syncRound(dbOf(a));
    const b = await joinFor(a, folder, sup);
    const c = await joinFor(a, folder, cw);
    rounds(a, b, c, a, b, c);
    expect(caseIds(c)).toEqual([p]);

    // The supervisor's laptop gives q to the caseworker: it seals q's key to the caseworker's laptop.
    await b.ok('clients.assign', { clientId: q, workerId: cwId });
    rounds(b);
    const grant = newestBundle(b, folder);
    expect(grant.body.control.grants.map((g) => g.caseId)).toContain(q);
    // The administrator's laptop learns it, then edits both cases: one group, held (as it knows) by all three.
    rounds(a);
    await a.ok('services.add', { clientId: p, date: '2026-11-03', category: 'legal', minutes: 30 });
    await a.ok('services.add', { clientId: q, date: '2026-11-03', category: 'housing', minutes: 20 });
    rounds(a);
    const sent = newestBundle(a, folder);
    const groups = sent.body.frames.filter((f) => f.kind === 'group').map((f) => new Set(groupKeyIds(f.payload)!.keyIds));
    expect(groups).toEqual([new Set([newestKey(a, p), newestKey(a, q)])]);

    // The supervisor's file is late reaching the caseworker's copy of the folder.
    const aside = join(tempDir(), 'late.shb');
    renameSync(grant.path, aside);
    rounds(c);
    expect(caseIds(c)).toEqual([p]);
    expect(services(c, p)).not.toEqual(services(a, p));
    renameSync(aside, grant.path);
    // Each request is sent at the asker's next round and answered at the holder's round after it.
    rounds(c, a, b, c, a, b, c, a, b, c);
    expect(caseIds(c)).toEqual([p, q].sort());
    expect(services(c, p)).toEqual(services(a, p));
    expect(services(c, q)).toEqual(services(a, q));
    expect(services(b, q)).toEqual(services(a, q));
  }, 300_000);
});
