// Main process (plain Node). Never imports electron.
// Data quality before submitting: for a period and a preset, each element the report counts people
// by, and how many of the people it counts have an answer, a reason code (doesn't know, prefers not
// to answer, not collected) or nothing. Staff who may open every case also get the cases to fix (case
// numbers and the elements missing, never names); auditors get the counts only.
import type { DataQualityOutput } from '../../shared/schemas/reports';
import type { ReportPreset } from '../../shared/schemas/reports';
import type { Db } from '../store/open';
import { servedClientIds, type Period } from './figures';
import { fiscalYearOf, fiscalYearStart } from './preset-figures';

const REASONS = new Set(['doesnt_know', 'prefers_not', 'not_collected']);
/** The elements, in the order the reports show them, with the facts column each is read from. */
export const QUALITY_ELEMENTS = ['intake_date', 'date_of_birth', 'gender_identity', 'trafficking_type', 'citizenship_category', 'referral_source'] as const;
type Element = (typeof QUALITY_ELEMENTS)[number];
const CASES_TO_FIX_LIMIT = 500;

interface FactRow {
  client_id: string;
  case_number: string;
  intake_date: string | null;
  dob: string | null;
  est_age: number | null;
  gender: string | null;
  ttype: string | null;
  citizenship: string | null;
  referral_source: string | null;
}

function state(row: FactRow, element: Element): 'answered' | 'reason' | 'missing' {
  const value = {
    intake_date: row.intake_date,
    // An estimated age answers the age question when there is no date of birth.
    date_of_birth: row.dob ?? (row.est_age === null ? null : String(row.est_age)),
    gender_identity: row.gender,
    trafficking_type: row.ttype,
    citizenship_category: row.citizenship,
    referral_source: row.referral_source,
  }[element];
  if (value === null || value === '') return 'missing';
  return REASONS.has(value) ? 'reason' : 'answered';
}

/** Who the preset counts: standard, served; OTIP, the people entering the program; OVC, victims served. */
function population(db: Db, period: Period, preset: ReportPreset): string[] {
  const params = { from: period.from, to: period.to, worker: period.workerId, start: fiscalYearStart(fiscalYearOf(period.from)) };
  const worker = '(@worker IS NULL OR c.assigned_worker_id = @worker)';
  if (preset === 'ovc') {
    return db.prepare(`SELECT DISTINCT s.client_id FROM services s JOIN clients c ON c.id = s.client_id WHERE s.date BETWEEN @from AND @to AND ${worker}`).pluck().all(params) as string[];
  }
  if (preset === 'otip') {
    return db
      .prepare(
        `SELECT DISTINCT x.id FROM (
           SELECT client_id AS id FROM client_facts WHERE coalesce(intake_date, opened_on) BETWEEN @from AND @to
           UNION SELECT subject_id FROM status_events WHERE subject = 'case' AND status = 'open' AND effective_on BETWEEN @from AND @to
         ) x JOIN clients c ON c.id = x.id WHERE ${worker}`,
      )
      .pluck()
      .all(params) as string[];
  }
  return servedClientIds(db, period);
}

export function dataQuality(db: Db, period: Period & { preset: ReportPreset }, withCases: boolean): DataQualityOutput {
  const ids = population(db, period, period.preset);
  const read = db.prepare<[string], FactRow>(
    `SELECT f.client_id, c.case_number, f.intake_date, f.dob, f.est_age, f.gender, f.ttype, f.citizenship, f.referral_source
     FROM client_facts f JOIN clients c ON c.id = f.client_id WHERE f.client_id = ?`,
  );
  const tallies = new Map(QUALITY_ELEMENTS.map((e) => [e, { answered: 0, reason: 0, missing: 0 }]));
  const toFix: { caseNumber: string; clientId: string; missing: Element[] }[] = [];
  for (const id of ids) {
    const row = read.get(id);
    if (!row) continue;
    const missing: Element[] = [];
    for (const element of QUALITY_ELEMENTS) {
      const s = state(row, element);
      tallies.get(element)![s] += 1;
      if (s === 'missing') missing.push(element);
    }
    if (missing.length > 0) toFix.push({ caseNumber: row.case_number, clientId: row.client_id, missing });
  }
  toFix.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  return {
    period: { from: period.from, to: period.to },
    preset: period.preset,
    people: ids.length,
    elements: QUALITY_ELEMENTS.map((element) => ({ element, ...tallies.get(element)! })),
    casesToFix: withCases ? toFix.slice(0, CASES_TO_FIX_LIMIT) : null,
    casesToFixCount: toFix.length,
  };
}
