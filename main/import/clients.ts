// Main process (plain Node). Never imports electron.
// One row of a clients import, read into the intake sections a caseworker would have filled in,
// and checked by the intake's own schemas.
import { personText } from '../../shared/schemas/common';
import { sectionSchemas, type SectionData, type SectionName } from '../../shared/schemas/intake';
import * as v from '../../shared/vocab/lists';
import * as p from '../../shared/vocab/planning';
import type { RowReader } from './cells';

export interface ClientImport {
  row: number;
  externalId: string | null;
  sections: Partial<{ [S in SectionName]: SectionData<S> }>;
  /** A case that was already closed in the old records: its closure, so it is not counted as open. */
  closure: { closedOn: string; reason: string; destination: string } | null;
}

/** Which template column each section field comes from, for the problems list. */
const columnOfField: Record<string, Record<string, string>> = {
  identity: { preferredName: 'chosen_name', pronouns: 'pronouns', legalName: 'legal_name', aliases: 'aliases', dateOfBirth: 'date_of_birth', genderIdentity: 'gender_identity' },
  contact: { value: 'phone', safeToCall: 'safe_to_call', safeToText: 'safe_to_text', safeVoicemail: 'safe_voicemail', safeMail: 'safe_mail' },
  citizenship: { category: 'citizenship_category' },
  trafficking: { type: 'trafficking_type' },
  needs: { riskLevel: 'risk_level' },
  referral: { intakeDate: 'intake_date', referralSource: 'referral_source' },
};

const flagColumns = ['safe_to_call', 'safe_to_text', 'safe_voicemail', 'safe_mail'] as const;
const ExternalId = personText(100);

export interface ClientRowContext {
  /** External ids already used above in this file, with the row that used them. */
  seen: Map<string, number>;
  alreadyImported(externalId: string): boolean;
  today: string;
}

export function readClientRow(r: RowReader, ctx: ClientRowContext): ClientImport | null {
  let externalId = r.text('external_id');
  if (externalId !== null) {
    const parsed = ExternalId.safeParse(externalId);
    if (!parsed.success) {
      r.problem('external_id', parsed.error.issues[0]!.message);
      externalId = null;
    } else if (ctx.seen.has(parsed.data)) {
      r.problem('external_id', `The same external_id is already used on row ${ctx.seen.get(parsed.data)}. Each person needs their own.`);
    } else {
      ctx.seen.set(parsed.data, r.row);
      if (ctx.alreadyImported(parsed.data)) r.problem('external_id', 'A person with this external_id was already imported. Leave this row out, or give a new id.');
    }
  }

  const phone = r.text('phone');
  const flags = Object.fromEntries(flagColumns.map((c) => [c, r.code(c, v.safeFlag) ?? 'unknown']));
  if (phone === null) {
    for (const c of flagColumns) if (r.has(c)) r.problem(c, 'Give a phone number in the phone column for this answer, or leave it empty.');
  }

  const draft: Partial<Record<SectionName, Record<string, unknown>>> = {
    identity: {
      preferredName: r.required('chosen_name', 'the chosen name') ?? '',
      pronouns: r.text('pronouns'),
      // A reason code here (prefers_not...) is taken by the schema as that reason, not as a name.
      legalName: r.text('legal_name'),
      aliases: r.raw('aliases').split(';').map((a) => a.trim()).filter((a) => a !== ''),
      dateOfBirth: r.date('date_of_birth', { reasons: true }),
      genderIdentity: r.code('gender_identity', v.genderIdentities, { reasons: true }),
    },
    referral: {
      intakeDate: r.date('intake_date') ?? ctx.today,
      referralSource: r.code('referral_source', v.referralSources, { reasons: true }),
    },
  };
  if (phone !== null) {
    draft.contact = {
      methods: [{ kind: 'phone', value: phone, safeToCall: flags.safe_to_call, safeToText: flags.safe_to_text, safeVoicemail: flags.safe_voicemail, safeMail: flags.safe_mail }],
    };
  }
  const category = r.code('citizenship_category', v.citizenshipCategories, { reasons: true });
  if (category !== null) draft.citizenship = { category };
  const type = r.code('trafficking_type', v.traffickingTypes, { reasons: true });
  if (type !== null) draft.trafficking = { type };
  const risk = r.code('risk_level', v.riskLevels);
  if (risk !== null) draft.needs = { riskLevel: risk };

  const closure = readClosure(r, (draft.referral?.intakeDate as string | undefined) ?? ctx.today, ctx.today);

  const sections: ClientImport['sections'] = {};
  for (const [name, data] of Object.entries(draft) as [SectionName, Record<string, unknown>][]) {
    const parsed = sectionSchemas[name].safeParse(data);
    if (parsed.success) (sections as Record<string, unknown>)[name] = parsed.data;
    else r.schemaProblems(parsed.error, (path) => columnOfField[name]?.[String(path.at(-1))] ?? columnOfField[name]?.[String(path[0])] ?? 'chosen_name');
  }
  return r.ok ? { row: r.row, externalId, sections, closure } : null;
}

const CLOSING_COLUMNS = ['closing_date', 'closing_reason', 'destination'] as const;

/** case_status, closing_date, closing_reason, destination: all three closing columns for a closed case, none for an open one. */
function readClosure(r: RowReader, intakeDate: string, today: string): ClientImport['closure'] {
  const status = r.code('case_status', v.clientStatuses) ?? 'active';
  if (status !== 'closed') {
    for (const c of CLOSING_COLUMNS) if (r.has(c)) r.problem(c, 'Only a closed case has this. Put closed in case_status, or leave this column empty.');
    return null;
  }
  const closedOn = r.date('closing_date');
  const reason = r.code('closing_reason', p.exitReasons);
  const destination = r.code('destination', p.exitDestinations);
  for (const c of CLOSING_COLUMNS) if (!r.has(c)) r.problem(c, 'A closed case needs this: fill in closing_date, closing_reason and destination.');
  if (closedOn !== null && closedOn < intakeDate) r.problem('closing_date', 'Use a day on or after the intake date.');
  if (closedOn !== null && closedOn > today) r.problem('closing_date', 'Use a day that has passed: a case cannot be closed in the future.');
  return closedOn !== null && reason !== null && destination !== null ? { closedOn, reason, destination } : null;
}
