// Main process (plain Node). Never imports electron.
// Outcome assessments: instruments (a default one, and the agency's own), assessments over time,
// and each client's change from first to latest.
import { openableClient } from '../../cases/access';
import { workingOn } from '../../cases/owner';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { newId } from '../../store/ids';
import { insertAssessment } from '../../store/repos/assessments';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';
import { ASSESSMENT_KIND_RANK } from '../../reports/figures';

type Label = { en: string; es: string };

export const listInstruments: Handler<'outcomes.instruments'> = (_input, { db }) => {
  const instruments = stmt<[], { id: string; code: string; name: string }>(db, 'SELECT id, code, name FROM instruments ORDER BY created_at, rowid').all();
  const domains = stmt<[], { id: string; instrument_id: string; code: string; label: string; levels: string }>(
    db,
    'SELECT id, instrument_id, code, label, levels FROM instrument_domains ORDER BY position',
  ).all();
  return {
    instruments: instruments.map((i) => ({
      id: i.id,
      code: i.code,
      name: JSON.parse(i.name) as Label,
      domains: domains
        .filter((d) => d.instrument_id === i.id)
        .map((d) => ({ id: d.id, code: d.code, label: JSON.parse(d.label) as Label, levels: JSON.parse(d.levels) as Label[] })),
    })),
  };
};

function insertDomain(db: Parameters<Handler<'outcomes.addDomain'>>[1]['db'], instrumentId: string, domain: { label: Label; levels: Label[] }, position: number): string {
  const id = newId();
  stmt(db, 'INSERT INTO instrument_domains (id, instrument_id, code, position, label, levels) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    instrumentId,
    `custom_${id.slice(0, 8)}`,
    position,
    JSON.stringify(domain.label),
    JSON.stringify(domain.levels),
  );
  return id;
}

export const addInstrument: Handler<'outcomes.addInstrument'> = (input, ctx) => {
  const id = newId();
  stmt(ctx.db, 'INSERT INTO instruments (id, code, name, created_at) VALUES (?, ?, ?, ?)').run(id, `custom_${id.slice(0, 8)}`, JSON.stringify(input.name), ctx.now().toISOString());
  input.domains.forEach((d, position) => insertDomain(ctx.db, id, d, position));
  ctx.setAuditTarget(id);
  return { id };
};

export const addDomain: Handler<'outcomes.addDomain'> = (input, ctx) => {
  const exists = stmt<[string], { n: number }>(ctx.db, 'SELECT count(*) AS n FROM instrument_domains WHERE instrument_id = ?').get(input.instrumentId)!.n;
  if (!stmt(ctx.db, 'SELECT 1 FROM instruments WHERE id = ?').get(input.instrumentId)) throw new AppError('NOT_FOUND', 'That instrument could not be found.');
  ctx.setAuditTarget(input.instrumentId);
  return { id: insertDomain(ctx.db, input.instrumentId, input.domain, exists) };
};

export const recordAssessment: Handler<'outcomes.record'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const domains = new Set(stmt<[string], { id: string }>(ctx.db, 'SELECT id FROM instrument_domains WHERE instrument_id = ?').all(input.instrumentId).map((d) => d.id));
  if (domains.size === 0) throw new AppError('INVALID_INPUT', undefined, [{ path: 'instrumentId', message: 'Choose one of the instruments.' }]);
  const bad = input.scores.findIndex((s) => !domains.has(s.domainId));
  if (bad >= 0) throw new AppError('INVALID_INPUT', undefined, [{ path: `scores.${bad}.domainId`, message: "That domain is not part of this instrument." }]);
  const id = newId();
  const at = ctx.now().toISOString();
  insertAssessment(ctx.db, { id, clientId: client.id, instrumentId: input.instrumentId, takenOn: input.takenOn, kind: input.kind, createdAt: at, createdBy: ctx.user.id, scores: input.scores });
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'outcomes', [`assessment:${input.kind}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { id };
};

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const clientOutcomes: Handler<'outcomes.forClient'> = (input, ctx) => {
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'outcomes.view', targetId: client.id });
  const rows = stmt<[string], { id: string; instrument_id: string; taken_on: string; kind: 'intake' | 'follow_up' | 'exit'; domain_id: string | null; score: number | null }>(
    ctx.db,
    `SELECT a.id, a.instrument_id, a.taken_on, a.kind, s.domain_id, s.score FROM assessments a
     LEFT JOIN assessment_scores s ON s.assessment_id = a.id LEFT JOIN instrument_domains d ON d.id = s.domain_id
     WHERE a.client_id = ? ORDER BY a.taken_on, ${ASSESSMENT_KIND_RANK}, a.created_at, a.rowid, d.position`,
  ).all(client.id);
  const assessments: { id: string; instrumentId: string; takenOn: string; kind: 'intake' | 'follow_up' | 'exit'; scores: Record<string, number> }[] = [];
  for (const r of rows) {
    let a = assessments.at(-1);
    if (!a || a.id !== r.id) {
      a = { id: r.id, instrumentId: r.instrument_id, takenOn: r.taken_on, kind: r.kind, scores: {} };
      assessments.push(a);
    }
    if (r.domain_id !== null && r.score !== null) a.scores[r.domain_id] = r.score;
  }
  const latest = assessments.at(-1);
  const same = latest ? assessments.filter((a) => a.instrumentId === latest.instrumentId) : [];
  const first = same[0];
  // Scores are read in the instrument's domain order, so the change list follows it too.
  const change =
    latest && first && first !== latest
      ? Object.keys(latest.scores)
          .filter((d) => d in first.scores)
          .map((domainId) => ({ domainId, first: first.scores[domainId]!, latest: latest.scores[domainId]!, change: latest.scores[domainId]! - first.scores[domainId]! }))
      : [];
  const goals = stmt<[string], { total: number; achieved: number }>(
    ctx.db,
    "SELECT count(*) AS total, coalesce(sum(status = 'achieved'), 0) AS achieved FROM goals WHERE client_id = ?",
  ).get(client.id)!;
  const interval = Number(stmt<[], { value: string }>(ctx.db, "SELECT value FROM settings WHERE key = 'assessment_interval_days'").get()?.value ?? 90);
  return {
    assessments,
    change,
    goalsAchieved: goals.achieved,
    goalsTotal: goals.total,
    nextDueOn: latest && latest.kind !== 'exit' && client.status === 'active' ? addDays(latest.takenOn, interval) : null,
  };
};
