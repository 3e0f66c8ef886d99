// Main process (plain Node). Never imports electron.
// Closing a case records the exit (date, reason, destination); reopening keeps all of its history.
import { workingOn } from '../../cases/owner';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

export const closeCase: Handler<'clients.close'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  if (client.status === 'closed') throw new AppError('CONFLICT', 'This case is already closed.');
  const at = ctx.now().toISOString();
  stmt(ctx.db, 'INSERT INTO case_closures (client_id, closed_on, reason, destination, closed_by) VALUES (?, ?, ?, ?, ?)').run(
    client.id,
    input.closedOn,
    input.reason,
    input.destination,
    ctx.user.id,
  );
  updateClientColumns(ctx.db, client.id, { status: 'closed' }, at);
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'case', ['closed']);
  return { done: true };
};

export const reopenCase: Handler<'clients.reopen'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  if (client.status !== 'closed') throw new AppError('CONFLICT', 'This case is open already.');
  const closure = stmt<[string], { id: number; closed_on: string }>(
    ctx.db,
    'SELECT id, closed_on FROM case_closures WHERE client_id = ? AND reopened_on IS NULL ORDER BY id DESC LIMIT 1',
  ).get(client.id);
  if (closure && input.reopenedOn < closure.closed_on) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'reopenedOn', message: 'Use a date on or after the day it was closed.' }]);
  }
  const at = ctx.now().toISOString();
  if (closure) stmt(ctx.db, 'UPDATE case_closures SET reopened_on = ? WHERE id = ?').run(input.reopenedOn, closure.id);
  updateClientColumns(ctx.db, client.id, { status: 'active' }, at);
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'case', ['reopened']);
  return { done: true };
};
