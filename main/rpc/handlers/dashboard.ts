// Main process (plain Node). Never imports electron.
// The supervisor dashboard: figures for the whole team, and the cases behind each figure. Only
// supervisors and admins reach it (the contract), who may open every case; the list still passes
// each case through the case rule, so it never lists one the viewer could not open.
import { canOpen } from '../../cases/access';
import { dashboardCases, dashboardSummary } from '../../cases/dashboard';
import { getClient } from '../../store/repos/clients';
import type { Handler } from '../types';

export const summary: Handler<'dashboard.summary'> = (input, ctx) => {
  ctx.audit.append({ actorId: ctx.user.id, action: 'dashboard.summary' });
  return dashboardSummary(ctx.db, ctx.now(), input.noContactDays);
};

export const list: Handler<'dashboard.list'> = (input, ctx) => {
  const result = dashboardCases(ctx.db, ctx.now(), input);
  // Opening the list is recorded, ids of the cases only.
  ctx.audit.append({ actorId: ctx.user.id, action: 'dashboard.list', targetId: input.workerId ?? null });
  return { ...result, cases: result.cases.filter((c) => canOpen(ctx, getClient(ctx.db, c.clientId)!)) };
};
