// The handover summary (issue 16 §3) beyond goals: deadlines from open steps and milestone clocks in
// the next 30 days (overdue ones flagged), consents expiring in those 30 days (not later, not already
// expired, not revoked) and the last safety-plan change. The test clock reads 2026-03-01.
import { describe, expect, it } from 'vitest';
import { ADMIN, addStaff, setUpCore } from '../helpers/core';

describe('handover summary', () => {
  it('lists the deadlines, expiring consents and last safety-plan change the new worker must know first', async () => {
    const t = await setUpCore();
    const taking = await addStaff(t, 'caseworker', 'Tay Taking');
    const takingId = (await t.ok('staff.list', {})).staff.find((s) => s.displayName === 'Tay Taking')!.id;
    const { id } = await t.ok('clients.create', { chosenName: 'Handed Case' });
    const consent = { clientId: id, purpose: 'Sharing with a partner (synthetic)', dataCategories: ['contact' as const], language: 'en' as const, signedHow: 'written' as const };
    await t.ok('consents.add', { ...consent, kind: 'share_partner', recipient: 'Soon Housing', startDate: '2026-01-01', expiryDate: '2026-03-20' });
    await t.ok('consents.add', { ...consent, kind: 'share_partner', recipient: 'Later Legal', startDate: '2026-01-01', expiryDate: '2026-04-15' });
    await t.ok('consents.add', { ...consent, kind: 'share_partner', recipient: 'Past Clinic', startDate: '2026-01-01', expiryDate: '2026-02-20' });
    const revoked = await t.ok('consents.add', { ...consent, kind: 'share_partner', recipient: 'Revoked Shelter', startDate: '2026-01-01', expiryDate: '2026-03-10' });
    await t.ok('consents.revoke', { consentId: revoked.id, revokedOn: '2026-02-27', reason: null });
    const goal = await t.ok('plan.addGoal', { clientId: id, domain: 'housing', title: 'Stable housing', targetDate: null });
    await t.ok('plan.addStep', { goalId: goal.id, text: 'Call the landlord', dueDate: '2026-02-25' });
    await t.ok('plan.addStep', { goalId: goal.id, text: 'Sign the lease', dueDate: '2026-05-01' });
    await t.ok('milestones.add', { clientId: id, kind: 't_visa', status: 'requested', dueOn: '2026-03-15' });
    await t.ok('safetyPlan.save', { clientId: id, baseVersion: 0, plan: { warningSigns: ['Car parked outside'] } });
    t.clock.advance(60_000);
    const savedAt = t.clock.now().toISOString();
    await t.ok('safetyPlan.save', { clientId: id, baseVersion: 1, plan: { warningSigns: ['Car parked outside', 'Calls from unknown numbers'] } });
    await t.ok('clients.reassign', { clientIds: [id], workerId: takingId });

    await t.ok('session.lock', {});
    await t.ok('session.unlock', taking);
    const summary = await t.ok('handover.summary', { id });
    expect(summary.pending).toMatchObject({ byName: ADMIN, position: 'primary' });
    expect(summary.consentsExpiring).toEqual([{ kind: 'share_partner', recipient: 'Soon Housing', expiryDate: '2026-03-20' }]);
    expect(summary.deadlines).toEqual([
      { kind: 'goal_step', label: 'Call the landlord', date: '2026-02-25', overdue: true },
      { kind: 'milestone', label: 't_visa', date: '2026-03-15', overdue: false },
    ]);
    expect(summary.safetyPlan).toEqual({ version: 2, savedAt });
  });
});
