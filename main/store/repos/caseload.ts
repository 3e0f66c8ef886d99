// Main process (plain Node). Never imports electron.
// The caseload query: filters, visibility and accent-insensitive search over the trigram index.
// The SQL is assembled only from the fixed fragments below; every value is a bound parameter.
import { fold } from '../../../shared/fold';
import type { Db } from '../open';
import { stmt } from './statements';

export interface CaseloadQuery {
  query: string;
  status: 'active' | 'closed' | 'any';
  /** 'mine' = assigned to or created by the viewer. */
  assigned: 'mine' | 'any' | 'unassigned' | { workerId: string };
  risk: 'any' | 'urgent' | 'low' | 'medium' | 'high' | 'very_high';
  viewerId: string;
  /** Caseworkers see only cases assigned to or created by them. */
  onlyOwn: boolean;
  offset: number;
  limit: number;
}

export interface CaseloadRow {
  id: string;
  case_number: string;
  chosen_name: string;
  pronouns: string | null;
  status: 'active' | 'closed';
  risk_level: 'low' | 'medium' | 'high' | 'very_high' | null;
  urgent_safety: number;
  assigned_worker: string | null;
  updated_at: string;
}

export interface SearchPlan {
  /** FTS5 expression: every word of three or more characters appears somewhere in the terms. */
  match: string | null;
  /** Shorter words, checked as substrings of the matched rows' terms (LIKE patterns, escaped). */
  contains: string[];
  /** A query of only short words: each is the start of a word of one of the person's names. */
  prefixes: string[];
}

const likeEscape = (w: string) => w.replace(/[\\%_]/gu, (c) => `\\${c}`);

export function searchExpression(query: string): SearchPlan {
  const words = fold(query).split(' ').filter((w) => w !== '');
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  if (long.length > 0) {
    return { match: long.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND '), contains: short.map((w) => `%${likeEscape(w)}%`), prefixes: [] };
  }
  return { match: null, contains: [], prefixes: [...new Set(words)].slice(0, 5) };
}

export function queryCaseload(db: Db, q: CaseloadQuery): { total: number; rows: CaseloadRow[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = { viewer: q.viewerId, limit: q.limit, offset: q.offset };
  const search = searchExpression(q.query);
  if (search.match !== null) {
    const likes = search.contains.map((_, i) => ` AND terms LIKE @like${i} ESCAPE '\\'`).join('');
    where.push(`c.rowid IN (SELECT rowid FROM client_search WHERE client_search MATCH @match${likes})`);
    params.match = search.match;
    search.contains.forEach((pattern, i) => (params[`like${i}`] = pattern));
  } else {
    search.prefixes.forEach((prefix, i) => {
      where.push(`c.rowid IN (SELECT client_rowid FROM client_name_words WHERE word >= @prefix${i} AND word < @prefix${i} || char(1114111))`);
      params[`prefix${i}`] = prefix;
    });
  }
  if (q.status !== 'any') {
    where.push('c.status = @status');
    params.status = q.status;
  }
  if (q.onlyOwn || q.assigned === 'mine') where.push('(c.assigned_worker_id = @viewer OR c.created_by = @viewer)');
  if (q.assigned === 'unassigned') where.push('c.assigned_worker_id IS NULL');
  else if (typeof q.assigned === 'object') {
    where.push('c.assigned_worker_id = @worker');
    params.worker = q.assigned.workerId;
  }
  if (q.risk === 'urgent') where.push('c.urgent_safety = 1');
  else if (q.risk !== 'any') {
    where.push('c.risk_level = @risk');
    params.risk = q.risk;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const used = (sql: string) => Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));

  const countSql = `SELECT count(*) AS n FROM clients c ${clause}`;
  const total = stmt<[Record<string, unknown>], { n: number }>(db, countSql).get(used(countSql))?.n ?? 0;
  // Newest change first; rowid breaks ties, so the order is the index's own and a deep offset only
  // walks index entries. The page's rows are then read, and joined, a hundred at a time.
  const rowsSql = `SELECT c.id, c.case_number, c.chosen_name, c.pronouns, c.status, c.risk_level, c.urgent_safety,
      u.display_name AS assigned_worker, c.updated_at
    FROM (SELECT c.rowid AS rid FROM clients c ${clause} ORDER BY c.updated_at DESC, c.rowid LIMIT @limit OFFSET @offset) page
    JOIN clients c ON c.rowid = page.rid
    LEFT JOIN users u ON u.id = c.assigned_worker_id
    ORDER BY c.updated_at DESC, c.rowid`;
  const rows = stmt<[Record<string, unknown>], CaseloadRow>(db, rowsSql).all(used(rowsSql));
  return { total, rows };
}
