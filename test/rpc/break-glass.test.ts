// Break-the-glass reasons are readable (issue 11, finding 10): supervisors and administrators get a
// list of who opened which case that was not theirs, when, and why, filtered by person, case and
// dates; caseworkers and auditors do not (the role matrix checks every role).
import { describe, expect, it } from 'vitest';
import { ADMIN, PASSPHRASE, addStaff, setUpCore } from '../helpers/core';

describe('audit.breakGlass', () => {
  it('lists each opening with who, which case, when and the reason, newest first, with filters', async () => {
    const t = await setUpCore();
    const first = await t.ok('clients.create', { chosenName: 'Held By The Admin' });
    const second = await t.ok('clients.create', { chosenName: 'Also Held' });
    const casey = await addStaff(t, 'caseworker', 'Casey Worker');
    const robin = await addStaff(t, 'caseworker', 'Robin Worker');
    const supervisor = await addStaff(t, 'supervisor', 'Sam Supervisor');
    await t.ok('session.lock', {});

    await t.ok('session.unlock', casey);
    await t.ok('clients.get', { id: first.id, breakGlassReason: 'Client called the hotline while her worker is away.' });
    await t.ok('session.lock', {});
    t.clock.advance(2 * 86_400_000);
    await t.ok('session.unlock', robin);
    await t.ok('clients.get', { id: second.id, breakGlassReason: 'Court date tomorrow; the file is needed for the advocate.' });
    await t.ok('session.lock', {});

    await t.ok('session.unlock', supervisor);
    const all = await t.ok('audit.breakGlass', {});
    expect(all.total).toBe(2);
    expect(all.entries).toMatchObject([
      { actor: 'Robin Worker', clientId: second.id, caseNumber: second.caseNumber, reason: 'Court date tomorrow; the file is needed for the advocate.', at: '2026-03-03T09:00:00.000Z' },
      { actor: 'Casey Worker', clientId: first.id, caseNumber: first.caseNumber, reason: 'Client called the hotline while her worker is away.', at: '2026-03-01T09:00:00.000Z' },
    ]);
    const caseyId = all.entries[1]!.actorId;
    expect((await t.ok('audit.breakGlass', { actorId: caseyId })).entries.map((e) => e.clientId)).toEqual([first.id]);
    expect((await t.ok('audit.breakGlass', { clientId: second.id })).entries.map((e) => e.actor)).toEqual(['Robin Worker']);
    expect((await t.ok('audit.breakGlass', { from: '2026-03-02' })).entries.map((e) => e.actor)).toEqual(['Robin Worker']);
    expect((await t.ok('audit.breakGlass', { to: '2026-03-01' })).entries.map((e) => e.actor)).toEqual(['Casey Worker']);
    expect(await t.ok('audit.breakGlass', { offset: 1, limit: 1 })).toMatchObject({ total: 2, entries: [{ actor: 'Casey Worker' }] });

    // Reading the reasons is itself in the access log.
    const reads = t.control.current!.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'audit.breakGlass'").pluck().get();
    expect(reads).toBe(5);
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect((await t.ok('audit.breakGlass', {})).total).toBe(2);
  });

  it('is refused to caseworkers and auditors, and refuses unknown filters', async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Casey Worker');
    const auditor = await addStaff(t, 'auditor', 'Ari Auditor');
    expect(await t.call('audit.breakGlass', { reason: 'x' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const who of [worker, auditor]) {
      await t.ok('session.lock', {});
      await t.ok('session.unlock', who);
      expect(await t.call('audit.breakGlass', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
