// Main process (plain Node). Never imports electron.
// A caseworker whose search matches cases assigned to others is told how many, and may open one only
// with a reason (break the glass). Names are never shown: only the case number of up to ten of them.
import type { DataContext } from '../rpc/types';
import { queryCaseload, type CaseloadQuery } from '../store/repos/caseload';
import { getClient } from '../store/repos/clients';
import { canOpen } from './access';

export const ELSEWHERE_LISTED = 10;
/** Rows read to find them: a search with hundreds of one's own matches lists fewer (the count stays exact). */
const READ_AT_MOST = 200;

export function matchingElsewhere(
  ctx: DataContext,
  q: Omit<CaseloadQuery, 'onlyOwn' | 'assigned' | 'offset' | 'limit' | 'viewerId'>,
  ownTotal: number,
): { count: number; cases: { id: string; caseNumber: string }[] } | null {
  if (q.query.trim() === '') return null;
  const all = queryCaseload(ctx.db, { ...q, assigned: 'any', onlyOwn: false, viewerId: ctx.user.id, offset: 0, limit: Math.min(ELSEWHERE_LISTED + ownTotal, READ_AT_MOST) });
  const count = all.total - ownTotal;
  if (count <= 0) return null;
  const cases = all.rows
    .filter((r) => !canOpen(ctx, getClient(ctx.db, r.id)!))
    .slice(0, ELSEWHERE_LISTED)
    .map((r) => ({ id: r.id, caseNumber: r.case_number }));
  return { count, cases };
}
