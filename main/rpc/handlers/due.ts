// Main process (plain Node). Never imports electron.
// "What's due" for the signed-in person, across their cases: goal steps and goals coming due or
// overdue (14 days ahead), milestone clocks (30 days), consents about to expire (30 days), and
// referrals with no answer after 14 days.
import { localIsoDate } from '../../cases/dates';
import { EXPIRING_WITHIN_DAYS } from '../../cases/consent-status';
import type { Output } from '../../../shared/contract';
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

const STEP_HORIZON_DAYS = 14;
const MILESTONE_HORIZON_DAYS = 30;
const APPOINTMENT_HORIZON_DAYS = 7;
export const REFERRAL_WAIT_DAYS = 14;
const MAX_ITEMS = 500;

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The person's own active cases: assigned to them or opened by them. */
const MINE = `c.status = 'active' AND (c.assigned_worker_id = @me OR c.created_by = @me)`;

/**
 * Two ways to read each list, chosen by how many cases the person holds. With a caseworker's few
 * dozen cases, start from the cases (their indexes) and read each case's items. With thousands (one
 * person holding a whole agency's cases), walk the list's date index in order and stop at the cap.
 * Either way the work is bounded; both give the same items (tested).
 */
export type DueShape = 'by-case' | 'by-date';
export const BY_DATE_FROM_CASES = 2_000;

interface Row {
  item_id: string;
  client_id: string;
  case_number: string;
  chosen_name: string;
  date: string;
  label: string;
}

type Kind = 'goal_step' | 'goal_target' | 'milestone' | 'consent' | 'referral' | 'document_expiry' | 'appointment';

/** Each list: its columns, its conditions, and its tables joined in both orders (CROSS JOIN fixes the order). */
const lists: { kind: Kind; select: string; where: string; byDate: string; byCase: string }[] = [
  {
    kind: 'goal_step',
    select: 's.id AS item_id, s.due_date AS date, s.text AS label',
    where: "s.done_on IS NULL AND s.due_date <= @stepHorizon AND g.status = 'open'",
    byDate: 'goal_steps s CROSS JOIN goals g ON g.id = s.goal_id CROSS JOIN clients c ON c.id = g.client_id',
    byCase: 'clients c CROSS JOIN goals g ON g.client_id = c.id CROSS JOIN goal_steps s ON s.goal_id = g.id',
  },
  {
    kind: 'goal_target',
    select: 'g.id AS item_id, g.target_date AS date, g.title AS label',
    where: "g.status = 'open' AND g.target_date <= @stepHorizon",
    byDate: 'goals g CROSS JOIN clients c ON c.id = g.client_id',
    byCase: 'clients c CROSS JOIN goals g ON g.client_id = c.id',
  },
  {
    kind: 'milestone',
    select: 'm.id AS item_id, m.due_on AS date, m.kind AS label',
    where: "m.due_on IS NOT NULL AND m.due_on <= @milestoneHorizon AND m.status IN ('requested', 'granted')",
    byDate: 'milestones m CROSS JOIN clients c ON c.id = m.client_id',
    byCase: 'clients c CROSS JOIN milestones m ON m.client_id = c.id',
  },
  {
    kind: 'consent',
    select: 'k.id AS item_id, k.expiry_date AS date, k.kind AS label',
    where: 'k.revoked_on IS NULL AND k.expiry_date >= @today AND k.expiry_date <= @consentHorizon',
    byDate: 'consents k CROSS JOIN clients c ON c.id = k.client_id',
    byCase: 'clients c CROSS JOIN consents k ON k.client_id = c.id',
  },
  {
    kind: 'referral',
    select: 'r.id AS item_id, r.sent_on AS date, r.service AS label',
    where: "r.status = 'sent' AND r.sent_on <= @waitedSince",
    byDate: 'referrals r CROSS JOIN clients c ON c.id = r.client_id',
    byCase: 'clients c CROSS JOIN referrals r ON r.client_id = c.id',
  },
  {
    // Documents (passport, work permit) expiring within 30 days or already expired; the label is the type, never the title.
    kind: 'document_expiry',
    select: 'd.id AS item_id, d.expiry_date AS date, d.type AS label',
    where: 'd.expiry_date IS NOT NULL AND d.expiry_date <= @milestoneHorizon',
    byDate: 'documents d CROSS JOIN clients c ON c.id = d.client_id',
    byCase: 'clients c CROSS JOIN documents d ON d.client_id = c.id',
  },
  {
    // Booked appointments in the coming week, and past ones whose attendance is not marked yet.
    kind: 'appointment',
    select: 'a.id AS item_id, a.date AS date, a.kind AS label',
    where: "a.status = 'booked' AND a.date <= @appointmentHorizon",
    byDate: 'appointments a CROSS JOIN clients c ON c.id = a.client_id',
    byCase: 'clients c CROSS JOIN appointments a ON a.client_id = c.id',
  },
];

export type DueItem = Output<'due.list'>['items'][number];

/** The person's due items on `now`'s local day, read in the given shape (chosen by caseload size when omitted). */
export function dueItems(db: Db, userId: string, now: Date, forced?: DueShape): DueItem[] {
  const today = localIsoDate(now);
  const params = {
    me: userId,
    stepHorizon: shift(today, STEP_HORIZON_DAYS),
    milestoneHorizon: shift(today, MILESTONE_HORIZON_DAYS),
    consentHorizon: shift(today, EXPIRING_WITHIN_DAYS),
    today,
    waitedSince: shift(today, -REFERRAL_WAIT_DAYS),
    appointmentHorizon: shift(today, APPOINTMENT_HORIZON_DAYS),
  };
  // Counting stops once the answer is known.
  const held = stmt<[typeof params], { n: number }>(db, `SELECT count(*) AS n FROM (SELECT 1 FROM clients c WHERE ${MINE} LIMIT ${BY_DATE_FROM_CASES + 1})`).get(params)!.n;
  const shape: DueShape = forced ?? (held > BY_DATE_FROM_CASES ? 'by-date' : 'by-case');
  const columns = 'c.id AS client_id, c.case_number, c.chosen_name';
  const groups = lists.map((list) => ({
    kind: list.kind,
    rows: stmt<[typeof params], Row>(
      db,
      `SELECT ${list.select}, ${columns} FROM ${shape === 'by-date' ? list.byDate : list.byCase}
       WHERE ${list.where} AND ${MINE} ORDER BY date, item_id LIMIT ${MAX_ITEMS}`,
    ).all(params),
  }));
  return groups
    .flatMap(({ kind, rows }) =>
      rows.map((r) => ({
        kind,
        clientId: r.client_id,
        caseNumber: r.case_number,
        chosenName: r.chosen_name,
        date: r.date,
        // A referral waiting for an answer is overdue by definition; the rest when their date has passed.
        overdue: kind === 'referral' || r.date < today,
        label: r.label,
        itemId: r.item_id,
      })),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.caseNumber.localeCompare(b.caseNumber) || a.itemId.localeCompare(b.itemId))
    .slice(0, MAX_ITEMS);
}

export const listDue: Handler<'due.list'> = (_input, ctx) => ({ items: dueItems(ctx.db, ctx.user.id, ctx.now()) });
