// Handover (issue 16 §3): cases handed to a colleague in bulk and when a person leaves, each change in
// a dated history; a secondary worker may open the case; the new worker sees a handover summary until
// they dismiss it; tasks and notices of others' changes reach the assigned worker.
import { describe, expect, it } from 'vitest';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, type TestCore } from '../helpers/core';

async function idOf(t: TestCore, name: string): Promise<string> {
  return (await t.ok('staff.list', {})).staff.find((s) => s.displayName === name)!.id;
}

async function signIn(t: TestCore, who: { name: string; passphrase: string }) {
  await t.ok('session.lock', {});
  await t.ok('session.unlock', who);
}

async function team() {
  const t = await setUpCore();
  const leaving = await addStaff(t, 'caseworker', 'Lee Leaving');
  const taking = await addStaff(t, 'caseworker', 'Tay Taking');
  const other = await addStaff(t, 'caseworker', 'Oli Other');
  const ids = { leaving: await idOf(t, leaving.name), taking: await idOf(t, taking.name), other: await idOf(t, other.name), admin: await idOf(t, ADMIN) };
  return { t, leaving, taking, other, ids };
}

describe('handover', () => {
  it('bulk reassignment moves the chosen cases and records from whom, to whom, when and by whom', async () => {
    const { t, taking, ids } = await team();
    const a = await t.ok('clients.create', { chosenName: 'Case A' });
    const b = await t.ok('clients.create', { chosenName: 'Case B' });
    await t.ok('clients.assign', { clientId: a.id, workerId: ids.leaving });
    expect(await t.ok('clients.reassign', { clientIds: [a.id, b.id], workerId: ids.taking })).toEqual({ moved: 2 });
    const history = await t.ok('handover.history', { id: a.id });
    expect(history.entries.slice(0, 2)).toMatchObject([
      { position: 'primary', fromName: 'Lee Leaving', toName: 'Tay Taking', byName: ADMIN },
      { position: 'primary', fromName: ADMIN, toName: 'Lee Leaving', byName: ADMIN },
    ]);
    expect(history.entries[0]!.at).toBe(t.clock.now().toISOString());
    // A worker who is not active, or an auditor, cannot be chosen.
    const auditor = await addStaff(t, 'auditor', 'Aud Itor');
    expect(await t.call('clients.reassign', { clientIds: [a.id], workerId: await idOf(t, auditor.name) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The new worker opens the case and sees the handover first, until they dismiss it.
    await t.ok('plan.addGoal', { clientId: a.id, domain: 'housing', title: 'Stable housing', targetDate: '2026-03-20' });
    await signIn(t, taking);
    const summary = await t.ok('handover.summary', { id: a.id });
    expect(summary.pending).toMatchObject({ fromName: 'Lee Leaving', byName: ADMIN, position: 'primary' });
    expect(summary.openGoals.map((g) => g.title)).toEqual(['Stable housing']);
    expect(summary.deadlines).toMatchObject([{ kind: 'goal_target', label: 'Stable housing', date: '2026-03-20', overdue: false }]);
    await t.ok('handover.dismiss', { id: a.id });
    expect((await t.ok('handover.summary', { id: a.id })).pending).toBeNull();
  });

  it('a secondary worker may open the case; others may not', async () => {
    const { t, other, taking, ids } = await team();
    const a = await t.ok('clients.create', { chosenName: 'Shared Case' });
    await t.ok('clients.setSecondary', { clientId: a.id, workerId: ids.taking });
    await signIn(t, taking);
    expect((await t.ok('clients.get', { id: a.id, breakGlassReason: null })).chosenName).toBe('Shared Case');
    await signIn(t, other);
    expect(await t.call('clients.get', { id: a.id, breakGlassReason: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A caseworker cannot reassign.
    expect(await t.call('clients.reassign', { clientIds: [a.id], workerId: ids.other })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('deactivating a person requires a choice for each of their cases and hands them over in the same step', async () => {
    const { t, ids } = await team();
    const a = await t.ok('clients.create', { chosenName: 'Case One' });
    const b = await t.ok('clients.create', { chosenName: 'Case Two' });
    const c = await t.ok('clients.create', { chosenName: 'Case Three' });
    await t.ok('clients.reassign', { clientIds: [a.id, b.id], workerId: ids.leaving });
    await t.ok('clients.setSecondary', { clientId: c.id, workerId: ids.leaving });
    // No choice, or a choice that leaves one out: refused, nothing changes, the person stays active.
    expect(await t.call('staff.deactivate', { userId: ids.leaving })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('staff.deactivate', { userId: ids.leaving, handover: { each: [{ clientId: a.id, workerId: ids.taking }] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect((await t.ok('staff.list', {})).staff.find((s) => s.id === ids.leaving)!.active).toBe(true);
    // One case to each of two colleagues.
    await t.ok('staff.deactivate', { userId: ids.leaving, handover: { each: [{ clientId: a.id, workerId: ids.taking }, { clientId: b.id, workerId: ids.other }] } });
    expect((await t.ok('clients.get', { id: a.id, breakGlassReason: null })).assignedWorker?.displayName).toBe('Tay Taking');
    expect((await t.ok('clients.get', { id: b.id, breakGlassReason: null })).assignedWorker?.displayName).toBe('Oli Other');
    expect((await t.ok('handover.history', { id: b.id })).entries[0]).toMatchObject({ fromName: 'Lee Leaving', toName: 'Oli Other', byName: ADMIN });
    // The secondary place is cleared, and recorded.
    expect((await t.ok('handover.history', { id: c.id })).entries[0]).toMatchObject({ position: 'secondary', fromName: 'Lee Leaving', toName: null });
    expect((await t.ok('staff.list', {})).staff.find((s) => s.id === ids.leaving)!.active).toBe(false);
  });

  it('one person can take all of a leaver\'s cases', async () => {
    const { t, ids } = await team();
    const a = await t.ok('clients.create', { chosenName: 'Case One' });
    await t.ok('clients.reassign', { clientIds: [a.id], workerId: ids.leaving });
    await t.ok('staff.deactivate', { userId: ids.leaving, handover: { everyoneTo: ids.taking } });
    expect((await t.ok('clients.get', { id: a.id, breakGlassReason: null })).assignedWorker?.displayName).toBe('Tay Taking');
  });
});

describe('tasks and notices', () => {
  it('a task reaches its assignee with its due date, and is done once', async () => {
    const { t, taking, ids } = await team();
    const a = await t.ok('clients.create', { chosenName: 'Task Case' });
    // Only someone who works on the case may be given a task about it.
    expect(await t.call('tasks.add', { assigneeId: ids.taking, title: 'Call the lawyer', dueOn: '2026-02-27', clientId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await t.ok('clients.setSecondary', { clientId: a.id, workerId: ids.taking });
    const task = await t.ok('tasks.add', { assigneeId: ids.taking, title: 'Call the lawyer', dueOn: '2026-02-27', clientId: a.id });
    await signIn(t, taking);
    const { tasks } = await t.ok('tasks.mine', {});
    expect(tasks).toMatchObject([{ id: task.id, title: 'Call the lawyer', overdue: true, createdBy: ADMIN, case: { clientId: a.id } }]);
    await t.ok('tasks.done', { taskId: task.id, doneOn: '2026-03-01' });
    expect((await t.ok('tasks.mine', {})).tasks).toEqual([]);
  });

  it('the assigned worker is told when someone else changes their case, not when they do', async () => {
    const { t, taking, ids } = await team();
    const a = await t.ok('clients.create', { chosenName: 'Watched Case' });
    await t.ok('clients.reassign', { clientIds: [a.id], workerId: ids.taking });
    await signIn(t, taking);
    await t.ok('handover.dismiss', { id: a.id });
    await t.ok('notices.seen', { clientId: a.id });
    await t.ok('plan.addGoal', { clientId: a.id, domain: 'legal', title: 'My own change' });
    expect((await t.ok('notices.changes', {})).notices).toEqual([]);
    await signIn(t, { name: ADMIN, passphrase: PASSPHRASE });
    await t.ok('plan.addGoal', { clientId: a.id, domain: 'housing', title: 'Supervisor change' });
    await t.ok('services.add', { clientId: a.id, date: '2026-03-01', category: 'case_management' });
    await signIn(t, taking);
    expect((await t.ok('notices.changes', {})).notices).toMatchObject([{ clientId: a.id, lastBy: ADMIN, changes: 2 }]);
    await t.ok('notices.seen', { clientId: a.id });
    expect((await t.ok('notices.changes', {})).notices).toEqual([]);
  });
});
