// Outreach with no case (issue 16 §2) is counted in the outcome report's outreach figures: contacts,
// people and minutes in the period, by who recorded them when the report is for one worker.
import { describe, expect, it } from 'vitest';
import { ADMIN, addStaff, setUpCore } from '../helpers/core';

describe('outreach figures in the report', () => {
  it('counts the period’s outreach contacts, people and minutes, and only one worker’s when asked', async () => {
    const t = await setUpCore();
    await t.ok('outreach.add', { date: '2026-02-28', place: 'Before the period', minutes: 30, people: 9 });
    await t.ok('outreach.add', { date: '2026-03-02', place: 'Bus station', minutes: 90, people: 6 });
    await t.ok('outreach.add', { date: '2026-03-09', people: 2 });
    const other = await addStaff(t, 'caseworker', 'Outreach Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', other);
    await t.ok('outreach.add', { date: '2026-03-10', minutes: 45, people: 3 });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: 'copper lantern meadow 42' });

    const rows = async (workerId: string | null) => {
      const report = await t.ok('reports.outcomes', { from: '2026-03-01', to: '2026-03-31', workerId });
      return report.tables.find((table) => table.name === 'outreach')!.rows.map((r) => [r.code, r.count]);
    };
    expect(await rows(null)).toEqual([
      ['contacts', 3],
      ['people', 11],
      ['minutes', 135],
    ]);
    const adminId = (await t.ok('staff.list', {})).staff.find((s) => s.displayName === ADMIN)!.id;
    expect(await rows(adminId)).toEqual([
      ['contacts', 2],
      ['people', 8],
      ['minutes', 90],
    ]);
  });
});
