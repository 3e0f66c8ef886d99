// Main process (plain Node). Never imports electron.
// The supervisor dashboard (issue 16 §4): each figure is one counting query over an index, and the
// same condition lists the cases behind it. Only active cases count. "No contact" means no entry in
// the contact log, no service and no case note in the last N days.
import type { z } from 'zod';
import type { DashboardFigure, DashboardList, DashboardSummary } from '../../shared/schemas/dashboard';
import { dataQuality } from '../reports/data-quality';
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';
import { EXPIRING_WITHIN_DAYS } from './consent-status';
import { localIsoDate } from './dates';

const LIST_LIMIT = 500;
/** As on "What's due": a referral with no answer after 14 days is overdue. */
const REFERRAL_WAIT_DAYS = 14;

export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Params {
  today: string;
  consentHorizon: string;
  waitedSince: string;
  noContactSince: string;
  weekStart: string;
  weekEnd: string;
}

export function dashboardParams(now: Date, noContactDays: number): Params {
  const today = localIsoDate(now);
  const weekday = (now.getDay() + 6) % 7; // Monday first
  const weekStart = shiftDays(today, -weekday);
  return {
    today,
    consentHorizon: shiftDays(today, EXPIRING_WITHIN_DAYS),
    waitedSince: shiftDays(today, -REFERRAL_WAIT_DAYS),
    noContactSince: shiftDays(today, -noContactDays),
    weekStart,
    weekEnd: shiftDays(weekStart, 6),
  };
}

/** Cases still open: every count leaves out the (usually few) closed cases, from an index held in memory. */
const OPEN_CASE = (column: string) => `${column} NOT IN (SELECT id FROM clients WHERE status = 'closed')`;

/**
 * Each overdue item as (client_id, date), the same rules as "What's due", each read from a date index
 * that also holds the case (migrations 0160 and 0220: a step carries its case and whether its goal is
 * open), so a count touches no table row.
 */
const OVERDUE_PARTS = [
  `SELECT client_id, due_date AS date FROM goal_steps INDEXED BY goal_steps_overdue
    WHERE done_on IS NULL AND goal_open = 1 AND due_date < @today AND ${OPEN_CASE('client_id')}`,
  `SELECT client_id, target_date AS date FROM goals INDEXED BY goals_open_target_client
    WHERE status = 'open' AND target_date < @today AND ${OPEN_CASE('client_id')}`,
  `SELECT client_id, due_on AS date FROM milestones INDEXED BY milestones_due_client
    WHERE due_on IS NOT NULL AND due_on < @today AND status IN ('requested', 'granted') AND ${OPEN_CASE('client_id')}`,
  `SELECT client_id, sent_on AS date FROM referrals INDEXED BY referrals_waiting_client
    WHERE status = 'sent' AND sent_on <= @waitedSince AND ${OPEN_CASE('client_id')}`,
];
const OVERDUE = OVERDUE_PARTS.join('\n  UNION ALL ');

const CONSENTS = `SELECT client_id, expiry_date AS date FROM consents INDEXED BY consents_open_expiry_client
  WHERE revoked_on IS NULL AND expiry_date >= @today AND expiry_date <= @consentHorizon AND ${OPEN_CASE('client_id')}`;

/** Appointments this week that still stand (booked, attended or missed; not cancelled or moved). */
const APPOINTMENTS = `SELECT client_id, date FROM appointments INDEXED BY appointments_date_client
  WHERE date BETWEEN @weekStart AND @weekEnd || 'T99' AND status IN ('booked', 'attended', 'no_show') AND ${OPEN_CASE('client_id')}`;

/**
 * Active cases with no contact in the period: no contact-log entry, service or case note since then
 * (clients.last_contact_on holds the latest of the three, kept by triggers; migration 0220).
 */
const NO_CONTACT = `c.status = 'active' AND (c.last_contact_on IS NULL OR c.last_contact_on < @noContactSince)`;

/** The period of the next funder report: this calendar quarter so far. */
function reportPeriod(today: string): { from: string; to: string } {
  const month = Number(today.slice(5, 7));
  const first = String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0');
  return { from: `${today.slice(0, 4)}-${first}-01`, to: today };
}

export function dashboardSummary(db: Db, now: Date, noContactDays: number): z.infer<typeof DashboardSummary> {
  const p = dashboardParams(now, noContactDays);
  const caseload = stmt<[], { id: string; display_name: string; active: number; primary_n: number; secondary_n: number }>(
    db,
    `SELECT u.id, u.display_name, u.active,
       (SELECT count(*) FROM clients c WHERE c.assigned_worker_id = u.id AND c.status = 'active') AS primary_n,
       (SELECT count(*) FROM clients c WHERE c.secondary_worker_id = u.id AND c.status = 'active') AS secondary_n
     FROM users u WHERE u.role <> 'auditor' ORDER BY u.display_name COLLATE NOCASE`,
  ).all();
  const count = (sql: string): number => stmt<[Params], { n: number }>(db, `SELECT count(*) AS n FROM (${sql})`).get(p)!.n;
  return {
    today: p.today,
    caseload: caseload
      .filter((r) => r.active === 1 || r.primary_n + r.secondary_n > 0)
      .map((r) => ({ workerId: r.id, displayName: r.display_name, active: r.active === 1, primary: r.primary_n, secondary: r.secondary_n })),
    unassigned: stmt<[], { n: number }>(db, "SELECT count(*) AS n FROM clients WHERE assigned_worker_id IS NULL AND status = 'active'").get()!.n,
    // Counted part by part: a count over the UNION ALL passes every row through a co-routine (about twice as slow).
    overdue: stmt<[Params], { n: number }>(db, `SELECT ${OVERDUE_PARTS.map((part) => `(SELECT count(*) FROM (${part}))`).join(' + ')} AS n`).get(p)!.n,
    consentsExpiring: count(CONSENTS),
    appointmentsThisWeek: count(APPOINTMENTS),
    noContact: {
      days: noContactDays,
      count: stmt<[Params], { n: number }>(
        db,
        `SELECT (SELECT count(*) FROM clients INDEXED BY clients_status_contact WHERE status = 'active' AND last_contact_on IS NULL)
              + (SELECT count(*) FROM clients INDEXED BY clients_status_contact WHERE status = 'active' AND last_contact_on < @noContactSince) AS n`,
      ).get(p)!.n,
    },
    // Counted by reports.dataQuality for this period (the screen asks for it beside these figures).
    reportPeriod: reportPeriod(p.today),
  };
}

type ListRow = { client_id: string; case_number: string; chosen_name: string; worker: string | null; date: string | null };
const CASE_COLUMNS = 'c.id AS client_id, c.case_number, c.chosen_name, w.display_name AS worker';
const WORKER_JOIN = 'LEFT JOIN users w ON w.id = c.assigned_worker_id';

/** The cases behind one figure (active cases; the viewer sees every case, the caller checks the role). */
export function dashboardCases(db: Db, now: Date, input: { figure: DashboardFigure; workerId?: string | undefined; noContactDays: number }): z.infer<typeof DashboardList> {
  const p = { ...dashboardParams(now, input.noContactDays), worker: input.workerId ?? null };
  // Each case's earliest item first, then the cases: left to itself the planner walks every active
  // case and looks each one up in the items (about twice as slow at 100,000 cases).
  const byItems = (sql: string) =>
    `WITH x AS MATERIALIZED (SELECT client_id, min(date) AS date FROM (${sql}) GROUP BY client_id)
     SELECT ${CASE_COLUMNS}, x.date FROM x CROSS JOIN clients c ON c.id = x.client_id ${WORKER_JOIN}
     WHERE c.status = 'active' ORDER BY x.date, c.case_number LIMIT ${LIST_LIMIT + 1}`;
  let sql: string;
  switch (input.figure) {
    case 'worker':
      sql = `SELECT ${CASE_COLUMNS}, NULL AS date FROM clients c ${WORKER_JOIN}
             WHERE c.status = 'active' AND (c.assigned_worker_id = @worker OR c.secondary_worker_id = @worker) ORDER BY c.case_number LIMIT ${LIST_LIMIT + 1}`;
      break;
    case 'unassigned':
      sql = `SELECT ${CASE_COLUMNS}, NULL AS date FROM clients c ${WORKER_JOIN} WHERE c.status = 'active' AND c.assigned_worker_id IS NULL ORDER BY c.case_number LIMIT ${LIST_LIMIT + 1}`;
      break;
    case 'overdue':
      sql = byItems(OVERDUE);
      break;
    case 'consents':
      sql = byItems(CONSENTS);
      break;
    case 'appointments':
      sql = byItems(APPOINTMENTS);
      break;
    case 'no-contact':
      sql = `SELECT ${CASE_COLUMNS}, NULL AS date FROM clients c ${WORKER_JOIN}
             WHERE ${NO_CONTACT} ORDER BY c.case_number LIMIT ${LIST_LIMIT + 1}`;
      break;
    case 'missing-fields': {
      const period = reportPeriod(p.today);
      const ids = (dataQuality(db, { ...period, workerId: null, preset: 'standard' }, true).casesToFix ?? []).map((c) => c.clientId);
      sql = `SELECT ${CASE_COLUMNS}, NULL AS date FROM json_each(@ids) j JOIN clients c ON c.id = j.value ${WORKER_JOIN} ORDER BY c.case_number LIMIT ${LIST_LIMIT + 1}`;
      Object.assign(p, { ids: JSON.stringify(ids) });
      break;
    }
  }
  const rows = stmt<[typeof p], ListRow>(db, sql).all(p);
  return {
    cases: rows.slice(0, LIST_LIMIT).map((r) => ({ clientId: r.client_id, caseNumber: r.case_number, chosenName: r.chosen_name, workerName: r.worker, date: r.date })),
    truncated: rows.length > LIST_LIMIT,
  };
}
