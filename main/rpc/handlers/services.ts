// Main process (plain Node). Never imports electron.
// Services delivered: logged, corrected and removed. A correction or a removal names its reason (a
// code), and both go into the case history; the reports read the services table as it now stands, so
// they count the corrected values and no longer count a removed service. Plain SQL on a synced table:
// with team sync on, the table's triggers carry the change to the case's document like any other write.
import type { z } from 'zod';
import type { EditServiceInput } from '../../../shared/schemas/planning';
import { clientOwning, workingOn } from '../../cases/owner';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { DataContext, Handler } from '../types';
import { newId } from '../../store/ids';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';

/** The case's history gets the change; the case counts as updated now. */
export function touched(ctx: DataContext, clientId: string, section: string, field: string): void {
  const at = ctx.now().toISOString();
  recordChanges(ctx.db, clientId, at, ctx.user.id, section, [field]);
  updateClientColumns(ctx.db, clientId, {}, at);
}

type ServiceFields = Omit<z.output<typeof EditServiceInput>, 'serviceId' | 'reason'>;

function assertGoalOf(ctx: DataContext, goalId: string | null, clientId: string): void {
  if (goalId === null) return;
  const goal = stmt<[string], { client_id: string }>(ctx.db, 'SELECT client_id FROM goals WHERE id = ?').get(goalId);
  if (!goal || goal.client_id !== clientId) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'goalId', message: "Choose one of this person's goals." }]);
  }
}

function checked(ctx: DataContext, clientId: string, input: ServiceFields): ServiceFields {
  assertGoalOf(ctx, input.goalId, clientId);
  if (input.partnerId !== null && !stmt(ctx.db, 'SELECT 1 FROM partners WHERE id = ?').get(input.partnerId)) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'partnerId', message: 'Choose a partner from the directory.' }]);
  }
  return { ...input, partnerId: input.provider === 'partner' ? input.partnerId : null };
}

export const addService: Handler<'services.add'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const s = checked(ctx, client.id, input);
  const id = newId();
  stmt(
    ctx.db,
    `INSERT INTO services (id, client_id, date, category, provider, partner_id, minutes, amount_cents, goal_id, note, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, client.id, s.date, s.category, s.provider, s.partnerId, s.minutes, s.amountCents, s.goalId, s.note, ctx.now().toISOString(), ctx.user.id);
  touched(ctx, client.id, 'services', `added:${input.category}`);
  return { id };
};

export const editService: Handler<'services.edit'> = (input, ctx) => {
  const client = clientOwning(ctx, 'service', input.serviceId);
  const s = checked(ctx, client.id, input);
  stmt(
    ctx.db,
    `UPDATE services SET date = ?, category = ?, provider = ?, partner_id = ?, minutes = ?, amount_cents = ?, goal_id = ?, note = ?,
       corrected_at = ?, corrected_by = ?, correction_reason = ? WHERE id = ?`,
  ).run(s.date, s.category, s.provider, s.partnerId, s.minutes, s.amountCents, s.goalId, s.note, ctx.now().toISOString(), ctx.user.id, input.reason, input.serviceId);
  touched(ctx, client.id, 'services', `corrected:${input.category}:${input.reason}`);
  return { done: true };
};

export const removeService: Handler<'services.remove'> = (input, ctx) => {
  const client = clientOwning(ctx, 'service', input.serviceId);
  const { category } = stmt<[string], { category: string }>(ctx.db, 'SELECT category FROM services WHERE id = ?').get(input.serviceId)!;
  stmt(ctx.db, 'DELETE FROM services WHERE id = ?').run(input.serviceId);
  touched(ctx, client.id, 'services', `removed:${category}:${input.reason}`);
  return { done: true };
};
