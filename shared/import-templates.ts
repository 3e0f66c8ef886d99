// shared/: runs in every process. Imports nothing outside shared/.
// The documented import templates: the header row of each kind of spreadsheet import, which columns
// must be filled in, and what each one takes. Main checks files against them (main/import), the
// command line prints them (`safehold import --template KIND`) and the Import screen shows them.
// The descriptions are in English, like the column names and the codes a file must use.
import { defaultInstrument } from './outcomes/default-instrument';
import { assessmentKinds } from './schemas/outcomes';
import type { ImportKind } from './schemas/import';
import { reasons, type Vocabulary } from './vocab/define';
import * as v from './vocab/lists';
import * as p from './vocab/planning';

export interface TemplateColumn {
  name: string;
  required: boolean;
  doc: string;
}

const codes = <C extends string>(list: Vocabulary<C>) => list.codes.join(', ');
const orReason = `; or a reason: ${codes(reasons)}`;
const DATE = 'a date as YYYY-MM-DD';
const EMPTY = 'Empty means not asked yet.';

const refColumns: TemplateColumn[] = [
  { name: 'case_number', required: false, doc: 'The Safehold case number (SH-2026-0001). Give this or external_id.' },
  { name: 'external_id', required: false, doc: 'The id the person had in your old spreadsheet, as given in an earlier clients import. Give this or case_number.' },
];

const safeFlag = (name: string, what: string): TemplateColumn => ({
  name,
  required: false,
  doc: `Is it safe to ${what} on that phone: yes, no or unknown (empty means unknown).`,
});

export const domainCodes = defaultInstrument.domains.map((d) => d.code);

export const templates: Record<ImportKind, TemplateColumn[]> = {
  clients: [
    { name: 'external_id', required: false, doc: 'Your old spreadsheet id for this person (up to 100 characters), unique in the file; services and assessments imports can then refer to them by it.' },
    { name: 'chosen_name', required: true, doc: 'The name the person asked to be called.' },
    { name: 'pronouns', required: false, doc: 'As the person gave them, e.g. she/her.' },
    { name: 'date_of_birth', required: false, doc: `A date as YYYY-MM-DD${orReason}. ${EMPTY}` },
    { name: 'legal_name', required: false, doc: `Full legal name${orReason}. ${EMPTY}` },
    { name: 'aliases', required: false, doc: 'Other names the person is known by, separated by ; (up to 20).' },
    { name: 'gender_identity', required: false, doc: `One of: ${codes(v.genderIdentities)}${orReason}. ${EMPTY}` },
    { name: 'citizenship_category', required: false, doc: `One of: ${codes(v.citizenshipCategories)}${orReason}. ${EMPTY}` },
    { name: 'trafficking_type', required: false, doc: `One of: ${codes(v.traffickingTypes)}${orReason}. ${EMPTY}` },
    { name: 'referral_source', required: false, doc: `One of: ${codes(v.referralSources)}${orReason}. ${EMPTY}` },
    { name: 'intake_date', required: false, doc: `A date as YYYY-MM-DD: the day services began (the outcome report counts people from it). Empty: the day of the import.` },
    { name: 'case_status', required: false, doc: `One of: ${codes(v.clientStatuses)}. Empty means active. A closed case needs closing_date, closing_reason and destination.` },
    { name: 'closing_date', required: false, doc: `For a closed case: the day it was closed, ${DATE}, on or after the intake date and not in the future.` },
    { name: 'closing_reason', required: false, doc: `For a closed case, one of: ${codes(p.exitReasons)}.` },
    { name: 'destination', required: false, doc: `For a closed case, where the person went, one of: ${codes(p.exitDestinations)}.` },
    { name: 'risk_level', required: false, doc: `One of: ${codes(v.riskLevels)}. ${EMPTY}` },
    { name: 'phone', required: false, doc: 'A phone number to reach the person.' },
    safeFlag('safe_to_call', 'call'),
    safeFlag('safe_to_text', 'send text messages'),
    safeFlag('safe_voicemail', 'leave a voicemail'),
    { name: 'safe_mail', required: false, doc: 'Is it safe to send mail to the person: yes, no or unknown (empty means unknown).' },
  ],
  services: [
    ...refColumns,
    { name: 'date', required: true, doc: `The day the service was given, ${DATE}.` },
    { name: 'category', required: true, doc: `One of: ${codes(p.serviceCategories)}.` },
    { name: 'provider', required: false, doc: `One of: ${codes(p.providerKinds)}. Empty means in_house, or partner when the partner column is filled in.` },
    { name: 'partner', required: false, doc: 'When the provider is partner: the partner\'s name exactly as in the partner directory.' },
    { name: 'minutes', required: false, doc: 'Time spent, in whole minutes (1 to 1440).' },
    { name: 'amount', required: false, doc: 'Money given or spent, e.g. 25 or 25.50 (no currency sign needed).' },
    { name: 'note', required: false, doc: 'A short note, up to 500 characters on one line.' },
  ],
  assessments: [
    ...refColumns,
    { name: 'taken_on', required: true, doc: `The day of the assessment, ${DATE}.` },
    { name: 'kind', required: true, doc: `One of: ${assessmentKinds.join(', ')}.` },
    ...defaultInstrument.domains.map((d) => ({
      name: d.code,
      required: false,
      doc: `${d.label.en}: a score from 1 (${d.levels[0].en.toLowerCase()}) to 5 (${d.levels[4].en.toLowerCase()}); empty if not scored. Score at least one domain.`,
    })),
  ],
};
