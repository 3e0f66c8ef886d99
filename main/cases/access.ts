// Main process (plain Node). Never imports electron.
// Who may open which case: supervisors and admins every case; caseworkers the cases assigned to
// them or created by them. Enforced here, in the main process, for every method that names a case.
import { allCasesRoles } from '../../shared/roles';
import type { DataContext } from '../rpc/types';
import { AppError } from '../rpc/errors';
import { getClient, type ClientRecord } from '../store/repos/clients';

export function seesAllCases(ctx: Pick<DataContext, 'user'>): boolean {
  return allCasesRoles.includes(ctx.user.role);
}

export function canOpen(ctx: Pick<DataContext, 'user'>, client: Pick<ClientRecord, 'assigned_worker_id' | 'created_by'>): boolean {
  return seesAllCases(ctx) || client.assigned_worker_id === ctx.user.id || client.created_by === ctx.user.id;
}

/** The case, if it exists and this person may open it; otherwise a coded error. */
export function openableClient(ctx: DataContext, clientId: string): ClientRecord {
  const client = getClient(ctx.db, clientId);
  if (!client) throw new AppError('NOT_FOUND', 'That case could not be found.');
  if (!canOpen(ctx, client)) {
    // The dispatcher records the refusal after the transaction rolls back.
    throw new AppError('FORBIDDEN', 'This case is assigned to another worker. Ask a supervisor if you need to open it.', undefined, clientId);
  }
  return client;
}
