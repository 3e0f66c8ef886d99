// Main process (plain Node). Never imports electron.
// The outcome report's raw figures for a period, before disclosure control. Aggregates only: no
// row of this file's output names or identifies anyone. The counting rules are written once, here
// and in COUNTING_RULES, and tested against a hand-computed fixture.
import type { Db } from '../store/open';

export const COUNTING_RULES = [
  'Clients served: every case open at some time in the period: its intake date is on or before the last day, and it was not closed before the first day (or it was reopened within the period).',
  'New clients: served clients whose intake date falls in the period. Continuing clients: the other served clients.',
  "Intake date: the intake section's intake date, or the day the case was created when that is empty.",
  "Adult or minor: age on the intake date, from the date of birth, or from the estimated age when there is no date of birth; 'Unknown' when neither is recorded.",
  "Trafficking type, gender, citizenship and referral source: as recorded in the intake; a reason (doesn't know, prefers not to answer, not collected) is counted as that reason, and an empty answer as 'Not recorded'.",
  'Services: services dated in the period, for served clients. Encounters count every service; clients count each person once per category.',
  'Referrals: referrals sent in the period, by their status now. Days to match: from sending to acceptance, for those accepted (median).',
  'Goals: goals of served clients that were open at the end of the period or changed status during it, by status.',
  'Assessment change: for served clients with at least two assessments on the same instrument up to the last day, latest score minus first score per domain. Measurable improvement: at least one domain up by one level or more.',
  'Legal and immigration milestones: granted, with the decision dated in the period, by kind.',
  'Exits: cases closed in the period, by destination.',
  'Family members served: family members marked as served by the agency, of served clients.',
  'Counts from 1 to the threshold are shown as a range; further cells are withheld so that no hidden count can be worked out from a total. Zeros are shown.',
] as const;

export interface Period {
  from: string;
  to: string;
  workerId: string | null;
}

export type Breakdown = { key: string; count: number }[];

export interface Figures {
  served: { total: number; new: number; continuing: number };
  ageAtIntake: Breakdown;
  traffickingType: Breakdown;
  gender: Breakdown;
  citizenship: Breakdown;
  referralSource: Breakdown;
  services: { category: string; clients: number; encounters: number }[];
  referrals: Breakdown;
  daysToMatch: { median: number | null; matched: number };
  goals: Breakdown;
  assessment: { domain: string; label: string; clients: number; meanChange: number; improved: number }[];
  improvedClients: { assessed: number; improved: number };
  milestones: Breakdown;
  exits: Breakdown;
  familyMembersServed: number;
}

const NOT_RECORDED = 'not_recorded';

function breakdown(db: Db, sql: string, params: object): Breakdown {
  return db
    .prepare<[object], { key: string | null; count: number }>(sql)
    .all(params)
    .map((r) => ({ key: r.key ?? NOT_RECORDED, count: r.count }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Builds the served population for the period as an in-memory temporary table. */
function prepareServed(db: Db, period: Period): void {
  db.exec('DROP TABLE IF EXISTS temp.report_clients');
  db.exec(`CREATE TEMP TABLE report_clients (
    id TEXT PRIMARY KEY, intake_date TEXT, is_new INTEGER, minor INTEGER, gender TEXT, ttype TEXT,
    citizenship TEXT, source TEXT, family_served INTEGER
  ) WITHOUT ROWID`);
  db.prepare(
    `INSERT INTO temp.report_clients
     SELECT id, intake_date, intake_date >= @from,
       CASE
         WHEN dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN
           (CAST(substr(intake_date, 1, 4) AS INTEGER) - CAST(substr(dob, 1, 4) AS INTEGER)
             - (substr(intake_date, 6, 5) < substr(dob, 6, 5))) < 18
         WHEN est_age IS NOT NULL THEN est_age < 18
       END,
       gender, ttype, citizenship, source, family_served
     FROM (
       SELECT c.id,
         coalesce(f.intake_date, substr(c.created_at, 1, 10)) AS intake_date,
         f.dob, f.est_age, f.gender, f.ttype, f.citizenship, f.referral_source AS source,
         coalesce(f.family_served, 0) AS family_served
       FROM clients c LEFT JOIN client_facts f ON f.client_id = c.id
       WHERE (@worker IS NULL OR c.assigned_worker_id = @worker)
     ) AS x
     WHERE x.intake_date <= @to
       AND NOT EXISTS (
         SELECT 1 FROM case_closures k WHERE k.client_id = x.id AND k.closed_on < @from
           AND (k.reopened_on IS NULL OR k.reopened_on > @to)
           AND NOT EXISTS (SELECT 1 FROM case_closures later WHERE later.client_id = k.client_id AND later.id > k.id)
       )`,
  ).run({ from: period.from, to: period.to, worker: period.workerId });
}

export function computeFigures(db: Db, period: Period): Figures {
  const p = { from: period.from, to: period.to };
  prepareServed(db, period);
  try {
    const served = db.prepare<[], { total: number; fresh: number }>('SELECT count(*) AS total, coalesce(sum(is_new), 0) AS fresh FROM temp.report_clients').get()!;
    const by = (column: string) => breakdown(db, `SELECT ${column} AS key, count(*) AS count FROM temp.report_clients GROUP BY 1`, {});
    const ageAtIntake = breakdown(
      db,
      "SELECT CASE minor WHEN 1 THEN 'minor' WHEN 0 THEN 'adult' ELSE 'unknown' END AS key, count(*) AS count FROM temp.report_clients GROUP BY 1",
      {},
    );
    const services = db
      .prepare<[object], { category: string; clients: number; encounters: number }>(
        `SELECT category, count(*) AS clients, sum(n) AS encounters FROM (
           SELECT s.category, s.client_id, count(*) AS n FROM services s
           WHERE s.date BETWEEN @from AND @to GROUP BY s.category, s.client_id
         ) WHERE client_id IN (SELECT id FROM temp.report_clients) GROUP BY category ORDER BY category`,
      )
      .all(p);
    const referrals = breakdown(
      db,
      `SELECT r.status AS key, count(*) AS count FROM referrals r JOIN temp.report_clients rc ON rc.id = r.client_id
       WHERE r.sent_on BETWEEN @from AND @to GROUP BY 1`,
      p,
    );
    const matchDays = db
      .prepare<[object], { d: number }>(
        `SELECT julianday(r.accepted_on) - julianday(r.sent_on) AS d FROM referrals r JOIN temp.report_clients rc ON rc.id = r.client_id
         WHERE r.sent_on BETWEEN @from AND @to AND r.accepted_on IS NOT NULL ORDER BY d`,
      )
      .all(p)
      .map((r) => r.d);
    const mid = matchDays.length / 2;
    const median = matchDays.length === 0 ? null : matchDays.length % 2 ? matchDays[Math.floor(mid)]! : (matchDays[mid - 1]! + matchDays[mid]!) / 2;
    const goals = breakdown(
      db,
      `SELECT g.status AS key, count(*) AS count FROM goals g JOIN temp.report_clients rc ON rc.id = g.client_id
       WHERE (g.status = 'open' AND substr(g.created_at, 1, 10) <= @to) OR g.status_on BETWEEN @from AND @to GROUP BY 1`,
      p,
    );
    // First and latest assessment per person and instrument in one grouped pass: the sort key is
    // date, then creation time, then id (a fixed-width 32-character suffix the pair is read back from).
    const pairs = `WITH bounds AS (
        SELECT a.client_id,
          min(a.taken_on || a.created_at || a.id) AS first_key,
          max(a.taken_on || a.created_at || a.id) AS last_key
        FROM assessments a JOIN temp.report_clients rc ON rc.id = a.client_id
        WHERE a.taken_on <= @to
        GROUP BY a.client_id, a.instrument_id
        HAVING count(*) >= 2
      ),
      pairs AS (SELECT client_id, substr(first_key, -32) AS first_id, substr(last_key, -32) AS last_id FROM bounds),
      changes AS (
        SELECT pairs.client_id, fs.domain_id AS domain, ls.score - fs.score AS change
        FROM pairs
        JOIN assessment_scores fs ON fs.assessment_id = pairs.first_id
        JOIN assessment_scores ls ON ls.assessment_id = pairs.last_id AND ls.domain_id = fs.domain_id
      )`;
    db.exec('DROP TABLE IF EXISTS temp.report_changes');
    db.prepare(`CREATE TEMP TABLE report_changes AS ${pairs} SELECT client_id, domain, change FROM changes`).run({ to: period.to });
    const domains = new Map(
      db
        .prepare<[], { id: string; code: string; label: string }>('SELECT id, code, label FROM instrument_domains')
        .all()
        .map((d) => [d.id, { code: d.code, label: (JSON.parse(d.label) as { en: string }).en }]),
    );
    const assessment = db
      .prepare<[], { domain: string; clients: number; meanChange: number; improved: number }>(
        'SELECT domain, count(*) AS clients, avg(change) AS meanChange, sum(change >= 1) AS improved FROM temp.report_changes GROUP BY domain',
      )
      .all()
      .map((a) => ({ ...a, domain: domains.get(a.domain)?.code ?? a.domain, label: domains.get(a.domain)?.label ?? a.domain }))
      .sort((a, b) => a.domain.localeCompare(b.domain));
    const improvedClients = db
      .prepare<[], { assessed: number; improved: number }>(
        'SELECT count(DISTINCT client_id) AS assessed, count(DISTINCT CASE WHEN change >= 1 THEN client_id END) AS improved FROM temp.report_changes',
      )
      .get()!;
    const milestones = breakdown(
      db,
      `SELECT m.kind AS key, count(*) AS count FROM milestones m JOIN temp.report_clients rc ON rc.id = m.client_id
       WHERE m.status = 'granted' AND m.decided_on BETWEEN @from AND @to GROUP BY 1`,
      p,
    );
    const exits = breakdown(
      db,
      `SELECT k.destination AS key, count(*) AS count FROM case_closures k JOIN temp.report_clients rc ON rc.id = k.client_id
       WHERE k.closed_on BETWEEN @from AND @to GROUP BY 1`,
      p,
    );
    const family = db.prepare<[], { n: number }>('SELECT coalesce(sum(family_served), 0) AS n FROM temp.report_clients').get()!.n;
    return {
      served: { total: served.total, new: served.fresh, continuing: served.total - served.fresh },
      ageAtIntake,
      traffickingType: by('ttype'),
      gender: by('gender'),
      citizenship: by('citizenship'),
      referralSource: by('source'),
      services,
      referrals,
      daysToMatch: { median, matched: matchDays.length },
      goals,
      assessment: assessment.map((a) => ({ ...a, meanChange: Math.round(a.meanChange * 100) / 100 })),
      improvedClients,
      milestones,
      exits,
      familyMembersServed: family,
    };
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.report_clients');
    db.exec('DROP TABLE IF EXISTS temp.report_changes');
  }
}
