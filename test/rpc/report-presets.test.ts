// The counting-rule presets, each against a small store built through the dispatcher whose every
// figure is worked out by hand below (a comment for each). "Safehold standard" has its own fixture in
// reports.test.ts ("match the hand-computed fixture, rule by rule").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeOtip, computeOvc, fiscalPeriodKind, fiscalYearOf } from '../../main/reports/preset-figures';
import type { Breakdown } from '../../main/reports/figures';
import { setUpCore, type TestCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';
import { PRESET_RULES, presetWords } from '../../main/reports/preset-words';
import { reportTextKey } from '../../renderer/src/i18n/reportText';
import { en as enCatalog } from '../../renderer/src/i18n/en';
import { es as esCatalog } from '../../renderer/src/i18n/es';

const asMap = (b: Breakdown) => Object.fromEntries(b.map((x) => [x.key, x.count]));

async function person(t: TestCore, name: string, referral: Record<string, unknown>, identity: Record<string, unknown> = {}, other: Record<string, Record<string, unknown>> = {}) {
  const { id } = await t.ok('clients.create', { chosenName: name });
  await t.ok('intake.saveSection', { clientId: id, section: 'referral', baseVersion: 1, data: referral });
  await t.ok('intake.saveSection', { clientId: id, section: 'identity', baseVersion: 1, data: { preferredName: name, ...identity } });
  for (const [section, data] of Object.entries(other)) await t.ok('intake.saveSection', { clientId: id, section: section as 'trafficking', baseVersion: 0, data });
  return id;
}

describe('federal fiscal periods', () => {
  it('know the fiscal year and its quarters', () => {
    expect(fiscalYearOf('2024-10-01')).toBe(2025);
    expect(fiscalYearOf('2025-09-30')).toBe(2025);
    expect(fiscalPeriodKind('2025-01-01', '2025-03-31')).toBe('quarter');
    expect(fiscalPeriodKind('2024-10-01', '2024-12-31')).toBe('quarter');
    expect(fiscalPeriodKind('2024-10-01', '2025-09-30')).toBe('year');
    expect(fiscalPeriodKind('2025-01-01', '2025-12-31')).toBeNull();
  });
});

describe('preset "HHS OTIP (TVAP, DVHT)"', () => {
  async function store(t: TestCore) {
    // P1: intake 15 Jan 2025 (an entry in FY2025 Q2), born 1 Feb 2010 (14: a minor), woman, sex
    // trafficking, U.S. citizen, from the hotline, one child served; two case management services.
    const p1 = await person(t, 'Synthetic Otip One', { intakeDate: '2025-01-15', referralSource: 'hotline' }, { dateOfBirth: '2010-02-01', genderIdentity: 'woman' }, {
      trafficking: { type: 'sex' },
      citizenship: { category: 'us_citizen' },
      family: { members: [{ relationship: 'child', servedByAgency: true }] },
    });
    await t.ok('services.add', { clientId: p1, date: '2025-02-01', category: 'case_management' });
    await t.ok('services.add', { clientId: p1, date: '2025-03-01', category: 'case_management' });
    // P2: intake 1 Nov 2024 (Q1), closed 15 Dec 2024, reopened 10 Feb 2025 (a new entry in Q2, aged
    // 35), closed again 20 Mar 2025 (a Q2 closure: goals met, own housing); man, labor, foreign national.
    const p2 = await person(t, 'Synthetic Otip Two', { intakeDate: '2024-11-01', referralSource: 'law_enforcement' }, { dateOfBirth: '1990-01-01', genderIdentity: 'man' }, {
      trafficking: { type: 'labor' },
      citizenship: { category: 'foreign_national' },
    });
    await t.ok('clients.close', { clientId: p2, closedOn: '2024-12-15', reason: 'moved', destination: 'unknown' });
    await t.ok('clients.reopen', { clientId: p2, reopenedOn: '2025-02-10' });
    await t.ok('services.add', { clientId: p2, date: '2025-02-12', category: 'legal' });
    await t.ok('clients.close', { clientId: p2, closedOn: '2025-03-20', reason: 'goals_met', destination: 'own_housing' });
    // P3: intake on the quarter's last day, estimated age 30, nothing else recorded; a housing
    // service in Q3 only. P4: intake 1 Apr 2025 (Q3).
    const p3 = await person(t, 'Synthetic Otip Three', { intakeDate: '2025-03-31' }, { estimatedAge: 30 });
    await t.ok('services.add', { clientId: p3, date: '2025-04-02', category: 'housing' });
    await person(t, 'Synthetic Otip Four', { intakeDate: '2025-04-01' });
    return { p3 };
  }

  it('counts program entries (a reopening is a new entry), closures and service use for a quarter, and the categories of assistance for the year', async () => {
    const t = await setUpCore();
    const { p3 } = await store(t);
    const db = t.control.current!.db;
    const q2 = { from: '2025-01-01', to: '2025-03-31', workerId: null };
    const f = computeOtip(db, q2, 'quarter');
    // Entries: P1 and P3 new (intake in Q2), P2 re-entered on 10 Feb.
    expect(f.entries).toEqual({ new: 2, reentry: 1 });
    // P1 14 on 15 Jan: minor; P2 35 on 10 Feb and P3 (estimated 30): adults.
    expect(asMap(f.entryAge)).toEqual({ adult: 2, minor: 1 });
    expect(asMap(f.entryGender)).toEqual({ woman: 1, man: 1, not_recorded: 1 });
    expect(asMap(f.entryTraffickingType)).toEqual({ sex: 1, labor: 1, not_recorded: 1 });
    expect(asMap(f.entryCitizenship)).toEqual({ us_citizen: 1, foreign_national: 1, not_recorded: 1 });
    expect(asMap(f.entryReferralSource)).toEqual({ hotline: 1, law_enforcement: 1, not_recorded: 1 });
    // P1's child.
    expect(f.entryFamilyMembers).toBe(1);
    // Only P2's closure of 20 Mar is in Q2 (the one of 15 Dec is in Q1).
    expect(asMap(f.closureReason)).toEqual({ goals_met: 1 });
    expect(asMap(f.closureDestination)).toEqual({ own_housing: 1 });
    // P1's two case management services; P2's legal service; P3's housing service is in Q3.
    expect(f.serviceUse).toEqual([
      { category: 'case_management', clients: 1, encounters: 2 },
      { category: 'legal', clients: 1, encounters: 1 },
    ]);
    expect(f.served).toBe(2);

    // The whole fiscal year 2025: entries P1, P2 (intake 1 Nov), P3, P4 and P2's reopening; both of
    // P2's closures; categories of assistance: case management (P1), housing (P3), legal (P2).
    const year = computeOtip(db, { from: '2024-10-01', to: '2025-09-30', workerId: null }, 'year');
    expect(year.entries).toEqual({ new: 4, reentry: 1 });
    expect(asMap(year.closureReason)).toEqual({ goals_met: 1, moved: 1 });
    await t.ok('settings.setSuppression', { threshold: 2 });
    const annual = await t.ok('reports.outcomes', { from: '2024-10-01', to: '2025-09-30', preset: 'otip' });
    expect(annual.parameters.preset).toBe('otip');
    const categories = annual.tables.find((x) => x.name === 'otip_categories_of_assistance')!;
    expect(categories.rows.map((r) => [r.code, r.clients])).toEqual([
      ['case_management', '1-2'],
      ['housing', '1-2'],
      ['legal', '1-2'],
    ]);
    // Items OTIP asks for that Safehold does not collect are named, never guessed.
    const missing = annual.tables.find((x) => x.name === 'otip_not_collected')!;
    expect(missing.rows.map((r) => r.value)).toEqual(Array(missing.rows.length).fill('not collected'));
    expect(missing.rows.map((r) => r.code)).toContain('matched_48_hours');
    const quarter = await t.ok('reports.outcomes', { ...q2, preset: 'otip' });
    expect(quarter.tables.map((x) => x.name)).not.toContain('otip_categories_of_assistance');
    expect(quarter.countingRules[0]).toMatch(/^Preset: HHS OTIP/u);

    // A closing and reopening after the quarter changes nothing in it.
    await t.ok('clients.close', { clientId: p3, closedOn: '2025-05-01', reason: 'moved', destination: 'unknown' });
    await t.ok('clients.reopen', { clientId: p3, reopenedOn: '2025-05-10' });
    expect(computeOtip(db, q2, 'quarter')).toEqual(f);
  });

  it('refuses a period that is not a federal fiscal quarter or year', async () => {
    const t = await setUpCore();
    const result = await t.call('reports.outcomes', { from: '2025-01-01', to: '2025-12-31', preset: 'otip' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('signs the preset into the manifest', async () => {
    const t = await setUpCore();
    await store(t);
    const exported = await t.ok('reports.export', { from: '2025-01-01', to: '2025-03-31', preset: 'otip', folder: tempDir(), formats: ['csv', 'json', 'pdf'] });
    expect(exported.files).not.toContain('funder_views.csv');
    expect((await t.ok('reports.verify', { folder: exported.folder })).ok).toBe(true);
    const path = join(exported.folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { parameters: { preset: string } };
    expect(manifest.parameters.preset).toBe('otip');
    manifest.parameters.preset = 'standard';
    writeFileSync(path, JSON.stringify(manifest));
    expect((await t.ok('reports.verify', { folder: exported.folder })).ok).toBe(false);
  });
});

describe('preset "OVC / VOCA"', () => {
  it('counts victims served as those who received a service, new once per federal fiscal year, with the new victims’ demographics', async () => {
    const t = await setUpCore();
    const db = t.control.current!.db;
    // V1: services 5 Oct 2025 and 10 Jan 2026 (both FY2026).
    const v1 = await person(t, 'Synthetic Ovc One', { intakeDate: '2025-10-01' }, { dateOfBirth: '1985-05-05', genderIdentity: 'man' });
    await t.ok('services.add', { clientId: v1, date: '2025-10-05', category: 'legal' });
    await t.ok('services.add', { clientId: v1, date: '2026-01-10', category: 'legal' });
    // V2: a service on 20 Sep 2025 (FY2025) and on 1 Nov 2025 (FY2026): new again in FY2026.
    const v2 = await person(t, 'Synthetic Ovc Two', { intakeDate: '2025-09-01' });
    await t.ok('services.add', { clientId: v2, date: '2025-09-20', category: 'housing' });
    await t.ok('services.add', { clientId: v2, date: '2025-11-01', category: 'housing' });
    // V3: first service 1 Feb 2026; born 1 Jan 2012 (14 then: a minor), woman, labor trafficking, LPR.
    const v3 = await person(t, 'Synthetic Ovc Three', { intakeDate: '2026-01-20' }, { dateOfBirth: '2012-01-01', genderIdentity: 'woman' }, {
      trafficking: { type: 'labor' },
      citizenship: { category: 'lpr' },
    });
    await t.ok('services.add', { clientId: v3, date: '2026-02-01', category: 'housing' });
    // V4: an intake and no service: not a victim served.
    await person(t, 'Synthetic Ovc Four', { intakeDate: '2025-12-01' });

    // FY2026 Q1: V1 and V2, both new (V2's September service was in FY2025).
    const q1 = computeOvc(db, { from: '2025-10-01', to: '2025-12-31', workerId: null });
    expect(q1.served).toEqual({ total: 2, new: 2, continuing: 0 });
    expect(asMap(q1.newAge)).toEqual({ adult: 1, unknown: 1 });
    // FY2026 Q2: V1 (served in Q1: not new) and V3 (new).
    const q2 = computeOvc(db, { from: '2026-01-01', to: '2026-03-31', workerId: null });
    expect(q2.served).toEqual({ total: 2, new: 1, continuing: 1 });
    expect(asMap(q2.newAge)).toEqual({ minor: 1 });
    expect(asMap(q2.newGender)).toEqual({ woman: 1 });
    expect(asMap(q2.newTraffickingType)).toEqual({ labor: 1 });
    expect(asMap(q2.newCitizenship)).toEqual({ lpr: 1 });
    expect(q2.services).toEqual([
      { category: 'housing', clients: 1, encounters: 1 },
      { category: 'legal', clients: 1, encounters: 1 },
    ]);
    // The whole fiscal year: V1, V2, V3, all new.
    expect(computeOvc(db, { from: '2025-10-01', to: '2026-09-30', workerId: null }).served).toEqual({ total: 3, new: 3, continuing: 0 });

    const report = await t.ok('reports.outcomes', { from: '2026-01-01', to: '2026-03-31', preset: 'ovc' });
    expect(report.parameters.preset).toBe('ovc');
    expect(report.tables.map((x) => x.name)).toEqual(['ovc_victims_served', 'ovc_new_age', 'ovc_new_gender', 'ovc_new_trafficking_type', 'ovc_new_citizenship', 'ovc_services']);
    expect(await t.call('reports.outcomes', { from: '2025-09-01', to: '2025-10-31', preset: 'ovc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the presets on the Reports screen', () => {
  it('says every preset rule and table title as the screen does, in Spanish too', () => {
    for (const preset of ['otip', 'ovc'] as const) {
      const en = PRESET_RULES[preset].en;
      const es = PRESET_RULES[preset].es;
      expect(es).toHaveLength(en.length);
      en.forEach((rule, i) => {
        const known = reportTextKey(rule);
        expect(known, rule).not.toBeNull();
        expect(esCatalog[known!.key], rule).toBe(es[i]);
        expect(enCatalog[known!.key], rule).toBe(rule);
      });
    }
    for (const [name, title] of Object.entries(presetWords.es.tables)) expect(esCatalog[`reportTable.${name}` as keyof typeof esCatalog], name).toBe(title);
  });
});
