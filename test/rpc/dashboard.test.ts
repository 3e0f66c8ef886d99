// The supervisor dashboard (issue 16 §4): each figure counts active cases by the same rule as the list
// that opens behind it; caseworkers cannot read it.
import { describe, expect, it } from 'vitest';
import { addStaff, setUpCore, type TestCore } from '../helpers/core';

async function idOf(t: TestCore, name: string): Promise<string> {
  return (await t.ok('staff.list', {})).staff.find((s) => s.displayName === name)!.id;
}

describe('supervisor dashboard', () => {
  it('counts caseloads, overdue items, expiring consents and cases with no contact, and lists the cases behind each', async () => {
    const t = await setUpCore(); // the clock reads 2026-03-01
    const worker = await addStaff(t, 'caseworker', 'Wren Worker');
    const workerId = await idOf(t, worker.name);
    const a = await t.ok('clients.create', { chosenName: 'Alpha Case' });
    const b = await t.ok('clients.create', { chosenName: 'Beta Case' });
    const c = await t.ok('clients.create', { chosenName: 'Gamma Case' });
    await t.ok('clients.reassign', { clientIds: [a.id, b.id], workerId });
    await t.ok('clients.assign', { clientId: c.id, workerId: null });
    await t.ok('plan.addGoal', { clientId: a.id, domain: 'legal', title: 'Overdue goal', targetDate: '2026-02-10' });
    await t.ok('consents.add', { clientId: b.id, kind: 'services', purpose: 'x', dataCategories: ['identity'], startDate: '2026-01-01', expiryDate: '2026-03-15', language: 'en', signedHow: 'written' });
    await t.ok('services.add', { clientId: a.id, date: '2026-02-25', category: 'case_management' });
    await t.ok('appointments.add', { clientId: b.id, date: '2026-02-27', staffId: workerId, kind: 'office' });

    const s = await t.ok('dashboard.summary', { noContactDays: 30 });
    expect(s.caseload.find((w) => w.workerId === workerId)).toMatchObject({ primary: 2, secondary: 0 });
    expect(s.unassigned).toBe(1);
    expect(s.overdue).toBe(1);
    expect(s.consentsExpiring).toBe(1);
    expect(s.appointmentsThisWeek).toBe(1);
    // Only Alpha had a service in the last 30 days (a contact attempt or case note would count too).
    expect(s.noContact.count).toBe(2);
    const names = async (input: Parameters<typeof t.ok<'dashboard.list'>>[1]) => (await t.ok('dashboard.list', input)).cases.map((x) => x.chosenName).sort();
    expect(await names({ figure: 'worker', workerId })).toEqual(['Alpha Case', 'Beta Case']);
    expect(await names({ figure: 'unassigned' })).toEqual(['Gamma Case']);
    expect(await names({ figure: 'overdue' })).toEqual(['Alpha Case']);
    expect(await names({ figure: 'consents' })).toEqual(['Beta Case']);
    expect(await names({ figure: 'appointments' })).toEqual(['Beta Case']);
    expect(await names({ figure: 'no-contact', noContactDays: 30 })).toEqual(['Beta Case', 'Gamma Case']);
    // The fields missing for the next funder report: the same cases reports.dataQuality lists for its period.
    const quality = await t.ok('reports.dataQuality', { ...s.reportPeriod, preset: 'standard' });
    expect((await t.ok('dashboard.list', { figure: 'missing-fields' })).cases.map((x) => x.clientId).sort()).toEqual(quality.casesToFix!.map((x) => x.clientId).sort());

    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    expect(await t.call('dashboard.summary', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('dashboard.list', { figure: 'overdue' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
  it('follows handler writes: a step counts while its goal is open, and a removed service or a new contact moves "no contact"', async () => {
    const t = await setUpCore(); // the clock reads 2026-03-01
    const a = await t.ok('clients.create', { chosenName: 'Alpha Case' });
    const goal = await t.ok('plan.addGoal', { clientId: a.id, domain: 'legal', title: 'Goal', targetDate: null });
    await t.ok('plan.addStep', { goalId: goal.id, text: 'Late step', dueDate: '2026-02-10' });
    expect((await t.ok('dashboard.summary', { noContactDays: 30 })).overdue).toBe(1);
    await t.ok('plan.setGoalStatus', { goalId: goal.id, status: 'withdrawn', on: '2026-02-20' });
    expect((await t.ok('dashboard.summary', { noContactDays: 30 })).overdue).toBe(0);
    expect((await t.ok('dashboard.list', { figure: 'overdue' })).cases).toEqual([]);
    await t.ok('plan.setGoalStatus', { goalId: goal.id, status: 'open', on: '2026-02-21' });
    expect((await t.ok('dashboard.list', { figure: 'overdue' })).cases.map((c) => c.chosenName)).toEqual(['Alpha Case']);

    const noContact = async () => (await t.ok('dashboard.summary', { noContactDays: 30 })).noContact.count;
    expect(await noContact()).toBe(1);
    const service = await t.ok('services.add', { clientId: a.id, date: '2026-02-25', category: 'case_management' });
    expect(await noContact()).toBe(0);
    await t.ok('services.remove', { serviceId: service.id, reason: 'entered_twice' });
    expect(await noContact()).toBe(1);
    await t.ok('contacts.add', { clientId: a.id, date: '2026-02-10', method: 'call', outcome: 'voicemail' });
    expect(await noContact()).toBe(0);
    expect((await t.ok('dashboard.list', { figure: 'no-contact', noContactDays: 30 })).cases).toEqual([]);
    expect((await t.ok('dashboard.list', { figure: 'no-contact', noContactDays: 7 })).cases.map((c) => c.chosenName)).toEqual(['Alpha Case']);
  });
});
