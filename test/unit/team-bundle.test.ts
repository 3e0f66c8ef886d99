// The bundle format of the shared folder: what opens, and what is refused with which reason.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, BundleError, bucketSize, openBundle, peekHeader, sealBundle, type OpenContext } from '../../main/sync/team/bundle';
import { decodeBody, decodeChanges, encodeBody, encodeChanges, frameDictionary, newFrameSalt, openCaseFrame, sealCaseFrame } from '../../main/sync/team/frames';
import { newLaptopKeys, signingKey, verifyingKey } from '../../main/sync/team/identity';
import { readKeyFile, writeKeyFile } from '../../main/sync/team/keyfile';

const team = 'a'.repeat(24);
const teamKey = randomBytes(32);
const laptop = newLaptopKeys();
const sk = signingKey(laptop.signPrivate, laptop.signPublic);

function ctx(over: Partial<OpenContext> = {}): OpenContext {
  return {
    team,
    laptop: laptop.laptopId,
    seq: 3,
    signPublic: (id) => (id === laptop.laptopId ? verifyingKey(laptop.signPublic) : null),
    teamKey: (epoch) => (epoch === '1-x' ? teamKey : null),
    ...over,
  };
}

const make = (body: Buffer = Buffer.from('hello frames')): Buffer => sealBundle({ team, epoch: '1-x', laptop: laptop.laptopId, seq: 3, teamKey, signKey: sk, body });

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof BundleError) return error.reason;
    throw error;
  }
  return 'opened';
}

describe('team bundles', () => {
  it('round-trips, and the header names no count', () => {
    const bytes = make();
    expect(openBundle(bytes, ctx()).body.toString()).toBe('hello frames');
    expect(Object.keys(peekHeader(bytes)).sort()).toEqual(['epoch', 'laptop', 'salt', 'seq', 'team', 'v']);
  });

  it('pads bodies to buckets, so 1 and 20 small changes give files of one size', () => {
    const one = make(encodeChanges([randomBytes(40)]));
    const twenty = make(encodeChanges(Array.from({ length: 5 }, () => randomBytes(40))));
    expect(one.length).toBe(twenty.length);
    expect(bucketSize(1000)).toBeGreaterThanOrEqual(1000);
    expect(bucketSize(100_000) - 100_000).toBeLessThan(100_000 / 8);
  });

  it('refuses every flipped byte, truncation, foreign team, wrong place, unknown laptop and missing key', () => {
    const bytes = make();
    for (let i = 0; i < bytes.length; i += 1) {
      const copy = Buffer.from(bytes);
      copy[i] = copy[i]! ^ 0x01;
      expect(reason(() => openBundle(copy, ctx())), `byte ${i}`).not.toBe('opened');
    }
    for (const cut of [0, 10, bytes.length - 65, bytes.length - 1]) expect(reason(() => openBundle(bytes.subarray(0, cut), ctx()))).not.toBe('opened');
    expect(reason(() => openBundle(bytes, ctx({ team: 'b'.repeat(24) })))).toBe('foreign');
    expect(reason(() => openBundle(bytes, ctx({ seq: 4 })))).toBe('misplaced');
    expect(reason(() => openBundle(bytes, ctx({ laptop: 'f'.repeat(16) })))).toBe('misplaced');
    expect(reason(() => openBundle(bytes, ctx({ signPublic: () => null })))).toBe('unknown-laptop');
    expect(reason(() => openBundle(bytes, ctx({ teamKey: () => null })))).toBe('no-key');
    const other = newLaptopKeys();
    expect(reason(() => openBundle(bytes, ctx({ signPublic: () => verifyingKey(other.signPublic) })))).toBe('bad-signature');
  });

  it('a newer format is recognised as such, not as damage', () => {
    const bytes = make();
    const text = bytes.toString('latin1').replace(`"v":${BUNDLE_FORMAT}`, `"v":${BUNDLE_FORMAT + 1}`);
    expect(reason(() => openBundle(Buffer.from(text, 'latin1'), ctx()))).toBe('newer-format');
  });

  it('case frames open only with their case key, at their place', () => {
    const caseKey = randomBytes(32);
    const salt = newFrameSalt();
    const changes = [randomBytes(30), randomBytes(50)];
    const payload = sealCaseFrame(caseKey, salt, { kind: 'changes', docId: 'case:c1' }, 0, encodeChanges(changes));
    const body = decodeBody(encodeBody({ control: { salt, events: [], grants: [] }, frames: [{ kind: 'changes', docId: 'case:c1', keyId: '0123456789abcdef', payload }] }));
    // The file names only the key; the holder of the key knows the case.
    expect(body.frames[0]).toMatchObject({ docId: '', keyId: '0123456789abcdef' });
    const frame = { ...body.frames[0]!, docId: 'case:c1' };
    expect(decodeChanges(openCaseFrame(caseKey, salt, frame, 0)!).map((c) => Buffer.from(c))).toEqual(changes);
    expect(openCaseFrame(randomBytes(32), salt, frame, 0)).toBeNull();
    expect(openCaseFrame(caseKey, salt, frame, 1)).toBeNull();
    expect(openCaseFrame(caseKey, salt, { ...frame, docId: 'case:c2' }, 0)).toBeNull();
  });

  it('still reads format-1 to format-3 headers (files written before the shared context, packed changes, group frames)', () => {
    for (const v of [1, 2, 3]) {
      const text = make().toString('latin1').replace(`"v":${BUNDLE_FORMAT}`, `"v":${v}`);
      expect(peekHeader(Buffer.from(text, 'latin1')).v).toBe(v);
    }
    expect(peekHeader(make()).v).toBe(4);
  });

  it('a case frame compressed with its bundle context opens only with the same context and case', () => {
    const caseKey = randomBytes(32);
    const salt = newFrameSalt();
    const context = { dict: Buffer.from('0123456789abcdef0123456789abcdef{"v":1,"by":"x"}', 'utf8').toString('base64') };
    const plain = encodeChanges([Buffer.from('services 0123456789abcdef0123456789abcdef c1 {"v":1,"by":"x"}', 'utf8')]);
    const frame = { kind: 'changes' as const, docId: 'case:c1', keyId: '0123456789abcdef', payload: sealCaseFrame(caseKey, salt, { kind: 'changes', docId: 'case:c1' }, 0, plain, frameDictionary(context, 'c1')) };
    expect(openCaseFrame(caseKey, salt, frame, 0, frameDictionary(context, 'c1'))).toEqual(plain);
    expect(openCaseFrame(caseKey, salt, frame, 0, frameDictionary(context, 'c2'))).toBeNull();
    expect(openCaseFrame(caseKey, salt, frame, 0, frameDictionary({}, 'c1'))).toBeNull();
    // Without a context (format 1), the fixed dictionary alone, as before.
    expect(frameDictionary({}, 'c1')).toEqual(frameDictionary({ dict: undefined }, 'c9'));
  });

  it('a new team key file opens only for a named laptop, and only unaltered', () => {
    const a = newLaptopKeys();
    const b = newLaptopKeys();
    const key = randomBytes(32);
    const file = writeKeyFile({ team, epoch: '2-x', n: 2, laptop: laptop.laptopId, key, recipients: [{ laptopId: a.laptopId, boxPublic: a.boxPublic }], signKey: sk });
    const read = (who: typeof a, bytes = file) =>
      readKeyFile(bytes, { team, from: laptop.laptopId, signer: verifyingKey(laptop.signPublic), me: who.laptopId, boxPrivate: who.boxPrivate, boxPublic: who.boxPublic });
    expect(read(a)?.key.equals(key)).toBe(true);
    expect(read(b)).toBeNull();
    const altered = Buffer.from(file);
    altered[20] = altered[20]! ^ 1;
    expect(read(a, altered)).toBeNull();
  });
});
