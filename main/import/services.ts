// Main process (plain Node). Never imports electron.
// Rows of a services import and of an assessments import: each names a person already in the store
// (by case number or by the external id of an earlier import) and is checked by the same schema as
// the form that records one service or one assessment.
import { fold } from '../../shared/fold';
import { CaseNumber } from '../../shared/schemas/clients';
import { assessmentKinds, RecordAssessmentInput } from '../../shared/schemas/outcomes';
import { AddServiceInput } from '../../shared/schemas/planning';
import * as p from '../../shared/vocab/planning';
import type { Db } from '../store/open';
import { clientByCaseNumber, clientByExternalId, SPREADSHEET } from '../store/repos/external-ids';
import { stmt } from '../store/repos/statements';
import { normalizeCode, type RowReader } from './cells';

/** Stands in for an id that is looked up separately, so the schema checks the rest of the row. */
const PLACEHOLDER_ID = '0'.repeat(32);

export type ServiceImport = { row: number } & ReturnType<typeof AddServiceInput.parse>;
export type AssessmentImport = { row: number } & ReturnType<typeof RecordAssessmentInput.parse>;

export interface ReferenceContext {
  db: Db;
  /** Partner names, folded, to their ids. */
  partners: Map<string, string>;
  /** Domain codes of the default instrument to their ids. */
  domains: Map<string, string>;
  instrumentId: string;
}

export function referenceContext(db: Db): ReferenceContext {
  const partners = new Map(stmt<[], { id: string; name: string }>(db, "SELECT id, name FROM partners WHERE status = 'listed'").all().map((row) => [fold(row.name), row.id]));
  const instrument = stmt<[], { id: string }>(db, "SELECT id FROM instruments WHERE code = 'ssm'").get();
  const domains = instrument
    ? new Map(stmt<[string], { id: string; code: string }>(db, 'SELECT id, code FROM instrument_domains WHERE instrument_id = ? ORDER BY position').all(instrument.id).map((d) => [d.code, d.id]))
    : new Map<string, string>();
  return { db, partners, domains, instrumentId: instrument?.id ?? PLACEHOLDER_ID };
}

/** The person a row is about, or null (with the problem reported). */
function readClient(r: RowReader, db: Db): string | null {
  const caseNumber = r.text('case_number');
  const externalId = r.text('external_id');
  if (caseNumber === null && externalId === null) {
    r.problem('case_number', 'Give the case_number or the external_id of the person this row is about.');
    return null;
  }
  let byCase: string | undefined;
  if (caseNumber !== null) {
    byCase = CaseNumber.safeParse(caseNumber.toUpperCase()).success ? clientByCaseNumber(db, caseNumber.toUpperCase()) : undefined;
    if (!byCase) r.problem('case_number', 'No case has this case number. Case numbers look like SH-2026-0001.');
  }
  let byExternal: string | undefined;
  if (externalId !== null) {
    byExternal = clientByExternalId(db, SPREADSHEET, externalId);
    if (!byExternal) r.problem('external_id', 'No one was imported with this external_id. Import the clients file first, or check the id.');
  }
  if (byCase && byExternal && byCase !== byExternal) {
    r.problem('external_id', 'The case_number and the external_id name two different people. Keep the right one.');
    return null;
  }
  return byCase ?? byExternal ?? null;
}

const serviceColumns: Record<string, string> = {
  clientId: 'case_number',
  date: 'date',
  category: 'category',
  provider: 'provider',
  partnerId: 'partner',
  minutes: 'minutes',
  amountCents: 'amount',
  note: 'note',
};

export function readServiceRow(r: RowReader, ctx: ReferenceContext): ServiceImport | null {
  const clientId = readClient(r, ctx.db);
  const date = r.required('date', 'the date of the service') === null ? null : r.date('date');
  const category = r.required('category', 'the service category') === null ? null : r.code('category', p.serviceCategories);
  const partnerName = r.text('partner');
  const provider = r.code('provider', p.providerKinds) ?? (partnerName !== null ? 'partner' : 'in_house');
  let partnerId: string | null = null;
  if (partnerName !== null) {
    if (provider !== 'partner') r.problem('partner', 'A partner is named, but the provider is in_house. Set provider to partner, or clear this cell.');
    partnerId = ctx.partners.get(fold(partnerName)) ?? null;
    if (partnerId === null) r.problem('partner', 'No partner with this name is in the partner directory. Add the partner first, or check the spelling.');
  }
  const parsed = AddServiceInput.safeParse({
    clientId: clientId ?? PLACEHOLDER_ID,
    date: date ?? '2000-01-01',
    category: category ?? 'other',
    provider,
    partnerId: provider === 'partner' ? partnerId : null,
    minutes: r.wholeNumber('minutes'),
    amountCents: r.cents('amount'),
    note: r.text('note'),
  });
  if (!parsed.success) r.schemaProblems(parsed.error, (path) => serviceColumns[String(path[0])] ?? 'note');
  return r.ok && parsed.success && clientId !== null ? { row: r.row, ...parsed.data, clientId } : null;
}

export function readAssessmentRow(r: RowReader, ctx: ReferenceContext): AssessmentImport | null {
  const clientId = readClient(r, ctx.db);
  const takenOn = r.required('taken_on', 'the date of the assessment') === null ? null : r.date('taken_on');
  let kind: string | null = null;
  if (r.required('kind', 'the kind of assessment') !== null) {
    kind = normalizeCode(r.raw('kind'));
    if (!(assessmentKinds as readonly string[]).includes(kind)) {
      r.problem('kind', `Not a kind of assessment. Use one of: ${assessmentKinds.join(', ')}.`);
      kind = null;
    }
  }
  const scores: { domainId: string; score: number }[] = [];
  const scoreColumns: string[] = [];
  for (const [code, domainId] of ctx.domains) {
    const score = r.wholeNumber(code);
    if (score === null) continue;
    if (score < 1 || score > 5) {
      r.problem(code, 'Use a score from 1 to 5.');
      continue;
    }
    scores.push({ domainId, score });
    scoreColumns.push(code);
  }
  const domainColumns = [...ctx.domains.keys()];
  if (!domainColumns.some((c) => r.has(c))) r.problem(domainColumns[0] ?? 'kind', 'Give a score (1 to 5) for at least one domain.');
  const parsed = RecordAssessmentInput.safeParse({
    clientId: clientId ?? PLACEHOLDER_ID,
    instrumentId: ctx.instrumentId,
    takenOn: takenOn ?? '2000-01-01',
    kind: kind ?? 'intake',
    scores: scores.length > 0 ? scores : [{ domainId: PLACEHOLDER_ID, score: 1 }],
  });
  if (!parsed.success) {
    r.schemaProblems(parsed.error, (path) => (path[0] === 'scores' ? (scoreColumns[Number(path[1])] ?? 'kind') : path[0] === 'takenOn' ? 'taken_on' : path[0] === 'clientId' ? 'case_number' : 'kind'));
  }
  return r.ok && parsed.success && clientId !== null ? { row: r.row, ...parsed.data, clientId } : null;
}
