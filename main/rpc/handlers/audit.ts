// Main process (plain Node). Never imports electron.
// The access log, for admins and auditors: verification (chain and outside anchor) and a filtered view.
import { verifyAccessLog } from '../../audit/verify-log';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

/** The chain, every signature that vouches for it, and the anchors (beside the store and outside it). */
export const auditVerify: Handler<'audit.verify'> = (_input, { db, auditKey, audit, user, identity, anchors }) => {
  const verdict = verifyAccessLog(db, auditKey, identity, anchors());
  audit.append({ actorId: user.id, action: 'audit.verify', outcome: verdict.intact ? 'ok' : 'failed' });
  return verdict;
};

export const auditList: Handler<'audit.list'> = (input, { db }) => {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.action !== '') {
    where.push("(a.action = @action OR a.action LIKE @actionPrefix ESCAPE '\\')");
    params.action = input.action;
    params.actionPrefix = `${input.action.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
  }
  if (input.actorId !== null) {
    where.push('a.actor_id = @actorId');
    params.actorId = input.actorId;
  }
  if (input.outcome !== 'any') {
    where.push('a.outcome = @outcome');
    params.outcome = input.outcome;
  }
  if (input.from !== null) {
    where.push('a.at >= @from');
    params.from = input.from;
  }
  if (input.to !== null) {
    where.push("a.at < date(@to, '+1 day')");
    params.to = input.to;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt<[Record<string, unknown>], { n: number }>(db, `SELECT count(*) AS n FROM audit_log a ${clause}`).get(params)!.n;
  const rows = stmt<[Record<string, unknown>], { seq: number; at: string; actor: string | null; actor_id: string | null; action: string; target_id: string | null; outcome: 'ok' | 'denied' | 'failed' }>(
    db,
    `SELECT a.seq, a.at, u.display_name AS actor, a.actor_id, a.action, a.target_id, a.outcome
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ${clause} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset });
  return {
    total,
    entries: rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, actorId: r.actor_id, action: r.action, targetId: r.target_id, outcome: r.outcome })),
  };
};
