// A caseworker suggests a partner for the directory; it is not offered for referrals until a
// supervisor approves it; a declined suggestion is gone; the access log holds each step by id.
import { describe, expect, it } from 'vitest';
import { ADMIN, PASSPHRASE, addStaff, setUpCore } from '../helpers/core';

describe('partner suggestions', () => {
  it('a caseworker suggests, a supervisor approves or declines, and the log records each step', async () => {
    const t = await setUpCore();
    const supervisor = await addStaff(t, 'supervisor', 'Sam Supervisor');
    const caseworker = await addStaff(t, 'caseworker', 'Casey Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: caseworker.name, passphrase: caseworker.passphrase });

    // A caseworker may not add to the directory directly, but may suggest.
    expect(await t.call('partners.add', { name: 'Bridge Clinic', services: ['medical'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const clinic = await t.ok('partners.suggest', { name: 'Bridge Clinic', services: ['medical'], contact: 'Front desk' });
    const shelter = await t.ok('partners.suggest', { name: 'Night Harbor Shelter', services: ['housing'] });
    expect(await t.call('partners.suggest', { name: 'bridge clinic', services: ['legal'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('partners.review', { id: clinic.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Waiting suggestions are listed with who suggested them, and are not in the directory yet.
    expect((await t.ok('partners.suggestions', {})).suggestions.map((s) => [s.name, s.suggestedBy])).toEqual([
      ['Bridge Clinic', caseworker.name],
      ['Night Harbor Shelter', caseworker.name],
    ]);
    expect((await t.ok('partners.list', {})).partners).toEqual([]);
    const own = await t.ok('clients.create', { chosenName: 'Ana' });
    expect(await t.call('referrals.send', { clientId: own.id, partnerId: clinic.id, service: 'medical', sentOn: '2026-03-01', sharesIdentity: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });

    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: supervisor.name, passphrase: supervisor.passphrase });
    await t.ok('partners.review', { id: clinic.id, decision: 'approve' });
    await t.ok('partners.review', { id: shelter.id, decision: 'decline' });
    expect(await t.call('partners.review', { id: shelter.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.ok('partners.suggestions', {})).suggestions).toEqual([]);
    expect((await t.ok('partners.list', {})).partners.map((p) => p.name)).toEqual(['Bridge Clinic']);

    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const log = (await t.ok('audit.list', { action: 'partners.' })).entries.map((e) => [e.action, e.targetId, e.outcome]);
    expect(log).toEqual(
      expect.arrayContaining([
        ['partners.suggest', clinic.id, 'ok'],
        ['partners.suggest', shelter.id, 'ok'],
        ['partners.review', clinic.id, 'ok'],
        ['partners.review', shelter.id, 'ok'],
        ['partners.review', null, 'denied'],
      ]),
    );
  });
});
