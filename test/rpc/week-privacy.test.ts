// A caseworker's week names only the cases they may open (their own, as primary or secondary worker,
// and those they created). The calendar file follows the same rule: a colleague's case the worker
// only goes along to is labelled by its case number even when initials were asked for, since
// initials are part of a name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addStaff, setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

describe('names in the week and in the calendar file', () => {
  it("give a colleague's case only its number, and a secondary worker's case its name", async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Wren Worker');
    const workerId = (await t.ok('staff.list', {})).staff.find((s) => s.displayName === worker.name)!.id;
    const colleagues = await t.ok('clients.create', { chosenName: 'Quentin Xavier-Yang' });
    const secondary = await t.ok('clients.create', { chosenName: 'Secondary Helped-Person' });
    await t.ok('clients.setSecondary', { clientId: secondary.id, workerId });
    await t.ok('appointments.add', { clientId: colleagues.id, date: '2026-03-03', time: '14:00', staffId: workerId, kind: 'medical' });
    await t.ok('appointments.add', { clientId: secondary.id, date: '2026-03-04', time: '10:00', staffId: workerId, kind: 'office' });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);

    const { items } = await t.ok('appointments.week', { from: '2026-03-02' });
    expect(items.map((i) => [i.caseNumber, i.chosenName])).toEqual([
      [colleagues.caseNumber, null],
      [secondary.caseNumber, 'Secondary Helped-Person'],
    ]);

    const folder = tempDir();
    const out = await t.ok('appointments.exportCalendar', { from: '2026-03-02', folder, label: 'initials', reason: 'Putting my week in my work calendar.' });
    const ics = readFileSync(out.file, 'utf8');
    expect(ics).not.toContain('SUMMARY:QXY');
    expect(ics).toContain(`SUMMARY:${colleagues.caseNumber}`);
    expect(ics).toContain('SUMMARY:SHP');
  });
});
