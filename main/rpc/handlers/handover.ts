// Main process (plain Node). Never imports electron.
// Handover (issue 16 §3): one case or many given to a colleague, a secondary worker, the dated
// assignment history and the handover summary the new worker reads first.
import { assertCaseWorker, setWorker } from '../../cases/assignment';
import { dismissHandover, handoverSummary } from '../../cases/handover-summary';
import { workingOn } from '../../cases/owner';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

export const reassignCases: Handler<'clients.reassign'> = (input, ctx) => {
  assertCaseWorker(ctx.db, input.workerId, 'workerId');
  const at = ctx.now().toISOString();
  let moved = 0;
  for (const clientId of new Set(input.clientIds)) {
    const client = workingOn(ctx, clientId);
    if (setWorker(ctx.db, { clientId: client.id, position: 'primary', to: input.workerId, by: ctx.user.id, at })) moved += 1;
    // One access-log entry per case moved (the dispatcher's own entry names the last one).
    if (input.clientIds.length > 1) ctx.audit.append({ actorId: ctx.user.id, action: 'clients.reassign.case', targetId: client.id });
  }
  return { moved };
};

export const setSecondary: Handler<'clients.setSecondary'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  if (input.workerId !== null) assertCaseWorker(ctx.db, input.workerId, 'workerId');
  setWorker(ctx.db, { clientId: client.id, position: 'secondary', to: input.workerId, by: ctx.user.id, at: ctx.now().toISOString() });
  return { done: true };
};

export const assignmentHistory: Handler<'handover.history'> = (input, ctx) => {
  const client = workingOn(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'handover.history', targetId: client.id });
  const rows = stmt<[string], { position: 'primary' | 'secondary'; from_name: string | null; to_name: string | null; at: string; by_name: string | null }>(
    ctx.db,
    `SELECT a.position, f.display_name AS from_name, t.display_name AS to_name, a.at, b.display_name AS by_name
     FROM case_assignments a LEFT JOIN users f ON f.id = a.from_user LEFT JOIN users t ON t.id = a.to_user LEFT JOIN users b ON b.id = a.by_user
     WHERE a.client_id = ? ORDER BY a.at DESC, a.rowid DESC LIMIT 500`,
  ).all(client.id);
  return { entries: rows.map((r) => ({ position: r.position, fromName: r.from_name, toName: r.to_name, at: r.at, byName: r.by_name })) };
};

export const summary: Handler<'handover.summary'> = (input, ctx) => {
  const client = workingOn(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'handover.summary', targetId: client.id });
  return handoverSummary(ctx.db, client.id, ctx.user.id, ctx.now());
};

export const dismiss: Handler<'handover.dismiss'> = (input, ctx) => {
  const client = workingOn(ctx, input.id);
  dismissHandover(ctx.db, client.id, ctx.user.id, ctx.now().toISOString());
  return { done: true };
};
