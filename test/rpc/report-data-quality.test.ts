// Data quality before submitting: per reported element, how many of the people a preset counts have
// an answer, a reason code or nothing; the cases to fix for staff who may open every case, never for
// auditors.
import { describe, expect, it } from 'vitest';
import { addStaff, ADMIN, PASSPHRASE, setUpCore } from '../helpers/core';

describe('reports.dataQuality', () => {
  it('counts answers, reasons and gaps for the people served, and lists the cases to fix for an administrator only', async () => {
    const t = await setUpCore();
    const make = async (name: string, identity: Record<string, unknown>, other: Record<string, Record<string, unknown>> = {}) => {
      const { id } = await t.ok('clients.create', { chosenName: name });
      await t.ok('intake.saveSection', { clientId: id, section: 'referral', baseVersion: 1, data: { intakeDate: '2025-03-01', ...(other.referral ?? {}) } });
      await t.ok('intake.saveSection', { clientId: id, section: 'identity', baseVersion: 1, data: { preferredName: name, ...identity } });
      for (const [section, data] of Object.entries(other)) if (section !== 'referral') await t.ok('intake.saveSection', { clientId: id, section: section as 'trafficking', baseVersion: 0, data });
      return id;
    };
    // A: everything answered. B: gender and birth date declined (reasons), the rest empty. C: nothing but the intake date.
    await make('Synthetic Quality A', { dateOfBirth: '1990-01-01', genderIdentity: 'woman' }, { referral: { referralSource: 'hotline' }, trafficking: { type: 'sex' }, citizenship: { category: 'lpr' } });
    const b = await make('Synthetic Quality B', { dateOfBirth: 'prefers_not', genderIdentity: 'prefers_not' });
    const c = await make('Synthetic Quality C', {});
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const result = await t.ok('reports.dataQuality', period);
    expect(result.people).toBe(3);
    const row = (element: string) => result.elements.find((e) => e.element === element);
    expect(row('intake_date')).toEqual({ element: 'intake_date', answered: 3, reason: 0, missing: 0 });
    expect(row('gender_identity')).toEqual({ element: 'gender_identity', answered: 1, reason: 1, missing: 1 });
    expect(row('date_of_birth')).toEqual({ element: 'date_of_birth', answered: 1, reason: 1, missing: 1 });
    expect(row('trafficking_type')).toEqual({ element: 'trafficking_type', answered: 1, reason: 0, missing: 2 });
    const caseNumber = (id: string) => t.control.current!.db.prepare('SELECT case_number FROM clients WHERE id = ?').pluck().get(id) as string;
    expect(result.casesToFixCount).toBe(2);
    expect(result.casesToFix!.map((x) => x.caseNumber)).toEqual([caseNumber(b), caseNumber(c)].sort());
    expect(result.casesToFix!.find((x) => x.clientId === b)!.missing).toEqual(['trafficking_type', 'citizenship_category', 'referral_source']);
    expect(JSON.stringify(result)).not.toContain('Synthetic');
    // OVC counts victims served (a service in the period): nobody here received one.
    expect((await t.ok('reports.dataQuality', { ...period, preset: 'ovc' })).people).toBe(0);

    // An auditor sees the counts, never the cases.
    const auditor = await addStaff(t, 'auditor', 'Synthetic Auditor');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', auditor);
    const seen = await t.ok('reports.dataQuality', period);
    expect(seen.elements).toEqual(result.elements);
    expect(seen.casesToFix).toBeNull();
    expect(seen.casesToFixCount).toBe(2);
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
  });
});
