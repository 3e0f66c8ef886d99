// Main process (plain Node). Never imports electron.
// The service plan: goals by domain with steps, and the plan as read (services are logged in services.ts).
import type { Goal, PlanOutput } from '../../../shared/schemas/planning';
import { openableClient } from '../../cases/access';
import { clientOwning, workingOn } from '../../cases/owner';
import { daysBetween } from '../../cases/dates';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';
import { touched } from './services';

/** Logging a service lives in services.ts; named here too for callers that log one from elsewhere. */
export { addService } from './services';

export const addGoal: Handler<'plan.addGoal'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const id = newId();
  stmt(
    ctx.db,
    'INSERT INTO goals (id, client_id, domain, title, target_date, responsible_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, client.id, input.domain, input.title, input.targetDate, input.responsibleId, ctx.now().toISOString(), ctx.user.id);
  const insertStep = stmt(ctx.db, 'INSERT INTO goal_steps (id, goal_id, text, due_date, position) VALUES (?, ?, ?, ?, ?)');
  input.steps.forEach((step, position) => insertStep.run(newId(), id, step.text, step.dueDate, position));
  touched(ctx, client.id, 'plan', 'goal.added');
  return { id };
};

export const setGoalStatus: Handler<'plan.setGoalStatus'> = (input, ctx) => {
  const client = clientOwning(ctx, 'goal', input.goalId);
  stmt(ctx.db, 'UPDATE goals SET status = ?, status_on = ? WHERE id = ?').run(input.status, input.on, input.goalId);
  touched(ctx, client.id, 'plan', 'goal.status');
  return { done: true };
};

export const addStep: Handler<'plan.addStep'> = (input, ctx) => {
  const client = clientOwning(ctx, 'goal', input.goalId);
  const position = stmt<[string], { n: number }>(ctx.db, 'SELECT count(*) AS n FROM goal_steps WHERE goal_id = ?').get(input.goalId)!.n;
  const id = newId();
  stmt(ctx.db, 'INSERT INTO goal_steps (id, goal_id, text, due_date, position) VALUES (?, ?, ?, ?, ?)').run(id, input.goalId, input.text, input.dueDate, position);
  touched(ctx, client.id, 'plan', 'step.added');
  return { id };
};

export const setStepDone: Handler<'plan.setStepDone'> = (input, ctx) => {
  const client = clientOwning(ctx, 'step', input.stepId);
  stmt(ctx.db, 'UPDATE goal_steps SET done_on = ? WHERE id = ?').run(input.doneOn, input.stepId);
  touched(ctx, client.id, 'plan', input.doneOn ? 'step.done' : 'step.reopened');
  return { done: true };
};

export const getPlan: Handler<'plan.get'> = (input, ctx) => {
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'plan.view', targetId: client.id });
  const goals = stmt<[string], { id: string; domain: Goal['domain']; title: string; target_date: string | null; responsible_id: string | null; responsible_name: string | null; status: Goal['status']; status_on: string | null }>(
    ctx.db,
    `SELECT g.id, g.domain, g.title, g.target_date, g.responsible_id, u.display_name AS responsible_name, g.status, g.status_on
     FROM goals g LEFT JOIN users u ON u.id = g.responsible_id WHERE g.client_id = ? ORDER BY g.created_at, g.rowid`,
  ).all(client.id);
  const steps = stmt<[string], { id: string; goal_id: string; text: string; due_date: string | null; done_on: string | null }>(
    ctx.db,
    'SELECT s.id, s.goal_id, s.text, s.due_date, s.done_on FROM goal_steps s JOIN goals g ON g.id = s.goal_id WHERE g.client_id = ? ORDER BY s.position',
  ).all(client.id);
  type Svc = PlanOutput['services'][number];
  const services = stmt<[string], { id: string; date: string; category: Svc['category']; provider: Svc['provider']; partner: string | null; partner_id: string | null; minutes: number | null; amount_cents: number | null; goal_id: string | null; note: string | null; corrected_at: string | null; correction_reason: Svc['correctionReason'] }>(
    ctx.db,
    `SELECT s.id, s.date, s.category, s.provider, p.name AS partner, s.partner_id, s.minutes, s.amount_cents, s.goal_id, s.note, s.corrected_at, s.correction_reason
     FROM services s LEFT JOIN partners p ON p.id = s.partner_id WHERE s.client_id = ? ORDER BY s.date DESC, s.created_at DESC`,
  ).all(client.id);
  const referrals = stmt<[string], { id: string; partner: string; partner_id: string; service: PlanOutput['referrals'][number]['service']; sent_on: string; status: PlanOutput['referrals'][number]['status']; status_on: string | null; accepted_on: string | null; shares_identity: number; consent_id: string | null }>(
    ctx.db,
    `SELECT r.id, p.name AS partner, r.partner_id, r.service, r.sent_on, r.status, r.status_on, r.accepted_on, r.shares_identity, r.consent_id
     FROM referrals r JOIN partners p ON p.id = r.partner_id WHERE r.client_id = ? ORDER BY r.sent_on DESC`,
  ).all(client.id);
  const milestones = stmt<[string], { id: string; kind: PlanOutput['milestones'][number]['kind']; status: PlanOutput['milestones'][number]['status']; requested_on: string | null; decided_on: string | null; expires_on: string | null; due_on: string | null; note: string | null }>(
    ctx.db,
    'SELECT id, kind, status, requested_on, decided_on, expires_on, due_on, note FROM milestones WHERE client_id = ? ORDER BY coalesce(requested_on, decided_on, created_at)',
  ).all(client.id);
  return {
    goals: goals.map((g) => ({
      id: g.id,
      domain: g.domain,
      title: g.title,
      targetDate: g.target_date,
      responsible: g.responsible_id && g.responsible_name ? { id: g.responsible_id, displayName: g.responsible_name } : null,
      status: g.status,
      statusOn: g.status_on,
      steps: steps.filter((s) => s.goal_id === g.id).map((s) => ({ id: s.id, text: s.text, dueDate: s.due_date, doneOn: s.done_on })),
    })),
    services: services.map((s) => ({
      id: s.id,
      date: s.date,
      category: s.category,
      provider: s.provider,
      partner: s.partner,
      minutes: s.minutes,
      amountCents: s.amount_cents,
      goalId: s.goal_id,
      note: s.note,
      partnerId: s.partner_id,
      correctedOn: s.corrected_at,
      correctionReason: s.correction_reason,
    })),
    referrals: referrals.map((r) => ({
      id: r.id,
      partner: r.partner,
      partnerId: r.partner_id,
      service: r.service,
      sentOn: r.sent_on,
      status: r.status,
      statusOn: r.status_on,
      sharesIdentity: r.shares_identity === 1,
      consentId: r.consent_id,
      daysToMatch: r.accepted_on ? daysBetween(r.sent_on, r.accepted_on) : null,
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      status: m.status,
      requestedOn: m.requested_on,
      decidedOn: m.decided_on,
      expiresOn: m.expires_on,
      dueOn: m.due_on,
      note: m.note,
    })),
  };
};
