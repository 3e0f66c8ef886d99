// The first-contact duplicate check (issue 11, finding 8): someone who may not open a matching case
// learns only that a possible match exists and its case number; never its names, aliases, birth date
// or what matched, and a birth date alone cannot find it. The access log names the matched cases.
import { describe, expect, it } from 'vitest';
import { addStaff, setUpCore } from '../helpers/core';

describe('clients.findDuplicates', () => {
  it('tells a caseworker only that a case they may not open may match, and logs the matched ids', async () => {
    const t = await setUpCore();
    const hidden = await t.ok('clients.create', { chosenName: 'Marisol Quintero', dateOfBirth: '1998-07-14' });
    await t.ok('intake.saveSection', { clientId: hidden.id, section: 'identity', baseVersion: 1, data: { preferredName: 'Marisol Quintero', legalName: 'Marisol Quintero Ruiz', aliases: ['Sol Q'], genderIdentity: 'prefers_not', dateOfBirth: '1998-07-14' } });
    const worker = await addStaff(t, 'caseworker', 'Casey Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    const own = await t.ok('clients.create', { chosenName: 'Marisol Quinteros', dateOfBirth: '2001-01-01' });

    const found = await t.ok('clients.findDuplicates', { names: ['marisol quintero'], dateOfBirth: '1998-07-14' });
    expect(found.matches).toContainEqual({ access: 'ask-supervisor', caseNumber: hidden.caseNumber });
    const aboutHidden = JSON.stringify(found.matches.filter((m) => m.access !== 'open'));
    for (const secret of ['Marisol', 'Ruiz', 'Sol Q', '1998-07-14', 'birth_date', 'matchedOn', hidden.id]) expect(aboutHidden).not.toContain(secret);
    // Their own case comes with its name and what matched.
    expect(found.matches).toContainEqual({ access: 'open', clientId: own.id, caseNumber: own.caseNumber, chosenName: 'Marisol Quinteros', matchedOn: ['name'] });

    // A first name a typo apart and the right birth date would find it for someone who may open it;
    // for the caseworker, trying dates one by one reveals nothing.
    for (const dateOfBirth of ['1998-07-13', '1998-07-14']) {
      const probe = await t.ok('clients.findDuplicates', { names: ['Marisel Zed'], dateOfBirth });
      expect(probe.matches).toEqual([]);
    }

    const logged = t.control
      .current!.db.prepare("SELECT target_id FROM audit_log WHERE action = 'clients.findDuplicates' ORDER BY seq")
      .pluck()
      .all();
    expect(logged.slice(0, 2).sort()).toEqual([hidden.id, own.id].sort());
    expect(logged.slice(2)).toEqual([null, null]);
  });

  it('shows a supervisor every match in full', async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Casey Worker');
    const supervisor = await addStaff(t, 'supervisor', 'Sam Supervisor');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    const theirs = await t.ok('clients.create', { chosenName: 'Marisol Quintero', dateOfBirth: '1998-07-14' });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', supervisor);
    const probe = await t.ok('clients.findDuplicates', { names: ['Marisel Zed'], dateOfBirth: '1998-07-14' });
    expect(probe.matches).toEqual([
      { access: 'open', clientId: theirs.id, caseNumber: theirs.caseNumber, chosenName: 'Marisol Quintero', matchedOn: ['birth_date', 'name'] },
    ]);
  });
});
