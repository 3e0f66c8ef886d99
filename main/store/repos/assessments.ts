// Main process (plain Node). Never imports electron.
// The one writer of outcome assessments: the row, its scores, and the score line the report reads
// (see migration 0070). Every path that records an assessment (the screen, import, the demo) calls it.
import type { Db } from '../open';
import { stmt } from './statements';

export interface AssessmentRecord {
  id: string;
  clientId: string;
  instrumentId: string;
  takenOn: string;
  kind: 'intake' | 'follow_up' | 'exit';
  createdAt: string;
  createdBy: string;
  scores: readonly { domainId: string; score: number }[];
}

/** The instrument's domain ids in their order (position). */
export function domainOrder(db: Db, instrumentId: string): string[] {
  return stmt<[string], { id: string }>(db, 'SELECT id FROM instrument_domains WHERE instrument_id = ? ORDER BY position')
    .all(instrumentId)
    .map((d) => d.id);
}

/** One character a domain in instrument order: the score, or '.' when that domain was not scored. */
export function scoreLine(order: readonly string[], scores: AssessmentRecord['scores']): string {
  const byDomain = new Map(scores.map((s) => [s.domainId, s.score]));
  return order.map((id) => byDomain.get(id)?.toString() ?? '.').join('');
}

export function insertAssessment(db: Db, a: AssessmentRecord): void {
  stmt(db, 'INSERT INTO assessments (id, client_id, instrument_id, taken_on, kind, created_at, created_by, score_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    a.id,
    a.clientId,
    a.instrumentId,
    a.takenOn,
    a.kind,
    a.createdAt,
    a.createdBy,
    scoreLine(domainOrder(db, a.instrumentId), a.scores),
  );
  const insert = stmt(db, 'INSERT INTO assessment_scores (assessment_id, domain_id, score) VALUES (?, ?, ?)');
  for (const s of a.scores) insert.run(a.id, s.domainId, s.score);
}
