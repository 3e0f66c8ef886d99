// Main process (plain Node). Never imports electron.
// "What's due" for the signed-in person, across their cases: goal steps and goals coming due or
// overdue (14 days ahead), milestone clocks (30 days), consents about to expire (30 days), and
// referrals with no answer after 14 days. Each query starts from a date index, not from the cases.
import { localIsoDate } from '../../cases/dates';
import { EXPIRING_WITHIN_DAYS } from '../../cases/consent-status';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

const STEP_HORIZON_DAYS = 14;
const MILESTONE_HORIZON_DAYS = 30;
export const REFERRAL_WAIT_DAYS = 14;
const MAX_ITEMS = 500;

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The person's own active cases: assigned to them or opened by them. */
const MINE = `c.status = 'active' AND (c.assigned_worker_id = @me OR c.created_by = @me)`;

interface Row {
  item_id: string;
  client_id: string;
  case_number: string;
  chosen_name: string;
  date: string;
  label: string;
}

export const listDue: Handler<'due.list'> = (_input, ctx) => {
  const today = localIsoDate(ctx.now());
  const params = {
    me: ctx.user.id,
    stepHorizon: shift(today, STEP_HORIZON_DAYS),
    milestoneHorizon: shift(today, MILESTONE_HORIZON_DAYS),
    consentHorizon: shift(today, EXPIRING_WITHIN_DAYS),
    today,
    waitedSince: shift(today, -REFERRAL_WAIT_DAYS),
  };
  // Each list walks its date index in order and stops at the cap, so a long overdue backlog stays fast.
  const query = (sql: string) => stmt<[typeof params], Row>(ctx.db, `${sql} ORDER BY date LIMIT ${MAX_ITEMS}`).all(params);
  const columns = 'c.id AS client_id, c.case_number, c.chosen_name';
  const groups: { kind: 'goal_step' | 'goal_target' | 'milestone' | 'consent' | 'referral'; rows: Row[] }[] = [
    {
      kind: 'goal_step',
      rows: query(`SELECT s.id AS item_id, ${columns}, s.due_date AS date, s.text AS label
        FROM goal_steps s JOIN goals g ON g.id = s.goal_id JOIN clients c ON c.id = g.client_id
        WHERE s.done_on IS NULL AND s.due_date <= @stepHorizon AND g.status = 'open' AND ${MINE}`),
    },
    {
      kind: 'goal_target',
      rows: query(`SELECT g.id AS item_id, ${columns}, g.target_date AS date, g.title AS label
        FROM goals g JOIN clients c ON c.id = g.client_id
        WHERE g.status = 'open' AND g.target_date <= @stepHorizon AND ${MINE}`),
    },
    {
      kind: 'milestone',
      rows: query(`SELECT m.id AS item_id, ${columns}, m.due_on AS date, m.kind AS label
        FROM milestones m JOIN clients c ON c.id = m.client_id
        WHERE m.due_on IS NOT NULL AND m.due_on <= @milestoneHorizon AND m.status IN ('requested', 'granted') AND ${MINE}`),
    },
    {
      kind: 'consent',
      rows: query(`SELECT k.id AS item_id, ${columns}, k.expiry_date AS date, k.kind AS label
        FROM consents k JOIN clients c ON c.id = k.client_id
        WHERE k.revoked_on IS NULL AND k.expiry_date >= @today AND k.expiry_date <= @consentHorizon AND ${MINE}`),
    },
    {
      kind: 'referral',
      rows: query(`SELECT r.id AS item_id, ${columns}, r.sent_on AS date, r.service AS label
        FROM referrals r JOIN clients c ON c.id = r.client_id
        WHERE r.status = 'sent' AND r.sent_on <= @waitedSince AND ${MINE}`),
    },
  ];
  const items = groups
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
    .sort((a, b) => a.date.localeCompare(b.date) || a.caseNumber.localeCompare(b.caseNumber))
    .slice(0, MAX_ITEMS);
  return { items };
};
