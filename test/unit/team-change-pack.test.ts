// Bundle format 3: changes packed (checksums and in-frame dependency hashes left out) and compressed
// with format 3's dictionary. The receiver must rebuild every change byte for byte.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { packChanges, unpackChanges } from '../../main/sync/team/change-pack';
import { encodeChanges, frameDictionary, newFrameSalt, openCaseFrame, sealCaseFrame } from '../../main/sync/team/frames';

const RS = '\u001e';
const hex = () => randomBytes(16).toString('hex');

/** A service recorded on a case, as the engine writes it: one change, one field a key. */
function service(h: ReturnType<typeof A.getBackend>, caseId: string, by: string): Uint8Array {
  const id = randomUUID().replaceAll('-', '');
  const fields: [string, string | number][] = [['client_id', caseId], ['date', '2026-11-02'], ['category', 'legal'], ['provider', 'in_house'], ['minutes', 45], ['created_at', new Date().toISOString()], ['created_by', by]];
  for (const [col, value] of fields) h.put('_root', `services${RS}${id}${RS}${col}`, value, typeof value === 'number' ? 'int' : 'str');
  h.commit(JSON.stringify({ v: 1, by, l: randomBytes(8).toString('hex') }), Math.floor(Date.now() / 1000));
  return h.getLastLocalChange()!;
}

const same = (a: Uint8Array[], b: Uint8Array[]) => expect(a.map((c) => Buffer.from(c).toString('hex'))).toEqual(b.map((c) => Buffer.from(c).toString('hex')));

describe('bundle format 3: packed changes', () => {
  it('gives back every change byte for byte: a chain on one case, a merge of two laptops, and bytes it does not know', () => {
    const caseId = hex();
    const a = A.getBackend(A.init()).clone(hex());
    const chain = Array.from({ length: 5 }, () => service(a, caseId, hex()));
    const b = a.clone(hex());
    service(a, caseId, hex());
    const fromB = service(b, caseId, hex());
    a.applyChanges([fromB]);
    const merge = service(a, caseId, hex()); // depends on two heads
    expect(A.decodeChange(merge).deps).toHaveLength(2);
    const unknown = randomBytes(70);
    const changes = [...chain, fromB, merge, unknown];
    const packed = packChanges(changes);
    same(unpackChanges(packed), changes);
    // Each chained change leaves out its 4-byte checksum and its 32-byte dependency.
    expect(encodeChanges(changes).length - packed.length).toBeGreaterThanOrEqual(5 * 36 + 2 * 4);
  });

  it('a damaged packed frame is refused, never rebuilt into other changes', () => {
    const h = A.getBackend(A.init()).clone(hex());
    const changes = [service(h, hex(), hex()), service(h, hex(), hex())];
    const packed = packChanges(changes);
    for (const cut of [1, 5, packed.length - 1]) expect(() => unpackChanges(packed.subarray(0, cut))).toThrow('damaged frame');
    // An entry of an unknown kind, and a back-reference to nothing before it.
    expect(() => unpackChanges(Buffer.from([2, 9, 0]))).toThrow('damaged frame');
    expect(() => unpackChanges(Buffer.from([3, 1, 1, 1]))).toThrow('damaged frame');
    // A frame of back-references asking for more than the size limit is refused before it is built.
    const bomb = Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 0xfe, 0xff, 0xff, 0x7f]), Buffer.alloc(64)]);
    expect(() => unpackChanges(bomb)).toThrow('damaged frame');
  });

  it('a single change in a format-3 case frame takes at least a quarter less room than in format 2, and opens only with the format-3 dictionary', () => {
    const actor = hex();
    const by = hex();
    const h = A.getBackend(A.init()).clone(actor);
    const caseId = hex();
    const change = service(h, caseId, by);
    const context = { dict: Buffer.concat([Buffer.from(actor, 'hex'), Buffer.from(A.decodeChange(change).message ?? '', 'utf8')]).toString('base64') };
    const key = randomBytes(32);
    const salt = newFrameSalt();
    const place = { kind: 'changes' as const, docId: `case:${caseId}` };
    const v2 = sealCaseFrame(key, salt, place, 0, encodeChanges([change]), frameDictionary(context, caseId, 2));
    const v3 = sealCaseFrame(key, salt, place, 0, packChanges([change]), frameDictionary(context, caseId, 3));
    expect(v3.length).toBeLessThan(v2.length * 0.75);
    const frame = { ...place, keyId: '0123456789abcdef', payload: v3 };
    same(unpackChanges(openCaseFrame(key, salt, frame, 0, frameDictionary(context, caseId, 3))!), [change]);
    expect(openCaseFrame(key, salt, frame, 0, frameDictionary(context, caseId, 2))).toBeNull();
  });

  it("format 3's fixed dictionary never changes (a changed byte would be a new format)", () => {
    expect(createHash('sha256').update(frameDictionary({}, null, 3)).digest('hex')).toBe('53da69ca275a04f04c07de29668df4ff94e1378dcc5c0784641416d90f46a425');
    expect(frameDictionary({}, null, 2)).toEqual(frameDictionary({}, null));
  });
});
