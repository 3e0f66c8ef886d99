// Main process (plain Node). Never imports electron.
// Checks a whole sheet before anything is written: the header row against the template (with the
// agency's own column names mapped), then every row, collecting every problem by row and column.
import { IMPORT_MAX_PROBLEMS, IMPORT_MAX_ROWS, type ImportKind, type ImportProblem } from '../../shared/schemas/import';
import type { Db } from '../store/open';
import { clientByExternalId, SPREADSHEET } from '../store/repos/external-ids';
import { normalizeCode, RowReader } from './cells';
import { readClientRow, type ClientImport } from './clients';
import type { SheetRow } from './csv';
import { readAssessmentRow, readServiceRow, referenceContext, type AssessmentImport, type ServiceImport } from './services';
import { templates } from './templates';

export const PREVIEW_ROWS = 20;

export interface ImportPlan {
  kind: ImportKind;
  columns: string[];
  mapping: Record<string, string | null>;
  preview: { row: number; values: Record<string, string> }[];
  rowCount: number;
  problems: ImportProblem[];
  problemCount: number;
  clients: ClientImport[];
  services: ServiceImport[];
  assessments: AssessmentImport[];
}

/** A spreadsheet's name for a column: A, B, ... Z, AA. */
function letter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function emptyPlan(kind: ImportKind): ImportPlan {
  return { kind, columns: [], mapping: {}, preview: [], rowCount: 0, problems: [], problemCount: 0, clients: [], services: [], assessments: [] };
}

export function planImport(db: Db, kind: ImportKind, rows: readonly SheetRow[], userMapping: Record<string, string | null>, today: string): ImportPlan {
  const plan = emptyPlan(kind);
  const add = (row: number, column: string, message: string) => {
    plan.problemCount += 1;
    if (plan.problems.length < IMPORT_MAX_PROBLEMS) plan.problems.push({ row, column, message });
  };
  const template = templates[kind];
  const fieldNames = new Set(template.map((c) => c.name));
  const header = rows[0];
  if (!header || header.cells.every((c) => c.trim() === '')) {
    add(1, '(file)', `The file is empty. The first row must name the columns: ${template.map((c) => c.name).join(', ')}.`);
    return plan;
  }
  const data = rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));

  // The header: each column feeds one template field, is left out, or is a problem.
  const fieldAt = new Map<number, string>();
  const sourceOf = new Map<string, string>();
  header.cells.forEach((cell, index) => {
    const source = cell.trim();
    if (source === '') {
      if (data.some((r) => (r.cells[index] ?? '').trim() !== '')) add(header.row, `column ${letter(index)}`, 'This column has values but no name in the header row. Name it, or clear it.');
      return;
    }
    plan.columns.push(source);
    const chosen = Object.hasOwn(userMapping, source) ? userMapping[source]! : undefined;
    const field = chosen === undefined ? normalizeCode(source) : chosen;
    if (field === null) {
      plan.mapping[source] = null;
      return;
    }
    if (!fieldNames.has(field)) {
      plan.mapping[source] = null;
      add(header.row, source, `Not a column of the ${kind} template. Rename it to one of ${template.map((c) => c.name).join(', ')}, or leave it out.`);
      return;
    }
    if (sourceOf.has(field)) {
      add(header.row, source, `Both this column and "${sourceOf.get(field)!}" would fill ${field}. Keep one of them.`);
      return;
    }
    plan.mapping[source] = field;
    fieldAt.set(index, field);
    sourceOf.set(field, source);
  });
  const missing = template.filter((c) => c.required && !sourceOf.has(c.name)).map((c) => c.name);
  if (kind !== 'clients' && !sourceOf.has('case_number') && !sourceOf.has('external_id')) missing.push('case_number');
  for (const field of missing) {
    add(header.row, field, field === 'case_number' ? 'The file needs a case_number or an external_id column to say whom each row is about.' : `The file has no ${field} column; it is required.`);
  }
  if (kind === 'assessments' && !template.some((c) => !c.required && c.name !== 'case_number' && c.name !== 'external_id' && sourceOf.has(c.name))) {
    add(header.row, '(file)', 'The file has no score columns. Add a column for at least one domain, such as housing.');
  }
  plan.rowCount = data.length;
  if (data.length > IMPORT_MAX_ROWS) {
    add(header.row, '(file)', `The file has ${data.length} rows; import at most ${IMPORT_MAX_ROWS} at a time by splitting it.`);
    return plan;
  }
  if (data.length === 0) add(header.row, '(file)', 'The file has a header row but no rows to import.');
  // Without a required column every row would repeat the same problem: fix the header first.
  if (missing.length > 0) return plan;

  const clientCtx = { seen: new Map<string, number>(), alreadyImported: (id: string) => clientByExternalId(db, SPREADSHEET, id) !== undefined, today };
  const refCtx = kind === 'clients' ? undefined : referenceContext(db);
  for (const sheetRow of data) {
    const values = new Map<string, string>();
    for (const [index, field] of fieldAt) values.set(field, sheetRow.cells[index] ?? '');
    if (plan.preview.length < PREVIEW_ROWS) plan.preview.push({ row: sheetRow.row, values: Object.fromEntries(values) });
    const r = new RowReader(sheetRow.row, values, (field, message) => add(sheetRow.row, sourceOf.get(field) ?? field, message));
    for (const index of sheetRow.errorCells ?? []) {
      const field = fieldAt.get(index);
      if (field) r.problem(field, 'This cell holds a spreadsheet error (such as #N/A) instead of a value. Fix or clear it.');
    }
    if (kind === 'clients') {
      const client = readClientRow(r, clientCtx);
      if (client) plan.clients.push(client);
    } else if (kind === 'services') {
      const service = readServiceRow(r, refCtx!);
      if (service) plan.services.push(service);
    } else {
      const assessment = readAssessmentRow(r, refCtx!);
      if (assessment) plan.assessments.push(assessment);
    }
  }
  return plan;
}
