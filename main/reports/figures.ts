// Main process (plain Node). Never imports electron.
// The outcome report's raw figures for a period, before disclosure control. Aggregates only: no
// row of this file's output names or identifies anyone. The counting rules it implements are written
// in counting-rules.ts (and the README), and each figure is tested against a hand-computed fixture.
import type { Db } from '../store/open';

export { COUNTING_RULES } from './counting-rules';

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
  /** Outreach with no case (issue 16): anonymous counts, by who recorded them when the report is for one worker. */
  outreach?: { contacts: number; people: number; minutes: number };
}

const NOT_RECORDED = 'not_recorded';

/**
 * How figures "for served clients" are read. Each is either read for the served people directly
 * (driving from them into each table's per-person index), or read for everyone and the part for the
 * people *not* served taken away, whichever group is smaller: a caseworker's report reads only their
 * caseload, and a whole-agency report at 100,000 cases never looks up every row's person.
 * Both give the same numbers (tested).
 */
export type Strategy = 'direct' | 'complement';

/** Everyone; the served people; the others; everyone but the others (each row's person looked up). */
type Population = 'served' | 'others' | 'everyone' | 'kept';

/**
 * How a complement read takes the others away: by subtracting their own tally (one index range per
 * person: for tables with many rows in the period), or by looking up each row's person (for tables
 * with few rows in the period, fewer than the others).
 */
type Complement = 'subtract' | 'filter';

/** The FROM clause of `table` (alias `alias`, with a client_id column), limited to one population. */
function rowsOf(population: Population, table: string, alias: string): string {
  if (population === 'everyone') return `${table} ${alias}`;
  if (population === 'kept') return `(SELECT * FROM ${table} WHERE client_id NOT IN (SELECT id FROM temp.report_others)) ${alias}`;
  const people = population === 'served' ? 'temp.report_clients' : 'temp.report_others';
  // CROSS JOIN keeps the people as the outer loop: one index range per person.
  return `${people} rc CROSS JOIN ${table} ${alias} ON ${alias}.client_id = rc.id`;
}

/** Rows keyed by `key`, numeric columns `values`: everyone's minus the others'. */
function subtract<R extends Record<string, unknown>>(everyone: R[], others: R[], key: keyof R, values: (keyof R)[]): R[] {
  const taken = new Map(others.map((r) => [r[key], r]));
  return everyone
    .map((r) => {
      const o = taken.get(r[key]);
      if (!o) return r;
      const out: Record<string, unknown> = { ...r };
      for (const v of values) out[v as string] = (r[v] as number) - (o[v] as number);
      return out as R;
    })
    .filter((r) => values.some((v) => (r[v] as number) !== 0));
}

class Reader {
  constructor(
    private readonly db: Db,
    readonly strategy: Strategy,
    private readonly params: object,
  ) {}

  all<R>(sql: string): R[] {
    return this.db.prepare<[object], R>(sql).all(this.params);
  }

  /** A tally over served people, from a query written for any one population. */
  tally<R extends Record<string, unknown>>(query: (p: Population) => string, key: keyof R & string, values: (keyof R & string)[], complement: Complement = 'subtract'): R[] {
    if (this.strategy === 'direct') return this.all<R>(query('served'));
    if (complement === 'filter') return this.all<R>(query('kept'));
    return subtract(this.all<R>(query('everyone')), this.all<R>(query('others')), key, values);
  }

  breakdown(query: (p: Population) => string, complement: Complement = 'subtract'): Breakdown {
    return this.tally<{ key: string | null; count: number }>(query, 'key', ['count'], complement)
      .map((r) => ({ key: r.key ?? NOT_RECORDED, count: r.count }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
}

/**
 * Builds the served population for the period as temporary tables: temp.report_clients (served,
 * with the facts counted by) and, when the other people are fewer, temp.report_others (their ids).
 * Each is filled in its key order (client_facts' and clients' own), so the build is one ordered pass.
 */
function preparePopulation(db: Db, period: Period, forced?: Strategy): Strategy {
  dropTemp(db);
  db.exec(`CREATE TEMP TABLE report_clients (
    id TEXT PRIMARY KEY, intake_date TEXT, is_new INTEGER, minor INTEGER, gender TEXT, ttype TEXT,
    citizenship TEXT, source TEXT, family_served INTEGER
  ) WITHOUT ROWID`);
  const served = db.prepare(
    `INSERT INTO temp.report_clients
     SELECT client_id, intake_date, intake_date >= @from,
       CASE
         WHEN dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN
           (CAST(substr(intake_date, 1, 4) AS INTEGER) - CAST(substr(dob, 1, 4) AS INTEGER)
             - (substr(intake_date, 6, 5) < substr(dob, 6, 5))) < 18
         WHEN est_age IS NOT NULL THEN est_age < 18
       END,
       gender, ttype, citizenship, referral_source, family_served
     FROM (
       SELECT f.client_id, coalesce(f.intake_date, f.opened_on) AS intake_date, f.dob, f.est_age, f.gender, f.ttype,
         f.citizenship, f.referral_source, f.family_served
       FROM client_facts f
     ) AS x
     WHERE x.intake_date <= @to
       AND (@worker IS NULL OR x.client_id IN (SELECT id FROM clients WHERE assigned_worker_id = @worker))
       AND x.client_id NOT IN (
         -- Closed at the start of the period (its latest case status dated before the first day is
         -- "closed") and not reopened on any day of it: by the dated case history, so a later change
         -- (a reopening or closing dated after the period) never moves a case in or out.
         SELECT e.subject_id FROM status_events e
         WHERE e.subject = 'case' AND e.status = 'closed' AND e.effective_on < @from
           AND NOT EXISTS (SELECT 1 FROM status_events l WHERE l.subject = 'case' AND l.subject_id = e.subject_id AND l.effective_on < @from
                           AND (l.effective_on > e.effective_on OR (l.effective_on = e.effective_on AND l.id > e.id)))
           AND NOT EXISTS (SELECT 1 FROM status_events o WHERE o.subject = 'case' AND o.subject_id = e.subject_id AND o.status = 'open'
                           AND o.effective_on BETWEEN @from AND @to)
       )
     ORDER BY x.client_id`,
  ).run({ from: period.from, to: period.to, worker: period.workerId }).changes;
  const everyone = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM clients').get()!.n;
  const strategy = forced ?? (everyone - served < served ? 'complement' : 'direct');
  if (strategy === 'complement') {
    db.exec('CREATE TEMP TABLE report_others (id TEXT PRIMARY KEY) WITHOUT ROWID');
    // From clients, not client_facts: everyone the "everyone" queries count is either served or here.
    db.exec('INSERT INTO temp.report_others SELECT id FROM clients WHERE id NOT IN (SELECT id FROM temp.report_clients) ORDER BY id');
  }
  return strategy;
}

/** The ids of the people served in the period (the standard rule), for the data-quality check. */
export function servedClientIds(db: Db, period: Period): string[] {
  try {
    preparePopulation(db, period, 'direct');
    return db.prepare('SELECT id FROM temp.report_clients ORDER BY id').pluck().all() as string[];
  } finally {
    dropTemp(db);
  }
}

function dropTemp(db: Db): void {
  db.exec('DROP TABLE IF EXISTS temp.report_clients');
  db.exec('DROP TABLE IF EXISTS temp.report_others');
}

/** The latest of a subject's events (by day, then entry order) as day + 16-digit entry number + status. */
const LATEST = 'max(e.effective_on || (1000000000000000 + e.id) || e.status)';
/** Where the status starts in LATEST's text (1-based, for substr). */
const STATUS_AT = 27;

/**
 * Goals by their status at the end of the period: those open then, and those whose status then was
 * set during the period. Read in two parts: goals with a status event up to the last day, by the
 * event in force then (the one with no next event by the last day: status_events.until_on, migration
 * 0210; one index range that never reads later events), and the others, which have been open since
 * they were entered (opened_on up to the last day).
 */
function goalsAtEnd(read: Reader): Breakdown {
  const changed = read.breakdown(
    (p) => `SELECT CASE WHEN e.status = 'open' OR e.effective_on >= @from THEN e.status ELSE '~before' END AS key, count(*) AS count
            FROM ${rowsOf(p, 'status_events', 'e')}
            WHERE e.subject = 'goal' AND e.effective_on <= @to AND (e.until_on IS NULL OR e.until_on > @to)
            GROUP BY 1`,
    'filter',
  );
  const opened = read.breakdown((p) => `SELECT 'opened' AS key, count(*) AS count FROM ${rowsOf(p, 'goals', 'g')} WHERE g.opened_on <= @to`);
  const withHistory = changed.reduce((n, r) => n + r.count, 0);
  const neverChanged = (opened[0]?.count ?? 0) - withHistory;
  const counts = new Map(changed.filter((r) => r.key !== '~before').map((r) => [r.key, r.count]));
  counts.set('open', (counts.get('open') ?? 0) + neverChanged);
  return [...counts]
    .filter(([, count]) => count !== 0)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Same-day assessments: intake first, then follow-up (review), then exit. */
export const ASSESSMENT_KIND_RANK = "(CASE a.kind WHEN 'intake' THEN 0 WHEN 'follow_up' THEN 1 ELSE 2 END)";

interface Pair {
  instrument: string;
  client: string;
  first: string;
  last: string;
}

/**
 * Each served person's first and latest assessment per instrument up to the last day, as score
 * lines. One grouped pass over assessment_order (migration 0210), whose key is date, then kind
 * (intake, then follow-up, then exit), then entry time, then entry order (rowid), as on the Outcomes
 * tab, with the score line after a '|' that no date or number contains: the least and greatest key.
 */
function assessmentPairs(db: Db, strategy: Strategy, to: string): Pair[] {
  const grouped = (source: string, filter: string) => `
    SELECT instrument, client, substr(first_key, instr(first_key, '|') + 1) AS first, substr(last_key, instr(last_key, '|') + 1) AS last
    FROM (
      SELECT a.instrument_id AS instrument, a.client_id AS client, min(a.order_key) AS first_key, max(a.order_key) AS last_key
      FROM ${source} WHERE a.taken_on <= @to
      GROUP BY a.client_id, a.instrument_id HAVING count(*) >= 2
    ) ${filter}`;
  const sql =
    strategy === 'direct'
      ? grouped(rowsOf('served', 'assessment_order', 'a'), '')
      : grouped('assessment_order a', 'WHERE client NOT IN (SELECT id FROM temp.report_others)');
  return db.prepare<[object], Pair>(sql).all({ to });
}

function assessmentChange(db: Db, pairs: Pair[]): Pick<Figures, 'assessment' | 'improvedClients'> {
  const domains = db
    .prepare<[], { id: string; instrument_id: string; code: string; label: string }>('SELECT id, instrument_id, code, label FROM instrument_domains ORDER BY position')
    .all();
  const order = new Map<string, typeof domains>();
  for (const d of domains) order.set(d.instrument_id, [...(order.get(d.instrument_id) ?? []), d]);
  const perDomain = new Map<string, { clients: number; sum: number; improved: number }>();
  const assessed = new Set<string>();
  const improved = new Set<string>();
  for (const pair of pairs) {
    // Assessed twice or more on the instrument, whether or not any domain was scored both times.
    assessed.add(pair.client);
    const list = order.get(pair.instrument) ?? [];
    const n = Math.min(pair.first.length, pair.last.length, list.length);
    for (let i = 0; i < n; i += 1) {
      const first = pair.first.charCodeAt(i) - 48;
      const last = pair.last.charCodeAt(i) - 48;
      // '.' (not scored) reads as a negative number here: only a domain scored both times counts.
      if (first < 1 || last < 1) continue;
      const change = last - first;
      const id = list[i]!.id;
      const tally = perDomain.get(id) ?? { clients: 0, sum: 0, improved: 0 };
      tally.clients += 1;
      tally.sum += change;
      if (change >= 1) {
        tally.improved += 1;
        improved.add(pair.client);
      }
      perDomain.set(id, tally);
    }
  }
  const byId = new Map(domains.map((d) => [d.id, d]));
  const assessment = [...perDomain].map(([id, t]) => {
    const d = byId.get(id)!;
    return { domain: d.code, label: (JSON.parse(d.label) as { en: string }).en, clients: t.clients, meanChange: Math.round((t.sum / t.clients) * 100) / 100, improved: t.improved };
  });
  assessment.sort((a, b) => a.domain.localeCompare(b.domain));
  return { assessment, improvedClients: { assessed: assessed.size, improved: improved.size } };
}

const OWN_FACTS = ['age', 'ttype', 'gender', 'citizenship', 'source'] as const;

/**
 * The served people's own facts (population table alone), in one grouped pass: each combination of
 * the five breakdowns with its people, new people and family members, tallied here per breakdown.
 */
function ownFacts(db: Db): { served: { total: number; fresh: number }; family: number; by: Record<(typeof OWN_FACTS)[number], Breakdown> } {
  const groups = db
    .prepare<[], Record<(typeof OWN_FACTS)[number], string | null> & { n: number; fresh: number; family: number }>(
      `SELECT CASE minor WHEN 1 THEN 'minor' WHEN 0 THEN 'adult' ELSE 'unknown' END AS age, ttype, gender, citizenship, source,
         count(*) AS n, coalesce(sum(is_new), 0) AS fresh, coalesce(sum(family_served), 0) AS family
       FROM temp.report_clients GROUP BY 1, 2, 3, 4, 5`,
    )
    .all();
  const served = { total: 0, fresh: 0 };
  let family = 0;
  // Keyed by the stored value (null apart, as GROUP BY keeps it), named "not recorded" at the end.
  const tallies = Object.fromEntries(OWN_FACTS.map((f) => [f, new Map<string | null, number>()])) as Record<(typeof OWN_FACTS)[number], Map<string | null, number>>;
  for (const g of groups) {
    served.total += g.n;
    served.fresh += g.fresh;
    family += g.family;
    for (const f of OWN_FACTS) {
      tallies[f].set(g[f], (tallies[f].get(g[f]) ?? 0) + g.n);
    }
  }
  const by = Object.fromEntries(
    OWN_FACTS.map((f) => [f, [...tallies[f]].map(([key, count]) => ({ key: key ?? NOT_RECORDED, count })).sort((a, b) => a.key.localeCompare(b.key))]),
  ) as Record<(typeof OWN_FACTS)[number], Breakdown>;
  return { served, family, by };
}

export function computeFigures(db: Db, period: Period, forced?: Strategy): Figures {
  try {
    const strategy = preparePopulation(db, period, forced);
    const read = new Reader(db, strategy, { from: period.from, to: period.to });
    const own = ownFacts(db);
    const served = own.served;
    const ageAtIntake = own.by.age;
    // From service_days (migration 0210): one row per person, category and day with services. A
    // person counts once per category, on the period's row whose previous day in that category is
    // before the period (or none); encounters are the rows' services. For everyone, the categories in
    // use are found by hopping along the category index (one seek each), then each category's
    // period is one range of that index.
    const services = read
      .tally<{ category: string; clients: number; encounters: number }>(
        (p) => `WITH RECURSIVE used(category) AS (
                  SELECT min(category) FROM service_days
                  UNION ALL SELECT (SELECT min(category) FROM service_days WHERE category > used.category) FROM used WHERE used.category IS NOT NULL
                )
                SELECT s.category, sum(s.prev_on IS NULL OR s.prev_on < @from) AS clients, sum(s.encounters) AS encounters FROM ${rowsOf(p, 'service_days', 's')}
                WHERE s.date BETWEEN @from AND @to ${p === 'everyone' ? 'AND s.category IN (SELECT category FROM used)' : ''} GROUP BY s.category`,
        'category',
        ['clients', 'encounters'],
      )
      .sort((a, b) => a.category.localeCompare(b.category));
    // Referrals, milestones and exits have few rows in a period (fewer than the people not served),
    // so a complement read looks up each row's person instead of reading every other person's rows.
    // Statuses as they stood on the period's last day, from the dated history (status_events): the
    // latest event dated on or before the last day (same day: the later entry); before its first
    // event a referral is "sent" and a goal "open". Events dated after the period are never read.
    const referralStatus = (p: Population) =>
      `SELECT coalesce(substr((SELECT ${LATEST} FROM status_events e WHERE e.subject = 'referral' AND e.subject_id = r.id AND e.effective_on <= @to), ${STATUS_AT}), 'sent') AS key,
              (SELECT min(e.effective_on) FROM status_events e WHERE e.subject = 'referral' AND e.subject_id = r.id AND e.status IN ('accepted', 'completed') AND e.effective_on <= @to) AS accepted_on,
              r.sent_on
       FROM ${rowsOf(p, 'referrals', 'r')} WHERE r.sent_on BETWEEN @from AND @to`;
    // One read gives both: each status with, for those accepted by the last day, the days to match.
    const referralGroups = read.tally<{ key: string; matched: number; d: number | null; count: number }>(
      (p) => `SELECT key, accepted_on IS NOT NULL AS matched, julianday(accepted_on) - julianday(sent_on) AS d, count(*) AS count FROM (${referralStatus(p)}) GROUP BY 1, 2, 3`,
      'key',
      ['count'],
      'filter',
    );
    const byStatus = new Map<string, number>();
    const matchDays: number[] = [];
    for (const g of referralGroups) {
      byStatus.set(g.key, (byStatus.get(g.key) ?? 0) + g.count);
      if (g.matched) for (let i = 0; i < g.count; i += 1) matchDays.push(g.d as number);
    }
    matchDays.sort((a, b) => a - b);
    const referrals = [...byStatus].map(([key, count]) => ({ key, count })).sort((a, b) => a.key.localeCompare(b.key));
    const mid = matchDays.length / 2;
    const median = matchDays.length === 0 ? null : matchDays.length % 2 ? matchDays[Math.floor(mid)]! : (matchDays[mid - 1]! + matchDays[mid]!) / 2;
    const goals = goalsAtEnd(read);
    const change = assessmentChange(db, assessmentPairs(db, strategy, period.to));
    // Granted on a day of the period (the last status entered for that day is "granted"), each
    // milestone once; what happened to it afterwards does not take it out.
    const milestones = read.breakdown(
      (p) => `SELECT m.kind AS key, count(DISTINCT m.id) AS count FROM ${rowsOf(p, 'status_events', 'e')} JOIN milestones m ON m.id = e.subject_id
              WHERE e.subject = 'milestone' AND e.status = 'granted' AND e.effective_on BETWEEN @from AND @to
                AND NOT EXISTS (SELECT 1 FROM status_events l WHERE l.subject = 'milestone' AND l.subject_id = e.subject_id AND l.effective_on = e.effective_on AND l.id > e.id)
              GROUP BY 1`,
      'filter',
    );
    // Each case once, by its last closure in the period.
    const exits = read.breakdown(
      (p) => `SELECT k.destination AS key, count(*) AS count FROM ${rowsOf(p, 'case_closures', 'k')}
              WHERE k.closed_on BETWEEN @from AND @to
                AND NOT EXISTS (SELECT 1 FROM case_closures later WHERE later.client_id = k.client_id AND later.id > k.id AND later.closed_on BETWEEN @from AND @to)
              GROUP BY 1`,
      'filter',
    );
    const family = own.family;
    const outreach = db
      .prepare<[{ from: string; to: string; worker: string | null }], { contacts: number; people: number; minutes: number }>(
        `SELECT count(*) AS contacts, coalesce(sum(people), 0) AS people, coalesce(sum(minutes), 0) AS minutes FROM outreach_contacts
         WHERE date BETWEEN @from AND @to AND (@worker IS NULL OR created_by = @worker)`,
      )
      .get({ from: period.from, to: period.to, worker: period.workerId })!;
    return {
      served: { total: served.total, new: served.fresh, continuing: served.total - served.fresh },
      ageAtIntake,
      traffickingType: own.by.ttype,
      gender: own.by.gender,
      citizenship: own.by.citizenship,
      referralSource: own.by.source,
      services,
      referrals,
      daysToMatch: { median, matched: matchDays.length },
      goals,
      assessment: change.assessment,
      improvedClients: change.improvedClients,
      milestones,
      exits,
      familyMembersServed: family,
      outreach,
    };
  } finally {
    dropTemp(db);
  }
}
