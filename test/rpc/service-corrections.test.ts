// A logged service can be corrected or removed, each with a reason: the plan shows the corrected
// values, the case history names the change and the reason (never the note), the access log has the
// call, and the report counts what the service now is.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../main/reports/figures';
import { addStaff, setUpCore } from '../helpers/core';

const YEAR = { from: '2026-01-01', to: '2026-12-31', workerId: null };

describe('correcting and removing a logged service', () => {
  it('corrects the values with a reason, removes with a reason, and the report and history follow', async () => {
    const t = await setUpCore();
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Synthetic Rosa' });
    const first = await t.ok('services.add', { clientId, date: '2026-03-01', category: 'legal', minutes: 30, note: 'Synthetic note Qx7' });
    const second = await t.ok('services.add', { clientId, date: '2026-03-02', category: 'housing' });
    const db = t.control.current!.db;
    const tally = () => Object.fromEntries(computeFigures(db, YEAR).services.map((s) => [s.category, s.encounters]));
    expect(tally()).toEqual({ legal: 1, housing: 1 });

    await t.ok('services.edit', { serviceId: first.id, reason: 'wrong_details', date: '2026-03-01', category: 'immigration', minutes: 45, note: 'Synthetic note Qx7' });
    const plan = await t.ok('plan.get', { id: clientId });
    expect(plan.services.find((s) => s.id === first.id)).toMatchObject({ category: 'immigration', minutes: 45, correctionReason: 'wrong_details', correctedOn: expect.any(String) });
    expect(tally()).toEqual({ immigration: 1, housing: 1 });

    await t.ok('services.remove', { serviceId: second.id, reason: 'entered_twice' });
    expect((await t.ok('plan.get', { id: clientId })).services.map((s) => s.id)).toEqual([first.id]);
    expect(tally()).toEqual({ immigration: 1 });

    const history = (await t.ok('clients.history', { id: clientId })).entries.map((e) => `${e.section}.${e.field}`);
    expect(history).toEqual(expect.arrayContaining(['services.corrected:immigration:wrong_details', 'services.removed:housing:entered_twice']));
    expect(JSON.stringify(history)).not.toContain('Qx7');
    const actions = (await t.ok('audit.list', {})).entries.filter((e) => e.targetId === clientId).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['services.edit', 'services.remove']));
  });

  it('refuses a correction without a reason or onto another person\'s goal, and an unknown service', async () => {
    const t = await setUpCore();
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Synthetic Lena' });
    const other = await t.ok('clients.create', { chosenName: 'Synthetic Other' });
    const goal = await t.ok('plan.addGoal', { clientId: other.id, domain: 'health', title: 'Dentist' });
    const { id } = await t.ok('services.add', { clientId, date: '2026-03-01', category: 'dental' });
    const noReason = await t.call('services.edit', { serviceId: id, date: '2026-03-01', category: 'dental' } as never);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'reason' }] } });
    const wrongGoal = await t.call('services.edit', { serviceId: id, reason: 'wrong_details', date: '2026-03-01', category: 'dental', goalId: goal.id });
    expect(wrongGoal).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'goalId' }] } });
    expect(await t.call('services.remove', { serviceId: 'f'.repeat(32), reason: 'entered_twice' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.ok('plan.get', { id: clientId })).services).toHaveLength(1);
  });

  it("keeps a caseworker off another worker's service", async () => {
    const t = await setUpCore();
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Synthetic Admin Case' });
    const { id } = await t.ok('services.add', { clientId, date: '2026-03-01', category: 'legal' });
    const worker = await addStaff(t, 'caseworker', 'Synthetic Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    expect(await t.call('services.remove', { serviceId: id, reason: 'wrong_case' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
