// Main process (plain Node). Never imports electron.
// Deleting a closed case permanently (issue 15): administrators only (shared/roles.ts purgeRoles),
// with a reason from a closed list and the case number typed back. The rows, documents, keys and
// sync document go in this transaction (cases/purge.ts); the access-log entry keeps the case id,
// the reason code and counts. After the commit the WAL is checkpointed and truncated, so the
// deleted pages (zeroed by secure_delete) do not linger in the write-ahead log either.
import { fold } from '../../../shared/fold';
import { workingOn } from '../../cases/owner';
import { removePurgedCase } from '../../cases/purge';
import { AppError } from '../errors';
import type { Handler } from '../types';

const bare = (text: string) => fold(text).replace(/[\s-]+/gu, '');

export const purgeCase: Handler<'clients.purge'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  if (client.status !== 'closed') {
    throw new AppError('CONFLICT', 'Only a closed case can be deleted permanently. Close the case first; nothing was deleted.');
  }
  if (bare(input.confirmation) !== bare(client.case_number)) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'confirmation', message: 'This is not the case number. Type it as it appears on the case; nothing was deleted.' }]);
  }
  const counts = removePurgedCase(ctx.db, client.id, ctx.now().toISOString(), true);
  ctx.setAuditDetail({ reason: input.reason, records: counts.records, documents: counts.documents });
  ctx.afterCommit(() => {
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  });
  return { done: true };
};
