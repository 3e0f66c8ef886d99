// Main process (plain Node). Never imports electron.
// The access log, for admins and auditors: verification (chain and outside anchor) and a filtered view.
import { checkAnchor } from '../../audit/anchor';
import { verifyChain } from '../../audit/chain';
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

export const auditVerify: Handler<'audit.verify'> = (_input, { db, auditKey, audit, user, dataDir }) => {
  const report = verifyChain(db, auditKey);
  // A chain cut short below the last anchored entry is not intact, even if what is left links up.
  const anchor = checkAnchor(dataDir, db, auditKey);
  audit.append({ actorId: user.id, action: 'audit.verify' });
  if (report.intact && (anchor === 'truncated' || anchor === 'forged')) {
    return { ...report, intact: false, firstBadSeq: Math.max(1, report.entries) };
  }
  return report;
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
