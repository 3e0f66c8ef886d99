import { describe, expect, it } from 'vitest';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, type TestCore } from '../helpers/core';

async function firstContact(t: TestCore, chosenName: string, extra: Record<string, unknown> = {}) {
  return t.ok('clients.create', { chosenName, ...extra });
}

describe('first contact', () => {
  it('creates a case with a case number, and the first answers become intake sections', async () => {
    const t = await setUpCore();
    const created = await firstContact(t, 'Luz', {
      pronouns: 'she/her',
      contact: { kind: 'phone', value: '555-0100', safeToCall: 'no', safeToText: 'yes' },
      urgentSafety: true,
      immediateNeeds: ['shelter', 'food'],
    });
    expect(created.caseNumber).toMatch(/^SH-2026-0001$/u);
    expect((await firstContact(t, 'Ana')).caseNumber).toBe('SH-2026-0002');

    const profile = await t.ok('clients.get', { id: created.id });
    expect(profile).toMatchObject({
      caseNumber: 'SH-2026-0001',
      chosenName: 'Luz',
      pronouns: 'she/her',
      status: 'active',
      assignedWorker: { displayName: 'Avery Test-Admin' },
      header: {
        urgentSafety: true,
        consentStatus: 'none',
        contactSafety: [{ kind: 'phone', safeToCall: 'no', safeToText: 'yes', safeVoicemail: 'unknown', safeMail: 'unknown' }],
      },
    });
    expect(profile.sections.needs?.data).toMatchObject({ immediateNeeds: ['shelter', 'food'], urgentSafety: true });
    expect(profile.sections.referral?.data.intakeDate).toBe('2026-03-01');
    expect(profile.sections.trafficking).toBeNull();
    expect(profile.progress.trafficking).toEqual({ answered: 0, total: 8 });
  });

  it('keeps nothing when the input is bad, and says which field', async () => {
    const t = await setUpCore();
    const result = await t.call('clients.create', { chosenName: '   ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'chosenName' }] } });
    expect((await t.ok('clients.list', { assigned: 'any' })).total).toBe(0);
  });
});

describe('gradual intake', () => {
  it('saves sections in any order over several visits, with "prefers not to answer" as an answer', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'Mai');
    const trafficking = await t.ok('intake.saveSection', {
      clientId: id,
      section: 'trafficking',
      baseVersion: 0,
      data: { status: 'possible', type: 'labor', controlMethods: ['debt', 'withheld_documents'], ageFirstTrafficked: 'prefers_not' },
    });
    expect(trafficking).toEqual({ version: 1, progress: { answered: 4, total: 8 } });

    const profile = await t.ok('clients.get', { id });
    const identity = await t.ok('intake.saveSection', {
      clientId: id,
      section: 'identity',
      baseVersion: profile.sections.identity!.version,
      data: { preferredName: 'Mai', legalName: 'Nguyễn Thị Mai', aliases: ['Maï Lan'], genderIdentity: 'prefers_not', dateOfBirth: '2001-05-04' },
    });
    expect(identity.version).toBe(2);
    const after = await t.ok('clients.get', { id });
    expect(after.sections.identity?.data).toMatchObject({ genderIdentity: 'prefers_not', lgbtq: null });
    expect(after.sections.trafficking?.data.ageFirstTrafficked).toBe('prefers_not');
    expect(after.header.minorAtIntake).toBe(false);
  });

  it('refuses a save based on an old version instead of overwriting someone else', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'Sol');
    await t.ok('intake.saveSection', { clientId: id, section: 'language', baseVersion: 0, data: { primary: 'es' } });
    const stale = await t.call('intake.saveSection', { clientId: id, section: 'language', baseVersion: 0, data: { primary: 'en' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.ok('clients.get', { id })).sections.language?.data.primary).toBe('es');
  });

  it('records who changed which field and when, without the values', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'Rosa');
    t.clock.advance(60_000);
    await t.ok('intake.saveSection', { clientId: id, section: 'citizenship', baseVersion: 0, data: { category: 'foreign_national', countryOfOrigin: 'Guatemala' } });
    const { entries } = await t.ok('clients.history', { id });
    expect(entries.map((e) => `${e.section}.${e.field}`)).toEqual(['citizenship.category', 'citizenship.countryOfOrigin', 'case.created']);
    expect(entries[0]).toMatchObject({ by: 'Avery Test-Admin', at: '2026-03-01T09:01:00.000Z' });
    expect(JSON.stringify(entries)).not.toContain('Guatemala');
  });

  it('rejects a section with an unknown code, keeping the stored one', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'Ira');
    const bad = await t.core.dispatch('intake.saveSection', { clientId: id, section: 'citizenship', baseVersion: 0, data: { category: 'martian' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'data.category' }] } });
    expect((await t.ok('clients.get', { id })).sections.citizenship).toBeNull();
  });
});

describe('the caseload', () => {
  it('finds a client by part of an alias, whatever the accents and case', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'Mai');
    await firstContact(t, 'Jonah');
    await t.ok('intake.saveSection', {
      clientId: id,
      section: 'identity',
      baseVersion: 1,
      data: { preferredName: 'Mai', aliases: ['Hồng Nhung', 'Françoise'] },
    });
    for (const query of ['nhung', 'HONG', 'francois', 'FRANÇ', 'hong nhu', 'SH-2026-0001']) {
      const { rows } = await t.ok('clients.list', { query, assigned: 'any' });
      expect(rows.map((r) => r.chosenName), query).toEqual(['Mai']);
    }
    expect((await t.ok('clients.list', { query: 'zzz', assigned: 'any' })).total).toBe(0);
    expect((await t.ok('clients.list', { query: 'jo', assigned: 'any' })).rows.map((r) => r.chosenName)).toEqual(['Jonah']);
  });

  it('filters by status, risk and urgency, newest change first, in pages', async () => {
    const t = await setUpCore();
    for (let i = 0; i < 5; i += 1) {
      t.clock.advance(1000);
      await firstContact(t, `Person ${i}`, { urgentSafety: i === 2 });
    }
    const { id } = (await t.ok('clients.list', { assigned: 'any', query: 'person 3' })).rows[0]!;
    t.clock.advance(1000);
    await t.ok('intake.saveSection', { clientId: id, section: 'needs', baseVersion: 1, data: { riskLevel: 'high', urgentSafety: false } });
    expect((await t.ok('clients.list', { risk: 'high', assigned: 'any' })).rows.map((r) => r.chosenName)).toEqual(['Person 3']);
    expect((await t.ok('clients.list', { risk: 'urgent', assigned: 'any' })).rows.map((r) => r.chosenName)).toEqual(['Person 2']);
    const page = await t.ok('clients.list', { assigned: 'any', offset: 1, limit: 2 });
    // Person 3 changed last, so it leads; the second page of two starts after it.
    expect(page).toMatchObject({ total: 5, rows: [{ chosenName: 'Person 4' }, { chosenName: 'Person 2' }] });
  });

  it('shows caseworkers only their own cases and refuses to open another worker\'s', async () => {
    const t = await setUpCore();
    const adminCase = await firstContact(t, 'Visible To Supervisors');
    const worker = await addStaff(t, 'caseworker', 'Casey Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    const own = await firstContact(t, 'Casey Client');
    const list = await t.ok('clients.list', { assigned: 'any' });
    expect(list.rows.map((r) => r.id)).toEqual([own.id]);
    expect(await t.call('clients.get', { id: adminCase.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('intake.saveSection', { clientId: adminCase.id, section: 'language', baseVersion: 0, data: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const denied = t.control.current!.db.prepare("SELECT action, target_id FROM audit_log WHERE outcome = 'denied'").all();
    expect(denied).toEqual([
      { action: 'clients.get', target_id: adminCase.id },
      { action: 'intake.saveSection', target_id: adminCase.id },
    ]);
  });

  it('warns of a possible duplicate by a similar name or alias and the same birth date', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'María José Pérez', { dateOfBirth: '1999-02-03' });
    await firstContact(t, 'Someone Else', { dateOfBirth: '1999-02-03' });
    const byName = await t.ok('clients.findDuplicates', { names: ['maria jose perez'] });
    expect(byName.matches).toEqual([{ access: 'open', clientId: id, caseNumber: 'SH-2026-0001', chosenName: 'María José Pérez', matchedOn: ['name'] }]);
    const typoAndDate = await t.ok('clients.findDuplicates', { names: ['Marìa Jose Peres'], dateOfBirth: '1999-02-03' });
    expect(typoAndDate.matches[0]).toMatchObject({ clientId: id, matchedOn: ['birth_date', 'name'] });
    expect((await t.ok('clients.findDuplicates', { names: ['Completely Different'] })).matches).toEqual([]);
  });
});

describe('consents', () => {
  it('are active, then flagged within 30 days of expiry, then expired; revoked ones show as revoked', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'Noor');
    const base = { clientId: id, purpose: 'Housing referral', dataCategories: ['identity' as const, 'contact' as const], language: 'ar' as const, signedHow: 'written' as const };
    await t.ok('consents.add', { ...base, kind: 'share_partner', recipient: 'Partner Housing (synthetic)', startDate: '2026-03-01', expiryDate: '2026-05-15' });
    expect((await t.ok('clients.get', { id })).consents[0]).toMatchObject({ status: 'active', daysToExpiry: 75 });

    // Weeks pass; Safehold locks itself meanwhile, and the caseworker signs in again.
    t.clock.advance(50 * 86_400_000);
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const soon = await t.ok('clients.get', { id });
    expect(soon.consents[0]).toMatchObject({ status: 'expiring', daysToExpiry: 25 });
    expect(soon.header.consentStatus).toBe('expiring');

    t.clock.advance(30 * 86_400_000);
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect((await t.ok('clients.get', { id })).header.consentStatus).toBe('expired');

    const services = await t.ok('consents.add', { ...base, kind: 'services', startDate: '2026-05-20', expiryDate: null });
    await t.ok('consents.revoke', { consentId: services.id, revokedOn: '2026-05-20', reason: null });
    const revoked = (await t.ok('clients.get', { id })).consents.find((c) => c.id === services.id);
    expect(revoked).toMatchObject({ status: 'revoked', revokedOn: '2026-05-20' });
  });

  it('needs a named partner to share with, and an expiry after the start', async () => {
    const t = await setUpCore();
    const { id } = await firstContact(t, 'Eli');
    const base = { clientId: id, purpose: 'Referral', dataCategories: ['identity' as const], language: 'en' as const, signedHow: 'verbal' as const };
    expect(await t.call('consents.add', { ...base, kind: 'share_partner', startDate: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'recipient' }] },
    });
    expect(await t.call('consents.add', { ...base, kind: 'services', startDate: '2026-03-01', expiryDate: '2026-02-01' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'expiryDate' }] },
    });
  });
});
