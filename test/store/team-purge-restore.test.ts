// A case purged on a team laptop that then restores a backup made before the purge, before any
// round sent the tombstone (security review 5): the restore keeps the case deleted here, and the
// tombstone must still reach the other laptops, or the case stays on every one of them.
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, ADMIN, addStaff } from '../helpers/core';
import { dbOf, firstLaptop, joinFor, rounds } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

describe('a purge followed by a restore on the same team laptop', () => {
  it('still reaches the other laptops', async () => {
    const folder = tempDir('safehold-shared-');
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const gone = await a.ok('clients.create', { chosenName: 'Purged Restore Person' });
    const kept = await a.ok('clients.create', { chosenName: 'Kept Restore Person' });
    const b = await joinFor(a, folder, sup);
    rounds(a, b, a, b);
    expect((await b.ok('clients.get', { id: gone.id })).id).toBe(gone.id);
    const backup = await a.ok('backup.create', { folder: tempDir('safehold-usb-') });

    await a.ok('clients.close', { clientId: gone.id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    const caseNumber = (await a.ok('clients.get', { id: gone.id })).caseNumber;
    await a.ok('clients.purge', { clientId: gone.id, reason: 'survivor_asked', confirmation: caseNumber });
    // No round between the purge and the restore.
    expect(await a.ok('backup.restore', { file: backup.file, name: ADMIN, passphrase: PASSPHRASE })).toEqual({ state: 'locked' });
    await a.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(await a.call('clients.get', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    rounds(a, b, a, b, a, b);
    expect(dbOf(b).prepare('SELECT case_id FROM case_purges').pluck().all()).toEqual([gone.id]);
    expect(await b.call('clients.get', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await a.call('clients.get', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await b.ok('clients.get', { id: kept.id })).id).toBe(kept.id);
  }, 300_000);
});
