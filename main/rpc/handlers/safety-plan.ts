// Main process (plain Node). Never imports electron.
// The safety plan: every save is a new version, so earlier plans stay readable.
import { SafetyPlanData } from '../../../shared/schemas/planning';
import { openableClient } from '../../cases/access';
import { workingOn } from '../../cases/owner';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

export const getSafetyPlan: Handler<'safetyPlan.get'> = (input, ctx) => {
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'safety-plan.view', targetId: client.id });
  const versions = stmt<[string], { version: number; data: string; saved_at: string; saved_by: string | null }>(
    ctx.db,
    'SELECT p.version, p.data, p.saved_at, u.display_name AS saved_by FROM safety_plans p LEFT JOIN users u ON u.id = p.saved_by WHERE p.client_id = ? ORDER BY p.version DESC',
  ).all(client.id);
  const latest = versions[0];
  return {
    current: latest ? { version: latest.version, plan: SafetyPlanData.parse(JSON.parse(latest.data)), savedAt: latest.saved_at, savedBy: latest.saved_by } : null,
    versions: versions.map((v) => ({ version: v.version, savedAt: v.saved_at, savedBy: v.saved_by })),
  };
};

export const saveSafetyPlan: Handler<'safetyPlan.save'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const current = stmt<[string], { v: number | null }>(ctx.db, 'SELECT max(version) AS v FROM safety_plans WHERE client_id = ?').get(client.id)?.v ?? 0;
  if (input.baseVersion !== current) {
    throw new AppError('CONFLICT', 'Someone else saved a newer version of this safety plan. Your typing is still here; reload to see theirs first.');
  }
  const at = ctx.now().toISOString();
  stmt(ctx.db, 'INSERT INTO safety_plans (client_id, version, data, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)').run(
    client.id,
    current + 1,
    JSON.stringify(input.plan),
    at,
    ctx.user.id,
  );
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'safety-plan', [`version:${current + 1}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { version: current + 1 };
};
