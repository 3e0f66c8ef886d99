// Main process (plain Node). Never imports electron.
// Who may open which case: supervisors and admins every case; caseworkers the cases assigned to
// them (as primary or secondary worker) or created by them. Enforced here, in the main process, for every method that names a case.
import { allCasesRoles } from '../../shared/roles';
import type { DataContext } from '../rpc/types';
import { AppError } from '../rpc/errors';
import { getClient, type ClientRecord } from '../store/repos/clients';
import { stmt } from '../store/repos/statements';

export function seesAllCases(ctx: Pick<DataContext, 'user'>): boolean {
  return allCasesRoles.includes(ctx.user.role);
}

export function canOpen(ctx: Pick<DataContext, 'user'>, client: Pick<ClientRecord, 'assigned_worker_id' | 'created_by' | 'secondary_worker_id'>): boolean {
  return (
    seesAllCases(ctx) ||
    client.assigned_worker_id === ctx.user.id ||
    (client.secondary_worker_id != null && client.secondary_worker_id === ctx.user.id) ||
    client.created_by === ctx.user.id
  );
}

/** After breaking the glass with a reason, the person may work on that case for the rest of the day. */
export const BREAK_GLASS_HOURS = 12;

function brokeGlassRecently(ctx: DataContext, clientId: string): boolean {
  const since = new Date(ctx.now().getTime() - BREAK_GLASS_HOURS * 3_600_000).toISOString();
  return stmt(ctx.db, 'SELECT 1 FROM access_reasons WHERE client_id = ? AND user_id = ? AND at >= ? LIMIT 1').get(clientId, ctx.user.id, since) !== undefined;
}

/** The case, if it exists and this person may open it; otherwise a coded error. */
export function openableClient(ctx: DataContext, clientId: string): ClientRecord {
  const client = getClient(ctx.db, clientId);
  if (!client) throw new AppError('NOT_FOUND', 'That case could not be found.');
  if (!canOpen(ctx, client) && !brokeGlassRecently(ctx, client.id)) {
    // The dispatcher records the refusal after the transaction rolls back.
    throw new AppError('FORBIDDEN', 'This case is assigned to another worker. Ask a supervisor if you need to open it.', undefined, clientId);
  }
  return client;
}
