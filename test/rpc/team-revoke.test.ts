// Revoking a laptop through the dispatcher (team.revoke, Admin → Team): refused for anyone but an
// administrator, for this laptop itself, an unknown laptop and one already revoked; done by an
// administrator it is logged, shows in team.status, the revoked laptop can read nothing written
// afterwards, and what it writes afterwards is refused by the others.
import { describe, expect, it } from 'vitest';
import { readSelf } from '../../main/sync/team/state';
import { syncRound } from '../../main/sync/team/round';
import { ADMIN, PASSPHRASE, addStaff } from '../helpers/core';
import { dbOf, firstLaptop, joinFor, rounds, userIdOf } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

describe('team.revoke', () => {
  it('only an administrator revokes; the revoked laptop reads nothing new and its files are refused', async () => {
    const folder = tempDir('safehold-shared-');
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const cw = await addStaff(a, 'caseworker', 'Casey Worker');
    const mine = await a.ok('clients.create', { chosenName: 'Assigned Before' });
    await a.ok('clients.assign', { clientId: mine.id, workerId: userIdOf(a, cw.name) });
    const b = await joinFor(a, folder, sup);
    const c = await joinFor(a, folder, cw);
    rounds(a, b, c, a, b, c);
    const laptopOf = (t: typeof a) => readSelf(dbOf(t))!.laptopId;
    const [aLaptop, bLaptop, cLaptop] = [laptopOf(a), laptopOf(b), laptopOf(c)];
    expect((await c.ok('clients.list', { assigned: 'any' })).rows.map((r) => r.chosenName)).toEqual(['Assigned Before']);

    // Not an administrator: refused, on the supervisor's own laptop and on the administrator's.
    expect(await b.call('team.revoke', { laptopId: cLaptop })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await a.ok('session.lock', {});
    await a.ok('session.unlock', { name: sup.name, passphrase: sup.passphrase });
    expect(await a.call('team.revoke', { laptopId: cLaptop })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await a.ok('session.lock', {});
    await a.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    // Not this laptop, not a laptop of another team.
    expect(await a.call('team.revoke', { laptopId: aLaptop })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await a.call('team.revoke', { laptopId: 'f'.repeat(16) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await a.ok('team.revoke', { laptopId: cLaptop })).toEqual({ done: true });
    const laptops = (await a.ok('team.status', {})).laptops;
    expect(laptops.find((l) => l.laptopId === cLaptop)).toMatchObject({ status: 'revoked', personName: cw.name });
    expect(laptops.find((l) => l.laptopId === bLaptop)).toMatchObject({ status: 'active' });
    expect((await a.ok('audit.list', { action: 'team.revoke' })).entries.map((e) => e.action)).toContain('team.revoke');
    expect(await a.call('team.revoke', { laptopId: cLaptop })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Written after the revocation: a new case for the caseworker, and a change to the case they held.
    await b.ok('team.syncNow', {});
    const later = await a.ok('clients.create', { chosenName: 'Assigned After' });
    await a.ok('clients.assign', { clientId: later.id, workerId: userIdOf(a, cw.name) });
    await a.ok('team.syncNow', {});
    const cRound = syncRound(dbOf(c));
    expect(cRound.refused).toContainEqual(expect.objectContaining({ laptop: aLaptop, reason: 'no-key' }));
    expect((await c.ok('clients.list', { assigned: 'any' })).rows.map((r) => r.chosenName)).toEqual(['Assigned Before']);
    // The supervisor's laptop has the new key and reads it.
    await b.ok('team.syncNow', {});
    expect((await b.ok('clients.list', { assigned: 'any' })).rows.map((r) => r.chosenName).sort()).toEqual(['Assigned After', 'Assigned Before']);

    // What the revoked laptop writes now is refused by the others, and nothing of it applied.
    await c.ok('clients.create', { chosenName: 'From Revoked' });
    syncRound(dbOf(c));
    const bRound = syncRound(dbOf(b));
    expect(bRound.refused).toContainEqual(expect.objectContaining({ laptop: cLaptop, reason: 'revoked' }));
    // The Team screen's sync indicator says files are waiting (refused again each round).
    await b.ok('team.syncNow', {});
    expect((await b.ok('team.status', {})).waitingFiles).toBeGreaterThan(0);
    expect((await b.ok('clients.list', { assigned: 'any' })).rows.map((r) => r.chosenName)).not.toContain('From Revoked');
    await a.ok('team.syncNow', {});
    expect((await a.ok('clients.list', { assigned: 'any' })).rows.map((r) => r.chosenName).sort()).toEqual(['Assigned After', 'Assigned Before']);
  }, 300_000);
});
