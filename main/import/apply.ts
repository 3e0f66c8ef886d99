// Main process (plain Node). Never imports electron.
// Writes a checked import. The caller holds one write transaction around planning and writing (the
// dispatcher's for the app, its own for the command line), so a file goes in whole or not at all.
import type { z } from 'zod';
import type { ImportInput, ImportResult } from '../../shared/schemas/import';
import type { SectionName } from '../../shared/schemas/intake';
import { localIsoDate } from '../cases/dates';
import { newId } from '../store/ids';
import type { Db } from '../store/open';
import { getClient, insertClient, nextCaseNumber, putSection, recordChanges, setClientNames, updateClientColumns } from '../store/repos/clients';
import { insertAssessment } from '../store/repos/assessments';
import { insertExternalId, SPREADSHEET } from '../store/repos/external-ids';
import { stmt } from '../store/repos/statements';
import type { ClientImport } from './clients';
import { SheetError } from './csv';
import type { AssessmentImport, ServiceImport } from './services';
import { loadRows } from './source';
import { emptyPlan, planImport, type ImportPlan } from './validate';

export type ParsedImportInput = z.output<typeof ImportInput>;

/** Reads the file and checks every row; a file that cannot be read as a table is one problem. */
export function planFromInput(db: Db, input: ParsedImportInput, now: Date): ImportPlan {
  let rows;
  try {
    rows = loadRows(input);
  } catch (error) {
    if (!(error instanceof SheetError)) throw error;
    const plan = emptyPlan(input.kind);
    plan.problems.push({ row: error.row, column: '(file)', message: error.message });
    plan.problemCount = 1;
    return plan;
  }
  return planImport(db, input.kind, rows, input.mapping, localIsoDate(now));
}

interface Writer {
  db: Db;
  by: string;
  at: string;
  year: number;
}

/** Writes the case row, names and history; returns the sections to write (see writePlan). */
function writeClient(w: Writer, c: ClientImport): { id: string; sections: ClientImport['sections'] } {
  const id = newId();
  const identity = c.sections.identity!;
  const birthDate = typeof identity.dateOfBirth === 'string' && /^\d{4}-/u.test(identity.dateOfBirth) ? identity.dateOfBirth : null;
  insertClient(w.db, {
    id,
    caseNumber: nextCaseNumber(w.db, w.year),
    chosenName: identity.preferredName,
    pronouns: identity.pronouns,
    riskLevel: c.sections.needs?.riskLevel ?? null,
    urgentSafety: false,
    birthDate,
    // Imported cases wait for a supervisor to assign them; the importer is their creator.
    assignedWorkerId: null,
    createdBy: w.by,
    at: w.at,
  });
  const legal = typeof identity.legalName === 'string' && !['doesnt_know', 'prefers_not', 'not_collected'].includes(identity.legalName) ? [identity.legalName] : [];
  setClientNames(w.db, getClient(w.db, id)!, [
    { kind: 'chosen', name: identity.preferredName },
    ...legal.map((name) => ({ kind: 'legal' as const, name })),
    ...identity.aliases.map((name) => ({ kind: 'alias' as const, name })),
  ]);
  if (c.externalId !== null) insertExternalId(w.db, id, SPREADSHEET, c.externalId);
  recordChanges(w.db, id, w.at, w.by, 'case', ['imported']);
  if (c.closure) {
    // Closed in the old records: closed here on that day (the dated case history follows, migration 0100).
    stmt(w.db, 'INSERT INTO case_closures (client_id, closed_on, reason, destination, closed_by) VALUES (?, ?, ?, ?, ?)').run(id, c.closure.closedOn, c.closure.reason, c.closure.destination, w.by);
    updateClientColumns(w.db, id, { status: 'closed' }, w.at);
    recordChanges(w.db, id, w.at, w.by, 'case', ['closed']);
  }
  return { id, sections: c.sections };
}

function writeService(w: Writer, s: ServiceImport): void {
  stmt(
    w.db,
    `INSERT INTO services (id, client_id, date, category, provider, partner_id, minutes, amount_cents, goal_id, note, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  ).run(newId(), s.clientId, s.date, s.category, s.provider, s.provider === 'partner' ? s.partnerId : null, s.minutes, s.amountCents, s.note, w.at, w.by);
  recordChanges(w.db, s.clientId, w.at, w.by, 'services', [`imported:${s.category}`]);
  updateClientColumns(w.db, s.clientId, {}, w.at);
}

function writeAssessment(w: Writer, a: AssessmentImport): void {
  insertAssessment(w.db, { id: newId(), clientId: a.clientId, instrumentId: a.instrumentId, takenOn: a.takenOn, kind: a.kind, createdAt: w.at, createdBy: w.by, scores: a.scores });
  recordChanges(w.db, a.clientId, w.at, w.by, 'outcomes', [`imported:${a.kind}`]);
  updateClientColumns(w.db, a.clientId, {}, w.at);
}

/** Writes every row of a plan with no problems. Call inside a write transaction. */
export function writePlan(db: Db, plan: ImportPlan, by: string, now: Date): ImportResult {
  if (plan.problemCount > 0) throw new Error('An import with problems is never written.');
  const w: Writer = { db, by, at: now.toISOString(), year: now.getFullYear() };
  const written = plan.clients.map((c) => writeClient(w, c));
  // Sections are keyed by the (random) client id; written in key order, a large file fills pages in
  // sequence instead of splitting pages all over the table, which keeps one big transaction fast.
  written.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { id, sections } of written) {
    for (const [section, data] of Object.entries(sections)) {
      putSection(db, { clientId: id, section: section as SectionName, data, version: 1, at: w.at, by });
    }
  }
  for (const s of plan.services) writeService(w, s);
  for (const a of plan.assessments) writeAssessment(w, a);
  return {
    kind: plan.kind,
    rowCount: plan.rowCount,
    imported: { clients: plan.clients.length, services: plan.services.length, assessments: plan.assessments.length },
  };
}
