import { describe, expect, it } from 'vitest';
import { seedClients } from '../../main/demo/generator';
import { dueItems } from '../../main/rpc/handlers/due';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, type TestCore } from '../helpers/core';

async function clientWithPartner(t: TestCore) {
  const client = await t.ok('clients.create', { chosenName: 'Amara' });
  const partner = await t.ok('partners.add', { name: 'Harbor Legal Aid', services: ['legal', 'immigration'] });
  return { clientId: client.id, partnerId: partner.id };
}

describe('the service plan', () => {
  it('holds goals with steps, and services linked to a goal', async () => {
    const t = await setUpCore();
    const { clientId } = await clientWithPartner(t);
    const housing = await t.ok('plan.addGoal', {
      clientId,
      domain: 'housing',
      title: 'Move into a stable apartment',
      targetDate: '2026-06-30',
      steps: [{ text: 'Apply for transitional housing', dueDate: '2026-03-10' }, { text: 'Visit two apartments' }],
    });
    await t.ok('plan.addGoal', { clientId, domain: 'legal', title: 'Apply for a T visa' });
    await t.ok('services.add', { clientId, date: '2026-03-01', category: 'case_management', minutes: 60, goalId: housing.id });
    await t.ok('services.add', { clientId, date: '2026-03-02', category: 'transportation', amountCents: 2500 });
    await t.ok('services.add', { clientId, date: '2026-03-03', category: 'interpretation', minutes: 45 });
    const stepId = (await t.ok('plan.get', { id: clientId })).goals[0]!.steps[0]!.id;
    await t.ok('plan.setStepDone', { stepId, doneOn: '2026-03-05' });
    await t.ok('plan.setGoalStatus', { goalId: housing.id, status: 'achieved', on: '2026-04-01' });

    const plan = await t.ok('plan.get', { id: clientId });
    expect(plan.goals.map((g) => [g.domain, g.status, g.steps.length])).toEqual([
      ['housing', 'achieved', 2],
      ['legal', 'open', 0],
    ]);
    expect(plan.goals[0]!.steps[0]).toMatchObject({ doneOn: '2026-03-05' });
    expect(plan.services.map((s) => s.category)).toEqual(['interpretation', 'transportation', 'case_management']);
    expect(plan.services[2]).toMatchObject({ goalId: housing.id, minutes: 60 });
  });

  it("refuses a service linked to another person's goal", async () => {
    const t = await setUpCore();
    const { clientId } = await clientWithPartner(t);
    const other = await t.ok('clients.create', { chosenName: 'Other' });
    const goal = await t.ok('plan.addGoal', { clientId: other.id, domain: 'health', title: 'Dentist' });
    const result = await t.call('services.add', { clientId, date: '2026-03-01', category: 'dental', goalId: goal.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'goalId' }] } });
  });
});

describe('referrals', () => {
  it('need an active consent for that partner to share identity; without one they explain why, and can go anonymously', async () => {
    const t = await setUpCore();
    const { clientId, partnerId } = await clientWithPartner(t);
    const named = { clientId, partnerId, service: 'legal' as const, sentOn: '2026-03-01', sharesIdentity: true };
    const blocked = await t.call('referrals.send', named);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED', message: expect.stringContaining('Harbor Legal Aid') } });
    // Services never depend on consent: the same referral without identifying details goes.
    expect((await t.call('referrals.send', { ...named, sharesIdentity: false })).ok).toBe(true);

    await t.ok('consents.add', { clientId, kind: 'share_partner', recipient: 'harbor legal aid', purpose: 'Legal referral', dataCategories: ['identity', 'immigration'], startDate: '2026-03-01', expiryDate: '2026-09-01', language: 'en', signedHow: 'written' });
    const sent = await t.ok('referrals.send', named);
    await t.ok('referrals.setStatus', { referralId: sent.id, status: 'accepted', on: '2026-03-06' });
    const referral = (await t.ok('plan.get', { id: clientId })).referrals.find((r) => r.id === sent.id);
    expect(referral).toMatchObject({ status: 'accepted', daysToMatch: 5, sharesIdentity: true, consentId: expect.any(String) });
  });
});

describe('legal and immigration milestones', () => {
  it('record a T visa and start the 90-day clock of an interim assistance letter', async () => {
    const t = await setUpCore();
    const { clientId } = await clientWithPartner(t);
    const tVisa = await t.ok('milestones.add', { clientId, kind: 't_visa', status: 'requested', requestedOn: '2026-02-01' });
    await t.ok('milestones.update', { milestoneId: tVisa.id, status: 'granted', requestedOn: '2026-02-01', decidedOn: '2026-08-01', expiresOn: '2030-08-01' });
    await t.ok('milestones.add', { clientId, kind: 'interim_assistance', status: 'granted', decidedOn: '2026-03-01' });
    const { milestones } = await t.ok('plan.get', { id: clientId });
    expect(milestones.map((m) => [m.kind, m.status, m.dueOn])).toEqual([
      ['t_visa', 'granted', null],
      ['interim_assistance', 'granted', '2026-05-30'],
    ]);
  });
});

describe('case notes', () => {
  it('restricted notes are for the author and supervisors only; only the author edits, and the edit is recorded', async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Casey Notes');
    const supervisor = await addStaff(t, 'supervisor', 'Sam Supervisor');
    const workerId = (await t.ok('staff.list', {})).staff.find((s) => s.displayName === worker.name)!.id;
    const { clientId } = await clientWithPartner(t);
    await t.ok('clients.assign', { clientId, workerId });
    await t.ok('notes.add', { clientId, date: '2026-03-01', kind: 'session', body: 'Admin restricted note', restricted: true });
    await t.ok('notes.add', { clientId, date: '2026-03-02', kind: 'contact', body: 'Open note' });

    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    expect((await t.ok('notes.list', { id: clientId })).notes.map((n) => n.body)).toEqual(['Open note']);
    const mine = await t.ok('notes.add', { clientId, date: '2026-03-03', kind: 'crisis', body: 'Worker restricted', restricted: true });
    const adminNote = (await t.ok('notes.list', { id: clientId })).notes.find((n) => n.body === 'Open note')!;
    expect(await t.call('notes.edit', { noteId: adminNote.id, body: 'Changed by someone else' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.ok('notes.edit', { noteId: mine.id, body: 'Worker restricted, corrected' });

    await t.ok('session.lock', {});
    await t.ok('session.unlock', supervisor);
    const seen = (await t.ok('notes.list', { id: clientId })).notes;
    expect(seen.map((n) => n.body).sort()).toEqual(['Admin restricted note', 'Open note', 'Worker restricted, corrected']);
    expect(seen.find((n) => n.id === mine.id)?.editedAt).not.toBeNull();
    const history = (await t.ok('clients.history', { id: clientId })).entries.map((e) => `${e.section}.${e.field}`);
    expect(history).toContain('notes.edited');
  });
});

describe('the safety plan', () => {
  it('keeps every version and refuses to overwrite a newer one', async () => {
    const t = await setUpCore();
    const { clientId } = await clientWithPartner(t);
    await t.ok('safetyPlan.save', { clientId, baseVersion: 0, plan: { warningSigns: ['Car parked outside'], codeWords: ['blue umbrella'], print: { warningSigns: true } } });
    await t.ok('safetyPlan.save', { clientId, baseVersion: 1, plan: { warningSigns: ['Car parked outside', 'Calls from unknown numbers'], print: { warningSigns: true } } });
    expect(await t.call('safetyPlan.save', { clientId, baseVersion: 1, plan: {} })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const plan = await t.ok('safetyPlan.get', { id: clientId });
    expect(plan.current).toMatchObject({ version: 2, plan: { warningSigns: ['Car parked outside', 'Calls from unknown numbers'], codeWords: [], print: { warningSigns: true, codeWords: false } } });
    expect(plan.versions.map((v) => v.version)).toEqual([2, 1]);
  });
});

describe('closing and reopening', () => {
  it('records the exit, and reopening keeps the whole history', async () => {
    const t = await setUpCore();
    const { clientId } = await clientWithPartner(t);
    await t.ok('services.add', { clientId, date: '2026-03-01', category: 'case_management' });
    await t.ok('clients.close', { clientId, closedOn: '2026-06-01', reason: 'goals_met', destination: 'own_housing' });
    expect((await t.ok('clients.get', { id: clientId })).status).toBe('closed');
    expect(await t.call('clients.close', { clientId, closedOn: '2026-06-02', reason: 'other', destination: 'unknown' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('clients.reopen', { clientId, reopenedOn: '2026-05-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await t.ok('clients.reopen', { clientId, reopenedOn: '2026-07-01' });
    expect((await t.ok('clients.get', { id: clientId })).status).toBe('active');
    expect((await t.ok('plan.get', { id: clientId })).services).toHaveLength(1);
    const history = (await t.ok('clients.history', { id: clientId })).entries.map((e) => e.field);
    expect(history).toEqual(expect.arrayContaining(['closed', 'reopened', 'created']));
  });
});

describe("what's due", () => {
  it('lists overdue and upcoming steps, milestone clocks, expiring consents and unanswered referrals for my cases', async () => {
    const t = await setUpCore();
    const { clientId, partnerId } = await clientWithPartner(t);
    // Today is 2026-03-01 on the test clock.
    await t.ok('plan.addGoal', { clientId, domain: 'housing', title: 'Housing', steps: [{ text: 'Overdue step', dueDate: '2026-02-20' }, { text: 'Soon step', dueDate: '2026-03-10' }, { text: 'Far step', dueDate: '2026-05-01' }] });
    await t.ok('milestones.add', { clientId, kind: 'interim_assistance', status: 'granted', decidedOn: '2025-12-25' });
    await t.ok('consents.add', { clientId, kind: 'services', purpose: 'Services', dataCategories: ['identity'], startDate: '2026-01-01', expiryDate: '2026-03-20', language: 'en', signedHow: 'written' });
    await t.ok('referrals.send', { clientId, partnerId, service: 'legal', sentOn: '2026-02-01', sharesIdentity: false });
    await t.ok('referrals.send', { clientId, partnerId, service: 'immigration', sentOn: '2026-02-25', sharesIdentity: false });
    const someoneElses = await addStaff(t, 'caseworker', 'Other Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', someoneElses);
    expect((await t.ok('due.list', {})).items).toEqual([]);
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });

    const { items } = await t.ok('due.list', {});
    expect(items.map((i) => [i.kind, i.date, i.overdue, i.label])).toEqual([
      ['referral', '2026-02-01', true, 'legal'],
      ['goal_step', '2026-02-20', true, 'Overdue step'],
      ['goal_step', '2026-03-10', false, 'Soon step'],
      ['consent', '2026-03-20', false, 'services'],
      ['milestone', '2026-03-25', false, 'interim_assistance'],
    ]);
  });

  it('gives the same items read from the cases or from the dates, for a small and a large caseload', async () => {
    const t = await setUpCore();
    const db = t.control.current!.db;
    const me = ((await t.ok('app.status', {})) as { user: { id: string } }).user.id;
    await addStaff(t, 'caseworker', 'Other Worker');
    const other = db.prepare<[], { id: string }>("SELECT id FROM users WHERE display_name = 'Other Worker'").get()!.id;
    // Most cases are mine; a few are someone else's, so both readings must also leave theirs out.
    seedClients(db, { count: 300, seed: 21, today: new Date('2026-02-15T12:00:00Z'), workerIds: [me, me, me, other] });
    const now = new Date('2026-03-01T12:00:00Z');
    for (const person of [me, other]) {
      const byCase = dueItems(db, person, now, 'by-case');
      expect(new Set(byCase.map((i) => i.kind)).size).toBeGreaterThanOrEqual(3);
      expect(dueItems(db, person, now, 'by-date')).toEqual(byCase);
    }
    expect(dueItems(db, me, now).length).toBeGreaterThan(dueItems(db, other, now).length);
  });
});
