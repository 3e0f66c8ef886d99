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
 * that also holds the case (migration 0160), so a count touches no table row.
 */
const OVERDUE = `
  SELECT g.client_id, s.due_date AS date FROM goal_steps s INDEXED BY goal_steps_open_due_goal CROSS JOIN goals g INDEXED BY goals_id_status_client ON g.id = s.goal_id
    WHERE s.done_on IS NULL AND s.due_date < @today AND g.status = 'open' AND ${OPEN_CASE('g.client_id')}
  UNION ALL SELECT client_id, target_date FROM goals INDEXED BY goals_open_target_client
    WHERE status = 'open' AND target_date < @today AND ${OPEN_CASE('client_id')}
  UNION ALL SELECT client_id, due_on FROM milestones INDEXED BY milestones_due_client
    WHERE due_on IS NOT NULL AND due_on < @today AND status IN ('requested', 'granted') AND ${OPEN_CASE('client_id')}
  UNION ALL SELECT client_id, sent_on FROM referrals INDEXED BY referrals_waiting_client
    WHERE status = 'sent' AND sent_on <= @waitedSince AND ${OPEN_CASE('client_id')}`;

const CONSENTS = `SELECT client_id, expiry_date AS date FROM consents INDEXED BY consents_open_expiry_client
  WHERE revoked_on IS NULL AND expiry_date >= @today AND expiry_date <= @consentHorizon AND ${OPEN_CASE('client_id')}`;

/** Appointments this week that still stand (booked, attended or missed; not cancelled or moved). */
const APPOINTMENTS = `SELECT client_id, date FROM appointments INDEXED BY appointments_date_client
  WHERE date BETWEEN @weekStart AND @weekEnd || 'T99' AND status IN ('booked', 'attended', 'no_show') AND ${OPEN_CASE('client_id')}`;

/** Cases with any contact in the period: a contact-log entry, a service or a case note. */
const CONTACTED = `SELECT client_id FROM contact_attempts INDEXED BY contact_attempts_date_client WHERE date >= @noContactSince
  UNION SELECT client_id FROM services INDEXED BY services_date_client WHERE date >= @noContactSince
  UNION SELECT client_id FROM case_notes INDEXED BY case_notes_date_client WHERE date >= @noContactSince`;

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
  const active = stmt<[], { n: number }>(db, "SELECT count(*) AS n FROM clients WHERE status = 'active'").get()!.n;
  return {
    today: p.today,
    caseload: caseload
      .filter((r) => r.active === 1 || r.primary_n + r.secondary_n > 0)
      .map((r) => ({ workerId: r.id, displayName: r.display_name, active: r.active === 1, primary: r.primary_n, secondary: r.secondary_n })),
    unassigned: stmt<[], { n: number }>(db, "SELECT count(*) AS n FROM clients WHERE assigned_worker_id IS NULL AND status = 'active'").get()!.n,
    overdue: count(OVERDUE),
    consentsExpiring: count(CONSENTS),
    appointmentsThisWeek: count(APPOINTMENTS),
    noContact: { days: noContactDays, count: active - count(`SELECT client_id FROM (${CONTACTED}) WHERE ${OPEN_CASE('client_id')}`) },
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
  const byItems = (sql: string) =>
    `SELECT ${CASE_COLUMNS}, min(x.date) AS date FROM (${sql}) x JOIN clients c ON c.id = x.client_id ${WORKER_JOIN}
     WHERE c.status = 'active' GROUP BY c.id ORDER BY date, c.case_number LIMIT ${LIST_LIMIT + 1}`;
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
             WHERE c.status = 'active' AND c.id NOT IN (${CONTACTED}) ORDER BY c.case_number LIMIT ${LIST_LIMIT + 1}`;
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
