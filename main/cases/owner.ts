// Main process (plain Node). Never imports electron.
// Records that belong to a case (goals, services, notes...) are reached by their own id; the case
// they belong to decides who may touch them.
import type { DataContext } from '../rpc/types';
import { AppError } from '../rpc/errors';
import { stmt } from '../store/repos/statements';
import type { ClientRecord } from '../store/repos/clients';
import { openableClient } from './access';

const owners = {
  goal: 'SELECT client_id FROM goals WHERE id = ?',
  step: 'SELECT g.client_id FROM goal_steps s JOIN goals g ON g.id = s.goal_id WHERE s.id = ?',
  referral: 'SELECT client_id FROM referrals WHERE id = ?',
  milestone: 'SELECT client_id FROM milestones WHERE id = ?',
  note: 'SELECT client_id FROM case_notes WHERE id = ?',
  service: 'SELECT client_id FROM services WHERE id = ?',
} as const;

export function clientOwning(ctx: DataContext, kind: keyof typeof owners, id: string): ClientRecord {
  const row = stmt<[string], { client_id: string }>(ctx.db, owners[kind]).get(id);
  if (!row) throw new AppError('NOT_FOUND');
  const client = openableClient(ctx, row.client_id);
  ctx.setAuditTarget(client.id);
  return client;
}

/** A case being worked on: open to this person, and the write is logged against it. */
export function workingOn(ctx: DataContext, clientId: string): ClientRecord {
  const client = openableClient(ctx, clientId);
  ctx.setAuditTarget(client.id);
  return client;
}
