// Bundle format 4: group frames (several cases' changes under a key derived from all their case
// keys) and the sender's choice of frames. What opens, for whom, and what is refused.
import { randomBytes, randomUUID } from 'node:crypto';
import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { packChanges, unpackChanges } from '../../main/sync/team/change-pack';
import type { OutFrame } from '../../main/sync/team/exchange';
import { frameDictionary, newFrameSalt, openCaseFrame } from '../../main/sync/team/frames';
import { groupKeyIds, openGroupFrame, sealGroupFrame, type GroupMember } from '../../main/sync/team/group-frame';
import { sealFrames } from '../../main/sync/team/group-seal';

const RS = '\u001e';
const hex = (n = 16) => randomBytes(n).toString('hex');

/** A case with a few services recorded on it, as the engine writes them: one change each. */
function caseChanges(caseId: string, count: number): Uint8Array[] {
  const h = A.getBackend(A.init()).clone(hex());
  return Array.from({ length: count }, () => {
    const id = randomUUID().replaceAll('-', '');
    for (const [col, value] of [['client_id', caseId], ['date', '2026-11-02'], ['category', 'legal'], ['minutes', 45]] as const) h.put('_root', `services${RS}${id}${RS}${col}`, value, typeof value === 'number' ? 'int' : 'str');
    h.commit(JSON.stringify({ v: 1, by: hex(), l: hex(8) }), 1_700_000_000);
    return h.getLastLocalChange()!;
  });
}

const hexes = (list: Uint8Array[]) => list.map((c) => Buffer.from(c).toString('hex'));
const dictionary = frameDictionary({ dict: Buffer.from('context words').toString('base64') }, null, 4);

function members(n: number): { members: GroupMember[]; changes: Uint8Array[][] } {
  const caseIds = Array.from({ length: n }, () => hex());
  const changes = caseIds.map((id, i) => caseChanges(id, 1 + (i % 3)));
  return { members: changes.map((c, i) => ({ keyId: hex(8), caseId: caseIds[i]!, key: randomBytes(32), packed: packChanges(c) })), changes };
}

describe('bundle format 4: group frames', () => {
  it('round-trip: every case gets back exactly its changes', () => {
    const salt = newFrameSalt();
    const { members: group, changes } = members(5);
    const payload = sealGroupFrame(group, salt, 3, dictionary);
    expect(groupKeyIds(payload)?.keyIds).toEqual(group.map((m) => m.keyId));
    const keys = new Map(group.map((m) => [m.keyId, m]));
    const opened = openGroupFrame(payload, salt, 3, dictionary, (id) => keys.get(id));
    if (opened.status !== 'opened') throw new Error(opened.status);
    expect(opened.parts.map((p) => p.keyId)).toEqual(group.map((m) => m.keyId));
    opened.parts.forEach((p, i) => expect(hexes(unpackChanges(p.packed))).toEqual(hexes(changes[i]!)));
  });

  it('opens for no one missing one of its case keys: the keys held are named for a catch-up, and no guess for the missing key opens it', () => {
    const salt = newFrameSalt();
    const { members: group } = members(3);
    const payload = sealGroupFrame(group, salt, 0, dictionary);
    // A laptop that holds the first two cases' keys, not the third's.
    const held = new Map(group.slice(0, 2).map((m) => [m.keyId, m]));
    expect(openGroupFrame(payload, salt, 0, dictionary, (id) => held.get(id))).toEqual({ status: 'missing', held: [group[0]!.keyId, group[1]!.keyId] });
    expect(openGroupFrame(payload, salt, 0, dictionary, (id) => held.get(id) ?? { key: randomBytes(32), caseId: group[2]!.caseId }).status).toBe('damaged');
    expect(openGroupFrame(payload, salt, 0, dictionary, (id) => held.get(id) ?? { key: Buffer.alloc(32), caseId: group[2]!.caseId }).status).toBe('damaged');
    // Its own keys in another order, another place, another bundle's salt, another context: nothing opens.
    const all = new Map(group.map((m) => [m.keyId, m]));
    expect(openGroupFrame(payload, salt, 1, dictionary, (id) => all.get(id)).status).toBe('damaged');
    expect(openGroupFrame(payload, newFrameSalt(), 0, dictionary, (id) => all.get(id)).status).toBe('damaged');
    expect(openGroupFrame(payload, salt, 0, frameDictionary({}, null, 4), (id) => all.get(id)).status).toBe('damaged');
    // The right keys said to be another case's: the dictionary differs, nothing opens.
    expect(openGroupFrame(payload, salt, 0, dictionary, (id) => ({ ...all.get(id)!, caseId: id === group[0]!.keyId ? hex() : all.get(id)!.caseId })).status).toBe('damaged');
    // The same ids in another order (they start after the 1-byte count).
    const swapped = Buffer.from(payload);
    Buffer.from(group[1]!.keyId, 'hex').copy(swapped, 1);
    Buffer.from(group[0]!.keyId, 'hex').copy(swapped, 9);
    expect(openGroupFrame(swapped, salt, 0, dictionary, (id) => all.get(id)).status).toBe('damaged');
  });

  it('every flipped byte and every truncation is refused, never opened', () => {
    const salt = newFrameSalt();
    const { members: group } = members(2);
    const payload = sealGroupFrame(group, salt, 0, dictionary);
    const all = new Map(group.map((m) => [m.keyId, m]));
    for (let i = 0; i < payload.length; i += 1) {
      const bad = Buffer.from(payload);
      bad[i]! ^= 0x01;
      expect(openGroupFrame(bad, salt, 0, dictionary, (id) => all.get(id)).status, `byte ${i}`).not.toBe('opened');
    }
    for (const cut of [0, 1, 17, payload.length - 1]) expect(openGroupFrame(payload.subarray(0, cut), salt, 0, dictionary, (id) => all.get(id)).status).not.toBe('opened');
  });

  it('the sender groups cases by the laptops holding their keys; a case alone in its set, snapshots and agency documents keep frames of their own', () => {
    const salt = newFrameSalt();
    const cases = Array.from({ length: 4 }, () => ({ caseId: hex(), keyId: hex(8), key: randomBytes(32), madeAt: 1 }));
    const changes = cases.map((c) => caseChanges(c.caseId, 2));
    const out: OutFrame[] = [
      { kind: 'changes', docId: 'agency:staff', caseId: null, data: packChanges(caseChanges(hex(), 1)) },
      ...cases.map((c, i) => ({ kind: 'changes' as const, docId: `case:${c.caseId}`, caseId: c.caseId, data: packChanges(changes[i]!), holders: i === 3 ? 'a,b' : 'a,b,c' })),
      { kind: 'snapshot', docId: `case:${cases[0]!.caseId}`, caseId: cases[0]!.caseId, data: randomBytes(100), holders: 'a,b,c' },
    ];
    // An older key of the first case: the newest encrypts.
    const old = { ...cases[0]!, keyId: hex(8), key: randomBytes(32), madeAt: 0 };
    const caseDictionary = (caseId: string) => frameDictionary({}, caseId, 4);
    const frames = sealFrames(out, [old, ...cases], salt, dictionary, caseDictionary);
    expect(frames.map((f) => f.kind)).toEqual(['changes', 'group', 'changes', 'snapshot']);
    expect(groupKeyIds(frames[1]!.payload)?.keyIds).toEqual(cases.slice(0, 3).map((c) => c.keyId));
    const keys = new Map(cases.map((c) => [c.keyId, c]));
    const opened = openGroupFrame(frames[1]!.payload, salt, 1, dictionary, (id) => keys.get(id));
    if (opened.status !== 'opened') throw new Error(opened.status);
    opened.parts.forEach((p, i) => expect(hexes(unpackChanges(p.packed))).toEqual(hexes(changes[i]!)));
    // The case alone in its holder set: a format-3 case frame at its place, under its own key.
    const alone = frames[2]!;
    expect(alone.keyId).toBe(cases[3]!.keyId);
    expect(hexes(unpackChanges(openCaseFrame(cases[3]!.key, salt, alone, 2, caseDictionary(cases[3]!.caseId))!))).toEqual(hexes(changes[3]!));
  });
});
