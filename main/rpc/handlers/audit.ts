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

/**
 * The log, filtered, newest first. With team sync it is the agency's whole log: this laptop's entries
 * and every other laptop's as their bundles carried them (ids and actions only, checked against each
 * laptop's signed chain head on arrival: team_remote_audit), each marked with the laptop that wrote it.
 */
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
  const me = stmt<[], string>(db, 'SELECT laptop_id FROM team WHERE id = 1').pluck().get() ?? '';
  const laptops = stmt<[string], string>(db, 'SELECT laptop_id FROM team_laptops WHERE laptop_id <> ? ORDER BY laptop_id').pluck().all(me);
  const local = 'SELECT NULL AS laptop_id, seq, at, actor_id, action, target_id, outcome FROM audit_log';
  const remote = 'SELECT laptop_id, seq, at, actor_id, action, target_id, outcome FROM team_remote_audit';
  const withRemote = input.laptop !== 'this' && stmt<[], number>(db, 'SELECT EXISTS (SELECT 1 FROM team_remote_audit)').pluck().get() === 1;
  let source = local;
  if (input.laptop !== 'this' && input.laptop !== 'all') {
    source = `${remote} WHERE laptop_id = @laptop`;
    params.laptop = input.laptop;
  } else if (withRemote) source = `${local} UNION ALL ${remote}`;
  // One laptop's entries in its own order; several laptops' by time (this laptop's first on a tie).
  const order = source === local || params.laptop !== undefined ? 'a.seq DESC' : 'a.at DESC, a.laptop_id IS NOT NULL, a.laptop_id, a.seq DESC';
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt<[Record<string, unknown>], { n: number }>(db, `SELECT count(*) AS n FROM (${source}) a ${clause}`).get(params)!.n;
  const rows = stmt<[Record<string, unknown>], { laptop_id: string | null; seq: number; at: string; actor: string | null; actor_id: string | null; action: string; target_id: string | null; outcome: 'ok' | 'denied' | 'failed' }>(
    db,
    `SELECT a.laptop_id, a.seq, a.at, u.display_name AS actor, a.actor_id, a.action, a.target_id, a.outcome
     FROM (${source}) a LEFT JOIN users u ON u.id = a.actor_id ${clause} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset });
  return {
    total,
    entries: rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, actorId: r.actor_id, action: r.action, targetId: r.target_id, outcome: r.outcome, laptopId: r.laptop_id })),
    laptops,
  };
};
