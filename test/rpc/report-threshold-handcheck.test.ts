// The outcome report at a threshold of 3, against a small store built through the dispatcher, every
// figure worked out by hand from the rows written below (README "Counting rules" and "Disclosure
// control"), and the same figures in the screen's report, report.json, each CSV and the PDF.
// Period: 2025. Served (14): W1-W6 (intake 2025, new), M7-M10 (intake 2024, continuing), N11-N12
// (2025, new), R15 (closed 2024, reopened March 2025: continuing), P16 (October 2025, new); not C13
// (closed 2024) nor L14 (intake 2026).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/schemas/reports';
import { setUpCore } from '../helpers/core';
import { pdfPages } from '../helpers/pdf';
import { tempDir } from '../helpers/tmp';

interface P { name: string; intake: string; identity?: Record<string, unknown>; trafficking?: string; citizenship?: string; source?: string; family?: { relationship: string; servedByAgency: boolean }[] }

/** Each table as {code: shown value} ({code: [clients, encounters]} for services; {code: [clients, mean, improved]} for change). */
function compact(report: Report): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const t of report.tables) {
    if (t.name === 'funder_views') continue;
    out[t.name] = Object.fromEntries(
      t.rows.map((r) => [String(r.code ?? 'row'), 'encounters' in r ? [r.clients, r.encounters] : 'mean_change' in r ? [r.clients, r.mean_change, r.improved] : (r.count ?? r.clients ?? r.family_members)]),
    );
  }
  return out;
}

const R = '1-3';
// Hand-computed. A range for 1 to 3; a further cell withheld where the total would pin it.
const EXPECTED = {
  clients_served: { new: 9, continuing: 5, total: 14 },
  // Adults: W1-W6 (born 1990), N11-N12 (about 25); minors M7-M10 (born 2010, 14 at intake); unknown
  // R15, P16. Minor (4) is withheld: with the total and adults shown it would pin unknown (2).
  age_at_intake: { adult: 8, minor: 'withheld', unknown: R, total: 14 },
  trafficking_type: { sex: 6, labor: 4, both: R, unknown: R, not_recorded: R, total: 14 },
  gender: { woman: 6, man: 4, nonbinary: R, transgender: 0, questioning: 0, different: 0, not_recorded: R, prefers_not: R, total: 14 },
  citizenship: { us_citizen: 6, lpr: R, foreign_national: 4, unknown: 0, not_recorded: R, total: 14 },
  referral_source: { self: R, hotline: 6, law_enforcement: 4, legal_services: 0, health_care: 0, social_services: 0, community: 0, school: 0, family_friend: 0, other: 0, not_recorded: R, total: 14 },
  // Case management: W1-W6 once, W1 twice more (6 people, 8); housing M7-M10 twice in 2025 (M7's
  // December 2024 one is outside); legal N11 once; medical R15 twice. 8 + 8 + 1 + 2 = 19.
  services_by_category: { case_management: [6, 8], housing: [4, 8], legal: [R, R], medical: [R, R], total: ['', 19] },
  // Sent: W5 (December), W6 (accepted only in 2026); accepted W1, W2, M7; declined W4; completed W3.
  referrals_by_status: { sent: R, accepted: R, declined: R, completed: R, no_response: 0, total: 7 },
  // Open: G2, G7 (withdrawn only in 2026); achieved G1; partly G8; not achieved G3; not C13's.
  goals_by_status: { open: R, achieved: R, partly: R, not_achieved: R, withdrawn: 0, total: 5 },
  // Twice by the end of 2025: W1-W4 (housing 1 -> 3, safety 2 -> 2) and W5 (housing 2 -> 1); M7's
  // second is in 2026. Housing: 5 people, (2+2+2+2-1)/5 = 1.4, 4 improved; safety: 4, 0, 0.
  assessment_change: { housing: [5, 1.4, 4], safety: [4, 0, 0], any: [5, '', 4] },
  // Continued Presence M10 (February), T visa M7 (September); M8's was granted in 2024.
  milestones_granted: { continued_presence: R, t_visa: R, u_visa: 0, hhs_certification: 0, eligibility_letter: 0, interim_assistance: 0, vacatur: 0, other: 0, total: R },
  // N11 own housing; N12 closed twice in 2025, counted once by the last closure (family or friends).
  exits_by_destination: { own_housing: R, family_friends: R, transitional: 0, shelter: 0, returned_home_country: 0, institution: 0, unknown: 0, other: 0, total: R },
  // W1's child and M7's sibling (C13's child: not a served client's).
  family_members: { row: R },
  // 2 outreach entries in 2025 (5 and 4 people); the 2024 one is outside. Shown as recorded.
  outreach: { contacts: 2, people: 9, minutes: 0 },
};

describe('the outcome report at threshold 3, worked out by hand', () => {
  it('matches the rows, on the screen and in report.json, the CSV files and the PDF', async () => {
    const t = await setUpCore();
    await t.ok('settings.setSuppression', { threshold: 3 });
    const people: P[] = [];
    for (let i = 1; i <= 6; i++) people.push({ name: `Synthetic W${i}`, intake: `2025-0${i + 1}-10`, identity: { dateOfBirth: '1990-01-01', genderIdentity: 'woman' }, trafficking: 'sex', citizenship: 'us_citizen', source: 'hotline' });
    for (let i = 7; i <= 10; i++) people.push({ name: `Synthetic M${i}`, intake: '2024-03-01', identity: { dateOfBirth: '2010-01-01', genderIdentity: 'man' }, trafficking: 'labor', citizenship: 'foreign_national', source: 'law_enforcement' });
    for (let i = 11; i <= 12; i++) people.push({ name: `Synthetic N${i}`, intake: '2025-08-01', identity: { estimatedAge: 25, genderIdentity: 'nonbinary' }, trafficking: 'both', citizenship: 'lpr', source: 'self' });
    people.push({ name: 'Synthetic C13', intake: '2024-01-01', family: [{ relationship: 'child', servedByAgency: true }] });
    people.push({ name: 'Synthetic L14', intake: '2026-02-01' });
    people.push({ name: 'Synthetic R15', intake: '2024-05-01', trafficking: 'unknown' });
    people.push({ name: 'Synthetic P16', intake: '2025-10-01', identity: { genderIdentity: 'prefers_not' } });
    people[0]!.family = [{ relationship: 'child', servedByAgency: true }, { relationship: 'parent', servedByAgency: false }];
    people[6]!.family = [{ relationship: 'sibling', servedByAgency: true }];
    const id: string[] = [];
    for (const p of people) {
      const { id: c } = await t.ok('clients.create', { chosenName: p.name });
      id.push(c);
      await t.ok('intake.saveSection', { clientId: c, section: 'referral', baseVersion: 1, data: { intakeDate: p.intake, ...(p.source ? { referralSource: p.source } : {}) } } as never);
      if (p.identity) await t.ok('intake.saveSection', { clientId: c, section: 'identity', baseVersion: 1, data: { preferredName: p.name, ...p.identity } } as never);
      if (p.trafficking) await t.ok('intake.saveSection', { clientId: c, section: 'trafficking', baseVersion: 0, data: { type: p.trafficking } } as never);
      if (p.citizenship) await t.ok('intake.saveSection', { clientId: c, section: 'citizenship', baseVersion: 0, data: { category: p.citizenship } } as never);
      if (p.family) await t.ok('intake.saveSection', { clientId: c, section: 'family', baseVersion: 0, data: { members: p.family } } as never);
    }
    const C = (n: number) => id[n - 1]!;
    // Closures first where a case is closed before the period.
    await t.ok('clients.close', { clientId: C(13), closedOn: '2024-06-01', reason: 'moved', destination: 'unknown' } as never);
    await t.ok('clients.close', { clientId: C(15), closedOn: '2024-09-01', reason: 'lost_contact', destination: 'unknown' } as never);
    await t.ok('clients.reopen', { clientId: C(15), reopenedOn: '2025-03-01' });
    // Services
    const svc = (n: number, date: string, category: string) => t.ok('services.add', { clientId: C(n), date, category } as never);
    for (let i = 1; i <= 6; i++) await svc(i, '2025-03-15', 'case_management');
    await svc(1, '2025-04-01', 'case_management');
    await svc(1, '2025-05-01', 'case_management');
    for (let i = 7; i <= 10; i++) { await svc(i, '2025-01-10', 'housing'); await svc(i, '2025-07-10', 'housing'); }
    await svc(7, '2024-12-01', 'housing');
    await svc(11, '2025-09-01', 'legal');
    await svc(15, '2025-04-01', 'medical');
    await svc(15, '2025-04-02', 'medical');
    // Referrals
    const partner = await t.ok('partners.add', { name: 'Synthetic Partner', services: ['legal', 'housing', 'medical', 'case_management'] } as never);
    const ref = async (n: number, sentOn: string, changes: [string, string][]) => {
      const r = await t.ok('referrals.send', { clientId: C(n), partnerId: partner.id, service: 'legal', sentOn, sharesIdentity: false } as never);
      for (const [status, on] of changes) await t.ok('referrals.setStatus', { referralId: r.id, status, on } as never);
    };
    await ref(1, '2025-03-01', [['accepted', '2025-03-11']]);
    await ref(2, '2025-03-01', [['accepted', '2025-03-06']]);
    await ref(3, '2025-03-01', [['completed', '2025-03-21']]);
    await ref(4, '2025-03-01', [['declined', '2025-03-15']]);
    await ref(5, '2025-12-20', []);
    await ref(6, '2025-05-01', [['accepted', '2026-01-10']]);
    await ref(7, '2025-02-01', [['accepted', '2025-02-09']]);
    // Goals, entered on 2025-02-01 (as reports.test.ts does: the entry day moved back in the row)
    const g1 = await t.ok('plan.addGoal', { clientId: C(1), domain: 'housing', title: 'G1' } as never);
    await t.ok('plan.addGoal', { clientId: C(2), domain: 'housing', title: 'G2' } as never);
    const g3 = await t.ok('plan.addGoal', { clientId: C(3), domain: 'housing', title: 'G3' } as never);
    const g7 = await t.ok('plan.addGoal', { clientId: C(7), domain: 'housing', title: 'G7' } as never);
    const g8 = await t.ok('plan.addGoal', { clientId: C(8), domain: 'housing', title: 'G8' } as never);
    await t.ok('plan.addGoal', { clientId: C(13), domain: 'housing', title: 'G13' } as never).catch(() => null);
    t.control.current!.db.prepare("UPDATE goals SET created_at = '2025-02-01T15:00:00Z', opened_on = '2025-02-01'").run();
    await t.ok('plan.setGoalStatus', { goalId: g1.id, status: 'achieved', on: '2025-06-01' } as never);
    await t.ok('plan.setGoalStatus', { goalId: g3.id, status: 'not_achieved', on: '2025-11-01' } as never);
    await t.ok('plan.setGoalStatus', { goalId: g7.id, status: 'withdrawn', on: '2026-01-05' } as never);
    await t.ok('plan.setGoalStatus', { goalId: g8.id, status: 'partly', on: '2025-04-01' } as never);
    // Milestones
    await t.ok('milestones.add', { clientId: C(7), kind: 't_visa', status: 'granted', requestedOn: '2025-01-15', decidedOn: '2025-09-01' } as never);
    await t.ok('milestones.add', { clientId: C(8), kind: 't_visa', status: 'granted', requestedOn: '2024-06-01', decidedOn: '2024-11-01' } as never);
    await t.ok('milestones.add', { clientId: C(9), kind: 'u_visa', status: 'requested', requestedOn: '2025-05-01' } as never);
    await t.ok('milestones.add', { clientId: C(10), kind: 'continued_presence', status: 'granted', requestedOn: '2025-01-05', decidedOn: '2025-02-01' } as never);
    // Exits
    await t.ok('clients.close', { clientId: C(11), closedOn: '2025-11-01', reason: 'goals_met', destination: 'own_housing' } as never);
    await t.ok('clients.close', { clientId: C(12), closedOn: '2025-09-01', reason: 'moved', destination: 'shelter' } as never);
    await t.ok('clients.reopen', { clientId: C(12), reopenedOn: '2025-10-01' });
    await t.ok('clients.close', { clientId: C(12), closedOn: '2025-12-01', reason: 'goals_met', destination: 'family_friends' } as never);
    await t.ok('clients.close', { clientId: C(3), closedOn: '2026-01-10', reason: 'goals_met', destination: 'own_housing' } as never);
    // Assessments
    const { instruments } = await t.ok('outcomes.instruments', {});
    const ssm = instruments[0]!;
    const dom = (code: string) => ssm.domains.find((d) => d.code === code)!.id;
    const rec = (n: number, takenOn: string, kind: string, scores: [string, number][]) =>
      t.ok('outcomes.record', { clientId: C(n), instrumentId: ssm.id, takenOn, kind, scores: scores.map(([c, s]) => ({ domainId: dom(c), score: s })) } as never);
    for (let i = 1; i <= 4; i++) { await rec(i, '2025-03-20', 'intake', [['housing', 1], ['safety', 2]]); await rec(i, '2025-09-20', 'follow_up', [['housing', 3], ['safety', 2]]); }
    await rec(5, '2025-03-20', 'intake', [['housing', 2]]);
    await rec(5, '2025-09-20', 'follow_up', [['housing', 1]]);
    await rec(6, '2025-03-20', 'intake', [['housing', 2]]);
    await rec(7, '2025-01-15', 'intake', [['housing', 1]]);
    await rec(7, '2026-01-10', 'follow_up', [['housing', 4]]);
    // Outreach
    await t.ok('outreach.add', { date: '2025-05-01', people: 5 });
    await t.ok('outreach.add', { date: '2025-06-01', people: 4 });
    await t.ok('outreach.add', { date: '2024-06-01', people: 7 });

    const period = { from: '2025-01-01', to: '2025-12-31' };
    const report = await t.ok('reports.outcomes', { ...period, workerId: null, preset: 'standard' });
    expect(compact(report)).toEqual(EXPECTED);
    expect(report.tables.find((x) => x.name === 'referrals_by_status')!.note).toBe('Median days from sending to acceptance: 9.'); // 5, 8, 10, 20
    expect(report.tables.find((x) => x.name === 'assessment_change')!.note).toBe('Share with measurable improvement: 80%.');

    const exported = await t.ok('reports.export', { ...period, workerId: null, preset: 'standard', folder: tempDir(), formats: ['csv', 'pdf', 'json'], language: 'en' });
    const json = JSON.parse(readFileSync(join(exported.folder, 'report.json'), 'utf8')) as Report;
    expect(compact(json)).toEqual(EXPECTED);
    for (const table of json.tables) {
      const lines = readFileSync(join(exported.folder, `${table.name}.csv`), 'utf8').trim().split(/\r?\n/u);
      expect(lines[0]).toBe(table.columns.map((c) => c.key).join(','));
      // Plain cells here (no commas or quotes in these labels), so a row is its values joined.
      if (table.name !== 'funder_views') expect(lines.slice(1)).toEqual(table.rows.map((r) => table.columns.map((c) => String(r[c.key] ?? '')).join(',')));
    }
    const pdf = (await pdfPages(join(exported.folder, 'report.pdf'))).join('\n');
    for (const [label, value] of [['Minor', 'withheld'], ['Adult', '8'], ['Case management', '6'], ['Shelter or housing', '4'], ['Housing', '1.4']] as const) {
      expect(pdf).toMatch(new RegExp(`${label}\\s+(\\S+\\s+)?${value}`, 'u'));
    }
  }, 120_000);
});
