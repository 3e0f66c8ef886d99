// The access-log viewer shows the agency's whole log, per laptop: after a sync, an administrator's
// audit.list holds the other laptops' entries (as their bundles carried them, ids and actions only),
// each marked with the laptop that wrote it, and can be narrowed to this laptop or to one other.
import { describe, expect, it } from 'vitest';
import { readSelf } from '../../main/sync/team/state';
import { addStaff } from '../helpers/core';
import { dbOf, firstLaptop, joinFor, rounds } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

describe('audit.list across a team', () => {
  it("lists every laptop's entries with the laptop that wrote them, and filters by laptop", async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'admin', 'Sam Log-Admin');
    const b = await joinFor(a, folder, sup);
    rounds(b, a, b);
    const made = await b.ok('clients.create', { chosenName: 'Logged Elsewhere Person' });
    rounds(b, a);
    const bLaptop = readSelf(dbOf(b))!.laptopId;

    const all = await a.ok('audit.list', { action: 'clients.create', limit: 500 });
    expect(all.laptops).toEqual([bLaptop]);
    const fromB = all.entries.filter((e) => e.laptopId === bLaptop);
    expect(fromB).toHaveLength(1);
    expect(fromB[0]).toMatchObject({ action: 'clients.create', targetId: made.id, actor: sup.name, outcome: 'ok' });

    const onlyB = await a.ok('audit.list', { laptop: bLaptop, limit: 500 });
    expect(onlyB.entries.length).toBeGreaterThan(1);
    expect(onlyB.entries.every((e) => e.laptopId === bLaptop)).toBe(true);
    expect(onlyB.entries.map((e) => e.action)).toContain('team.join');

    const here = await a.ok('audit.list', { laptop: 'this', limit: 500 });
    expect(here.entries.every((e) => e.laptopId === null)).toBe(true);
    expect(here.entries.some((e) => e.action === 'team.join')).toBe(false);
    const everything = await a.ok('audit.list', { limit: 500 });
    expect(everything.total).toBe(here.total + onlyB.total);

    // The other way round too: the second administrator's laptop lists the administrator's laptop.
    const mine = await a.ok('clients.create', { chosenName: 'Logged Here Person' });
    rounds(a, b);
    const onB = await b.ok('audit.list', { action: 'clients.create', limit: 500 });
    expect(onB.laptops).toEqual([readSelf(dbOf(a))!.laptopId]);
    expect(onB.entries.map((e) => [e.laptopId, e.targetId]).sort()).toEqual([[readSelf(dbOf(a))!.laptopId, mine.id], [null, made.id]].sort());
  });
});
