// Main process (plain Node). Never imports electron.
// The break-the-glass review for supervisors and administrators: each opening of a case that was not
// the opener's, with the reason given (kept in access_reasons; the access log holds only the ids).
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

interface Row {
  id: number;
  at: string;
  user_id: string;
  actor: string | null;
  client_id: string;
  case_number: string;
  reason: string;
}

export const breakGlassList: Handler<'audit.breakGlass'> = (input, { db, audit, user }) => {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.actorId !== null) {
    where.push('r.user_id = @actorId');
    params.actorId = input.actorId;
  }
  if (input.clientId !== null) {
    where.push('r.client_id = @clientId');
    params.clientId = input.clientId;
  }
  if (input.from !== null) {
    where.push('r.at >= @from');
    params.from = input.from;
  }
  if (input.to !== null) {
    where.push("r.at < date(@to, '+1 day')");
    params.to = input.to;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt<[Record<string, unknown>], { n: number }>(db, `SELECT count(*) AS n FROM access_reasons r ${clause}`).get(params)!.n;
  const rows = stmt<[Record<string, unknown>], Row>(
    db,
    `SELECT r.id, r.at, r.user_id, u.display_name AS actor, r.client_id, c.case_number, r.reason
     FROM access_reasons r JOIN clients c ON c.id = r.client_id LEFT JOIN users u ON u.id = r.user_id
     ${clause} ORDER BY r.at DESC, r.id DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset });
  // Reading the reasons is itself logged; one entry per list, not per page.
  if (input.offset === 0) audit.append({ actorId: user.id, action: 'audit.breakGlass', targetId: input.clientId });
  return {
    total,
    entries: rows.map((r) => ({ id: r.id, at: r.at, actorId: r.user_id, actor: r.actor, clientId: r.client_id, caseNumber: r.case_number, reason: r.reason })),
  };
};
