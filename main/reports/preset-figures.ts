// Main process (plain Node). Never imports electron.
// The raw figures of the funder presets (HHS OTIP, OVC/VOCA), before disclosure control. Aggregate
// only. Each rule is written in preset-rules.ts and tested against a hand-computed fixture
// (test/rpc/report-presets.test.ts). Statuses and case history are read as dated (status_events), so
// a closed period gives the same figures after later changes, as in the standard report.
import { ageOn } from '../cases/dates';
import type { Db } from '../store/open';
import type { Breakdown, Period } from './figures';

/** The federal fiscal year a day falls in: 1 October to 30 September, named by the year it ends. */
export function fiscalYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 10 ? year + 1 : year;
}
export const fiscalYearStart = (fy: number) => `${fy - 1}-10-01`;
export const fiscalYearEnd = (fy: number) => `${fy}-09-30`;

const QUARTER_ENDS: Record<string, string> = { '10-01': '12-31', '01-01': '03-31', '04-01': '06-30', '07-01': '09-30' };

/** 'quarter', 'year' (a whole federal fiscal year), or null for any other period. */
export function fiscalPeriodKind(from: string, to: string): 'quarter' | 'year' | null {
  const fy = fiscalYearOf(from);
  if (from === fiscalYearStart(fy) && to === fiscalYearEnd(fy)) return 'year';
  const end = QUARTER_ENDS[from.slice(5)];
  if (end !== undefined && to === `${from.slice(0, 4)}-${end}`) return 'quarter';
  return null;
}

const tally = (keys: (string | null)[]): Breakdown => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k ?? 'not_recorded', (counts.get(k ?? 'not_recorded') ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
};

interface Facts {
  client_id: string;
  dob: string | null;
  est_age: number | null;
  intake_date: string;
  gender: string | null;
  ttype: string | null;
  citizenship: string | null;
  referral_source: string | null;
  family_served: number;
}

const WORKER = '(@worker IS NULL OR c.assigned_worker_id = @worker)';

function ageGroup(f: Facts, on: string): string {
  if (f.dob !== null && /^\d{4}-\d{2}-\d{2}$/u.test(f.dob)) return ageOn(f.dob, on) < 18 ? 'minor' : 'adult';
  // An estimated age is the age given at intake.
  if (f.est_age !== null) return f.est_age < 18 ? 'minor' : 'adult';
  return 'unknown';
}

export interface OtipFigures {
  kind: 'quarter' | 'year';
  entries: { new: number; reentry: number };
  entryAge: Breakdown;
  entryGender: Breakdown;
  entryTraffickingType: Breakdown;
  entryCitizenship: Breakdown;
  entryReferralSource: Breakdown;
  entryFamilyMembers: number;
  closureReason: Breakdown;
  closureDestination: Breakdown;
  serviceUse: { category: string; clients: number; encounters: number }[];
  served: number;
}

/**
 * HHS OTIP: a program entry is a case's intake date in the period, or a reopening dated in the
 * period (a reopened case is a new entry); each entry counts once, with the person's facts, age on
 * the entry day. A case closure is each closure dated in the period. Service use: every service
 * dated in the period (encounters) and the people who received each category. "served" (for the
 * linked-column check): the people with a service in the period.
 */
export function computeOtip(db: Db, period: Period, kind: 'quarter' | 'year'): OtipFigures {
  const params = { from: period.from, to: period.to, worker: period.workerId };
  const entries = db
    .prepare<[object], Facts & { day: string; entry: 'new' | 'reentry' }>(
      `SELECT f.client_id, f.dob, f.est_age, coalesce(f.intake_date, f.opened_on) AS intake_date, f.gender, f.ttype, f.citizenship, f.referral_source, f.family_served, x.day, x.entry
       FROM (
         SELECT client_id, coalesce(intake_date, opened_on) AS day, 'new' AS entry FROM client_facts WHERE coalesce(intake_date, opened_on) BETWEEN @from AND @to
         UNION ALL
         SELECT subject_id, effective_on, 'reentry' FROM status_events WHERE subject = 'case' AND status = 'open' AND effective_on BETWEEN @from AND @to
       ) x JOIN client_facts f ON f.client_id = x.client_id JOIN clients c ON c.id = x.client_id
       WHERE ${WORKER}`,
    )
    .all(params);
  const closures = db
    .prepare<[object], { reason: string; destination: string }>(
      `SELECT k.reason, k.destination FROM case_closures k JOIN clients c ON c.id = k.client_id WHERE k.closed_on BETWEEN @from AND @to AND ${WORKER}`,
    )
    .all(params);
  const serviceUse = db
    .prepare<[object], { category: string; clients: number; encounters: number }>(
      `SELECT s.category, count(DISTINCT s.client_id) AS clients, count(*) AS encounters FROM services s JOIN clients c ON c.id = s.client_id
       WHERE s.date BETWEEN @from AND @to AND ${WORKER} GROUP BY s.category ORDER BY s.category`,
    )
    .all(params);
  const served = db
    .prepare<[object], { n: number }>(`SELECT count(DISTINCT s.client_id) AS n FROM services s JOIN clients c ON c.id = s.client_id WHERE s.date BETWEEN @from AND @to AND ${WORKER}`)
    .get(params)!.n;
  return {
    kind,
    entries: { new: entries.filter((e) => e.entry === 'new').length, reentry: entries.filter((e) => e.entry === 'reentry').length },
    entryAge: tally(entries.map((e) => ageGroup(e, e.day))),
    entryGender: tally(entries.map((e) => e.gender)),
    entryTraffickingType: tally(entries.map((e) => e.ttype)),
    entryCitizenship: tally(entries.map((e) => e.citizenship)),
    entryReferralSource: tally(entries.map((e) => e.referral_source)),
    entryFamilyMembers: entries.reduce((n, e) => n + e.family_served, 0),
    closureReason: tally(closures.map((k) => k.reason)),
    closureDestination: tally(closures.map((k) => k.destination)),
    serviceUse,
    served,
  };
}

export interface OvcFigures {
  served: { total: number; new: number; continuing: number };
  newAge: Breakdown;
  newGender: Breakdown;
  newTraffickingType: Breakdown;
  newCitizenship: Breakdown;
  services: { category: string; clients: number; encounters: number }[];
}

/**
 * OVC / VOCA: victims served = people who received a service dated in the period. A victim is new
 * once per federal fiscal year: served in the period with no service dated earlier in the same
 * fiscal year. Demographics are of the new victims (age on their first service of the year).
 */
export function computeOvc(db: Db, period: Period): OvcFigures {
  const yearStart = fiscalYearStart(fiscalYearOf(period.from));
  const params = { from: period.from, to: period.to, worker: period.workerId, start: yearStart };
  const people = db
    .prepare<[object], Facts & { first: string; earlier: number }>(
      `SELECT f.client_id, f.dob, f.est_age, coalesce(f.intake_date, f.opened_on) AS intake_date, f.gender, f.ttype, f.citizenship, f.referral_source, f.family_served,
         x.first, EXISTS (SELECT 1 FROM services e WHERE e.client_id = x.client_id AND e.date >= @start AND e.date < @from) AS earlier
       FROM (SELECT s.client_id, min(s.date) AS first FROM services s WHERE s.date BETWEEN @from AND @to GROUP BY s.client_id) x
       JOIN client_facts f ON f.client_id = x.client_id JOIN clients c ON c.id = x.client_id
       WHERE ${WORKER}`,
    )
    .all(params);
  const fresh = people.filter((p) => p.earlier === 0);
  const services = db
    .prepare<[object], { category: string; clients: number; encounters: number }>(
      `SELECT s.category, count(DISTINCT s.client_id) AS clients, count(*) AS encounters FROM services s JOIN clients c ON c.id = s.client_id
       WHERE s.date BETWEEN @from AND @to AND ${WORKER} GROUP BY s.category ORDER BY s.category`,
    )
    .all(params);
  return {
    served: { total: people.length, new: fresh.length, continuing: people.length - fresh.length },
    newAge: tally(fresh.map((p) => ageGroup(p, p.first))),
    newGender: tally(fresh.map((p) => p.gender)),
    newTraffickingType: tally(fresh.map((p) => p.ttype)),
    newCitizenship: tally(fresh.map((p) => p.citizenship)),
    services,
  };
}
