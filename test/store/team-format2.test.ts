// Bundle format 3 (packed changes, format 3's dictionary) is what this version writes; a bundle an
// earlier Safehold wrote in format 2 can still be in the folder, and is read and applied as before.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, openBundle, peekHeader, sealBundle } from '../../main/sync/team/bundle';
import { unpackChanges } from '../../main/sync/team/change-pack';
import { decodeBody, encodeBody, encodeChanges, frameDictionary, openCaseFrame, sealCaseFrame } from '../../main/sync/team/frames';
import { signingKey, verifyingKey } from '../../main/sync/team/identity';
import { readCaseKeys, readEpochs, readLaptops, readSelf } from '../../main/sync/team/state';
import { addStaff } from '../helpers/core';
import { dbOf, firstLaptop, joinFor, rounds } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

describe('bundle formats', () => {
  it('a format-2 bundle (changes whole, format-2 dictionary) is still read and applied', async () => {
    const folder = tempDir('safehold-shared-');
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    await a.ok('clients.create', { chosenName: 'Format Person' });
    const b = await joinFor(a, folder, sup);
    rounds(a, b, a, b);

    const made = await a.ok('clients.create', { chosenName: 'Sent In Format Two' });
    await a.ok('services.add', { clientId: made.id, date: '2026-11-02', category: 'legal', minutes: 45 });
    rounds(a);
    const db = dbOf(a);
    const self = readSelf(db)!;
    const dir = join(folder, self.laptopId);
    const newest = readdirSync(dir).filter((f) => f.endsWith('.shb')).sort((x, y) => Number.parseInt(y) - Number.parseInt(x))[0]!;
    const file = readFileSync(join(dir, newest));
    expect(peekHeader(file).v).toBe(BUNDLE_FORMAT);

    // The same content as an earlier Safehold wrote it: each frame's changes whole, the format-2 dictionary.
    const signPublic = readLaptops(db).find((l) => l.laptopId === self.laptopId)!.signPublic;
    const epochs = readEpochs(db);
    const header = peekHeader(file);
    const teamKey = epochs.find((e) => e.epoch === header.epoch)!.key;
    const opened = openBundle(file, { team: header.team, laptop: self.laptopId, seq: header.seq, signPublic: () => verifyingKey(signPublic), teamKey: () => teamKey });
    const body = decodeBody(opened.body);
    const keys = new Map(readCaseKeys(db).map((k) => [k.keyId, k]));
    let caseFrames = 0;
    const frames = body.frames.map((frame, index) => {
      if (frame.kind !== 'changes') return frame;
      if (frame.keyId === null) return { ...frame, payload: encodeChanges(unpackChanges(frame.payload)) };
      const key = keys.get(frame.keyId)!;
      const place = { kind: frame.kind, docId: `case:${key.caseId}` };
      const plain = openCaseFrame(key.key, body.control.salt, { ...frame, ...place }, index, frameDictionary(body.control, key.caseId, 3))!;
      caseFrames += 1;
      return { ...frame, payload: sealCaseFrame(key.key, body.control.salt, place, index, encodeChanges(unpackChanges(plain)), frameDictionary(body.control, key.caseId, 2)) };
    });
    expect(caseFrames).toBeGreaterThan(0);
    const old = sealBundle({ team: header.team, epoch: header.epoch, laptop: self.laptopId, seq: header.seq, teamKey, signKey: signingKey(self.signPrivate, signPublic), body: encodeBody({ control: body.control, frames }), format: 2 });
    expect(peekHeader(old).v).toBe(2);
    writeFileSync(join(dir, newest), old);

    rounds(b);
    const got = dbOf(b).prepare("SELECT id FROM clients WHERE chosen_name = 'Sent In Format Two'").pluck().get();
    expect(got).toBe(made.id);
    expect(dbOf(b).prepare("SELECT count(*) FROM services WHERE client_id = ? AND category = 'legal'").pluck().get(made.id)).toBe(1);
  }, 300_000);
});
