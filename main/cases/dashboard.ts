// Main process (plain Node). Never imports electron.
// The supervisor dashboard (issue 16 §4): each figure is one counting query over an index, and the
// same condition lists the cases behind it. Only active cases count. "No contact" reads the contact
// log where this store has one, otherwise the last service or case note.
import type { z } from 'zod';
import type { DashboardFigure, DashboardList, DashboardSummary } from '../../shared/schemas/dashboard';
import { dataQuality } from '../reports/data-quality';
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';
import { tableExists } from '../sync/engine/tables';
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

/** Each overdue item as (client_id, date), from the partial date indexes; the same rules as "What's due". */
const OVERDUE = `
  SELECT g.client_id, s.due_date AS date FROM goal_steps s JOIN goals g ON g.id = s.goal_id
    WHERE s.done_on IS NULL AND s.due_date < @today AND g.status = 'open'
  UNION ALL SELECT client_id, target_date FROM goals WHERE status = 'open' AND target_date < @today
  UNION ALL SELECT client_id, due_on FROM milestones WHERE due_on IS NOT NULL AND due_on < @today AND status IN ('requested', 'granted')
  UNION ALL SELECT client_id, sent_on FROM referrals WHERE status = 'sent' AND sent_on <= @waitedSince`;

const CONSENTS = `SELECT client_id, expiry_date AS date FROM consents WHERE revoked_on IS NULL AND expiry_date >= @today AND expiry_date <= @consentHorizon`;

function lastContactSources(db: Db): { sql: string; basis: 'contacts' | 'services-and-notes' } {
  // The contact log (issue 16 §2) is kept by another part of the app; read it when this store has it.
  if (tableExists(db, 'contacts')) {
    return { sql: `SELECT 1 FROM contacts x WHERE x.client_id = c.id AND x.date >= @noContactSince`, basis: 'contacts' };
  }
  return {
    sql: `SELECT 1 FROM services x WHERE x.client_id = c.id AND x.date >= @noContactSince
          UNION ALL SELECT 1 FROM case_notes x WHERE x.client_id = c.id AND x.date >= @noContactSince`,
    basis: 'services-and-notes',
  };
}

function appointmentsSql(db: Db): string | null {
  if (!tableExists(db, 'appointments')) return null;
  const columns = db.prepare("SELECT name FROM pragma_table_info('appointments')").pluck().all() as string[];
  const date = ['date', 'on_date', 'starts_on', 'day'].find((c) => columns.includes(c));
  if (!date || !columns.includes('client_id')) return null;
  const notCancelled = columns.includes('status') ? ` AND status <> 'cancelled'` : '';
  return `SELECT client_id, ${date} AS date FROM appointments WHERE substr(${date}, 1, 10) BETWEEN @weekStart AND @weekEnd${notCancelled}`;
}

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
  const count = (sql: string): number => stmt<[Params], { n: number }>(db, `SELECT count(*) AS n FROM (${sql}) x JOIN clients c ON c.id = x.client_id WHERE c.status = 'active'`).get(p)!.n;
  const contact = lastContactSources(db);
  const appointments = appointmentsSql(db);
  const period = reportPeriod(p.today);
  const quality = dataQuality(db, { ...period, workerId: null, preset: 'standard' }, true);
  return {
    today: p.today,
    caseload: caseload
      .filter((r) => r.active === 1 || r.primary_n + r.secondary_n > 0)
      .map((r) => ({ workerId: r.id, displayName: r.display_name, active: r.active === 1, primary: r.primary_n, secondary: r.secondary_n })),
    unassigned: stmt<[], { n: number }>(db, "SELECT count(*) AS n FROM clients WHERE assigned_worker_id IS NULL AND status = 'active'").get()!.n,
    overdue: count(OVERDUE),
    consentsExpiring: count(CONSENTS),
    appointmentsThisWeek: appointments ? count(appointments) : null,
    noContact: {
      days: noContactDays,
      count: stmt<[Params], { n: number }>(db, `SELECT count(*) AS n FROM clients c WHERE c.status = 'active' AND NOT EXISTS (${contact.sql})`).get(p)!.n,
      basis: contact.basis,
    },
    missingFields: { ...period, count: quality.casesToFixCount },
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
      sql = byItems(appointmentsSql(db) ?? 'SELECT NULL AS client_id, NULL AS date WHERE 0');
      break;
    case 'no-contact':
      sql = `SELECT ${CASE_COLUMNS}, NULL AS date FROM clients c ${WORKER_JOIN}
             WHERE c.status = 'active' AND NOT EXISTS (${lastContactSources(db).sql}) ORDER BY c.case_number LIMIT ${LIST_LIMIT + 1}`;
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
