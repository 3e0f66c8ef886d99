// Two administrator laptops add a staff member with the same name before they sync (issue 13 §6:
// "other unique values (staff names) that collide are flagged for review and never stop a sync").
// Through the real transport: both rounds complete, both people exist on both laptops, one keeps the
// name and the other is listed in Needs review on both laptops alike; later work keeps syncing, and
// the administrator's choice travels.
import { describe, expect, it } from 'vitest';
import { addStaff } from '../helpers/core';
import { dump } from '../helpers/sync-laptops';
import { dbOf, firstLaptop, joinFor, rounds } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

const SAME = 'Robin Same-Name';

describe('a staff name given on two laptops at once', () => {
  it('is flagged for review on both, never stops a sync, and the choice syncs', async () => {
    const folder = tempDir('safehold-shared-');
    const a = await firstLaptop(folder);
    const second = await addStaff(a, 'admin', 'Second Admin');
    const b = await joinFor(a, folder, second);
    rounds(a, b, a, b);

    const onA = await a.ok('staff.add', { displayName: SAME, role: 'caseworker' });
    const onB = await b.ok('staff.add', { displayName: SAME, role: 'supervisor' });
    expect(onA.userId).not.toBe(onB.userId);
    // Neither round throws, and each reports what it received.
    for (const t of [a, b, a, b]) expect(await t.ok('team.syncNow', {})).toMatchObject({ ok: true });

    const people = (t: typeof a) =>
      dbOf(t).prepare('SELECT id, display_name AS name, name_key AS nameKey, role FROM users WHERE id IN (?, ?) ORDER BY id').all(onA.userId, onB.userId) as { id: string; name: string; nameKey: string; role: string }[];
    expect(people(a)).toHaveLength(2);
    expect(people(b)).toEqual(people(a));
    // The smaller id keeps the name; the other holds a marked value until someone chooses.
    const [keeps, marked] = people(a);
    expect(keeps!.nameKey).toBe('robin same-name');
    expect(marked!.nameKey).toMatch(/^robin same-name~[0-9a-f]{8}$/u);

    const listed = async (t: typeof a) => (await t.ok('sync.conflicts', {})).items.filter((i) => i.kind === 'duplicate' && i.area === 'users');
    const itemsA = await listed(a);
    expect(itemsA).toHaveLength(1);
    expect((await listed(b)).map((i) => i.id)).toEqual(itemsA.map((i) => i.id));

    // The sync goes on: a case made on B after the clash reaches A.
    await b.ok('clients.create', { chosenName: 'After The Clash' });
    rounds(b, a);
    expect(dbOf(a).prepare("SELECT count(*) FROM clients WHERE chosen_name = 'After The Clash'").pluck().get()).toBe(1);

    // The administrator on A gives the second person another name; B has it after the next rounds and nothing is left to review.
    await a.ok('sync.resolve', { id: itemsA[0]!.id, choice: 'robin same-name two' });
    for (const t of [a, b, a, b]) await t.ok('team.syncNow', {});
    expect(await listed(a)).toEqual([]);
    expect(await listed(b)).toEqual([]);
    expect(people(b)).toEqual(people(a));
    expect(new Set(people(a).map((p) => p.nameKey)).size).toBe(2);
    expect(dump(dbOf(a)).users).toEqual(dump(dbOf(b)).users);
  }, 300_000);
});
