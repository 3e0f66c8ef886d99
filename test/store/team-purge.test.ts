// A case purged on one laptop is gone from every laptop of the team after they sync, and stays gone:
// a supervisor's laptop that had not heard yet adds a note and moves the case to no one (which
// gives it a new key, sealed with the whole document to the administrator's laptop); none of it
// brings the case back anywhere. Afterwards no laptop holds a row, key or sync document of the case,
// no stored value anywhere holds its canary (the late note's included), and its document's blob
// file is gone from the shared folder. Laptops in temporary data folders sharing one folder.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../main/core/paths';
import { syncRound } from '../../main/sync/team/round';
import { addStaff, type TestCore } from '../helpers/core';
import { canaryRows, fullCase, traces } from '../helpers/full-case';
import { scanForCanaries } from '../helpers/scan';
import { dbOf as db, firstLaptop, joinFor, userIdOf } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

const CANARY = 'Vexpurgecanary';
const LATE = 'Latenotecanary';

const rounds = (...laptops: TestCore[]) => {
  for (const t of laptops) syncRound(db(t), new Date());
};

describe('a case purged on one laptop of a team', () => {
  it('leaves every laptop, and a concurrent edit from a laptop that had not heard does not bring it back', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const supervisor = await addStaff(a, 'supervisor', 'Sol Purge-Supervisor');
    const worker = await addStaff(a, 'caseworker', 'Cass Purge-Worker');
    const gone = await fullCase(a, `Person ${CANARY}`, CANARY);
    const kept = await fullCase(a, 'Kept Team Person', 'Keptteammarker');
    await a.ok('clients.assign', { clientId: gone.id, workerId: userIdOf(a, worker.name) });
    await a.ok('clients.close', { clientId: gone.id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    rounds(a);
    const b = await joinFor(a, folder, supervisor);
    const c = await joinFor(a, folder, worker);
    rounds(b, c, a, b, c, a, b, c);
    for (const t of [a, b, c]) expect((await t.ok('clients.get', { id: gone.id })).id).toBe(gone.id);
    // Its document's content reached the other laptops through its blob file.
    const blobs = db(a).prepare('SELECT blob_name FROM documents WHERE client_id = ?').pluck().all(gone.id) as string[];
    expect(blobs).toHaveLength(1);
    expect(db(b).prepare('SELECT count(*) FROM document_chunks k JOIN documents d ON d.id = k.document_id WHERE d.client_id = ?').pluck().get(gone.id)).toBeGreaterThan(0);
    const blobFiles = () => blobs.filter((name) => readdirSync(folder).some((laptop) => existsSync(join(folder, laptop, `b-${name}.shd`))));
    expect(blobFiles()).toHaveLength(1);

    // The supervisor, not yet synced, writes a note and moves the case to no one; meanwhile the administrator purges it.
    await b.ok('notes.add', { clientId: gone.id, date: '2026-03-04', kind: 'contact', body: `Late ${LATE}` });
    await b.ok('clients.assign', { clientId: gone.id, workerId: null });
    await a.ok('clients.purge', { clientId: gone.id, reason: 'retention_ended', confirmation: gone.caseNumber });
    rounds(a);
    // The supervisor's laptop removes the case at its next round, and empties its write-ahead log after it.
    syncRound(db(b), new Date());
    expect(db(b).prepare('SELECT count(*) FROM clients WHERE id = ?').pluck().get(gone.id)).toBe(0);
    expect(statSync(`${dataPaths(b.dataDir).store}-wal`).size).toBe(0);
    rounds(c, a, b, c, a, b, c);

    for (const t of [a, b, c]) {
      expect(traces(db(t), gone.id)).toEqual({});
      expect(canaryRows(db(t), CANARY)).toEqual([]);
      expect(canaryRows(db(t), LATE)).toEqual([]);
      expect(db(t).prepare('SELECT case_id FROM case_purges').pluck().all()).toEqual([gone.id]);
      await expect(t.call('clients.get', { id: gone.id })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    // The other case is whole on the laptops that may hold it.
    for (const t of [a, b]) expect((await t.ok('clients.get', { id: kept.id })).id).toBe(kept.id);
    expect(blobFiles()).toEqual([]);
    expect(scanForCanaries([folder, a.dataDir, b.dataDir, c.dataDir], [CANARY, LATE])).toEqual([]);
  });

  it('purged at once by two administrators on two laptops: gone from both, and nothing to review', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const second = await addStaff(a, 'admin', 'Ari Second-Admin');
    const gone = await fullCase(a, `Twice ${CANARY}`, CANARY);
    await a.ok('clients.close', { clientId: gone.id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    rounds(a);
    const b = await joinFor(a, folder, second);
    rounds(b, a, b, a);
    expect((await b.ok('clients.get', { id: gone.id })).id).toBe(gone.id);

    await a.ok('clients.purge', { clientId: gone.id, reason: 'retention_ended', confirmation: gone.caseNumber });
    // A minute apart on their clocks, so the two tombstones differ in when.
    b.clock.advance(60_000);
    if (!b.control.current) await b.ok('session.unlock', second);
    await b.ok('clients.purge', { clientId: gone.id, reason: 'survivor_asked', confirmation: gone.caseNumber });
    rounds(a, b, a, b);
    for (const t of [a, b]) {
      expect(traces(db(t), gone.id)).toEqual({});
      expect(canaryRows(db(t), CANARY)).toEqual([]);
      expect(db(t).prepare('SELECT count(*) FROM sync_conflicts').pluck().get()).toBe(0);
    }
  });
});
