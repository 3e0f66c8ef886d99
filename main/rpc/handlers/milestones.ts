// Main process (plain Node). Never imports electron.
// Legal and immigration milestones, with due-date clocks (an interim assistance letter opens a
// 90-day window to apply for certification).
import { clientOwning, workingOn } from '../../cases/owner';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

export const INTERIM_ASSISTANCE_DAYS = 90;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function defaultDue(kind: string, status: string, decidedOn: string | null, dueOn: string | null): string | null {
  if (dueOn !== null) return dueOn;
  if (kind === 'interim_assistance' && status === 'granted' && decidedOn !== null) return addDays(decidedOn, INTERIM_ASSISTANCE_DAYS);
  return null;
}

export const addMilestone: Handler<'milestones.add'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const id = newId();
  stmt(
    ctx.db,
    `INSERT INTO milestones (id, client_id, kind, status, requested_on, decided_on, expires_on, due_on, note, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    client.id,
    input.kind,
    input.status,
    input.requestedOn,
    input.decidedOn,
    input.expiresOn,
    defaultDue(input.kind, input.status, input.decidedOn, input.dueOn),
    input.note,
    ctx.now().toISOString(),
    ctx.user.id,
  );
  const at = ctx.now().toISOString();
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'milestones', [`added:${input.kind}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { id };
};

export const updateMilestone: Handler<'milestones.update'> = (input, ctx) => {
  const client = clientOwning(ctx, 'milestone', input.milestoneId);
  const { kind } = stmt<[string], { kind: string }>(ctx.db, 'SELECT kind FROM milestones WHERE id = ?').get(input.milestoneId)!;
  stmt(
    ctx.db,
    'UPDATE milestones SET status = ?, requested_on = ?, decided_on = ?, expires_on = ?, due_on = ?, note = ? WHERE id = ?',
  ).run(
    input.status,
    input.requestedOn,
    input.decidedOn,
    input.expiresOn,
    defaultDue(kind, input.status, input.decidedOn, input.dueOn),
    input.note,
    input.milestoneId,
  );
  const at = ctx.now().toISOString();
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'milestones', [`status:${input.status}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { done: true };
};
