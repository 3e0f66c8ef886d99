// shared/: runs in every process. Imports nothing outside shared/.
// The intake, in sections that can be filled in any order over several meetings. On a sensitive
// question, a reason code (doesn't know / prefers not to answer / not collected) is an answer, and
// null means "not asked yet".
import { z } from 'zod';
import { reasons, type Vocabulary } from '../vocab/define';
import * as v from '../vocab/lists';
import { personText } from './common';

const reason = reasons.schema;

/** One code, or a reason, or not asked yet. */
const code = <C extends string>(list: Vocabulary<C>) => z.union([list.schema, reason]).nullable().default(null);
/** Several codes, or a reason, or not asked yet. */
const codes = <C extends string>(list: Vocabulary<C>) =>
  z.union([z.array(list.schema).min(1).max(list.codes.length), reason]).nullable().default(null);
const text = (max: number) => personText(max).nullable().default(null);
const sensitiveText = (max: number) => z.union([reason, personText(max)]).nullable().default(null);

export const IsoDate = z.iso.date('Use a date like 2026-03-01.');
const sensitiveDate = z.union([reason, IsoDate]).nullable().default(null);

export const IdentitySection = z
  .object({
    preferredName: personText(120),
    pronouns: text(40),
    legalName: sensitiveText(200),
    aliases: z.array(personText(120)).max(20).default([]),
    dateOfBirth: sensitiveDate,
    estimatedAge: z.number().int().min(0).max(120).nullable().default(null),
    genderIdentity: code(v.genderIdentities),
    lgbtq: code(v.yesNo),
    raceEthnicity: codes(v.raceEthnicities),
    disabilities: codes(v.disabilities),
  })
  .strict();

export const ContactMethod = z
  .object({
    kind: v.contactKinds.schema,
    value: personText(200),
    safeToCall: v.safeFlag.schema.default('unknown'),
    safeToText: v.safeFlag.schema.default('unknown'),
    safeVoicemail: v.safeFlag.schema.default('unknown'),
    safeMail: v.safeFlag.schema.default('unknown'),
    note: text(300),
  })
  .strict();
export type ContactMethod = z.infer<typeof ContactMethod>;

export const ContactSection = z
  .object({
    methods: z.array(ContactMethod).max(10).default([]),
    emergencyContact: z
      .object({
        name: personText(120),
        relationship: text(80),
        phone: text(60),
        safeToContact: v.safeFlag.schema.default('unknown'),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export const LanguageSection = z
  .object({
    primary: code(v.languagesSpoken),
    other: z.array(v.languagesSpoken.schema).max(10).default([]),
    interpreterNeeded: code(v.yesNo),
  })
  .strict();

export const CitizenshipSection = z
  .object({
    category: code(v.citizenshipCategories),
    countryOfOrigin: sensitiveText(80),
  })
  .strict();

export const TraffickingSection = z
  .object({
    status: code(v.traffickingStatuses),
    determinedBy: code(v.determinedBy),
    type: code(v.traffickingTypes),
    exploitationTypes: codes(v.exploitationTypes),
    controlMethods: codes(v.controlMethods),
    laborIndustry: code(v.laborIndustries),
    recruitment: codes(v.recruitmentMethods),
    ageFirstTrafficked: z.union([reason, z.number().int().min(0).max(120)]).nullable().default(null),
  })
  .strict();

export const NeedsSection = z
  .object({
    immediateNeeds: codes(v.immediateNeeds),
    riskLevel: v.riskLevels.schema.nullable().default(null),
    urgentSafety: z.boolean().default(false),
    safetyNote: text(1000),
  })
  .strict();

export const ReferralSection = z
  .object({
    intakeDate: IsoDate.nullable().default(null),
    referralDate: IsoDate.nullable().default(null),
    intakeType: code(v.intakeTypes),
    referralSource: code(v.referralSources),
  })
  .strict();

/** A short screening form in the style of the Vera Institute's TVIT; each item yes / no / a reason. */
export const screeningItems = [
  'lied_to_about_work',
  'paid_little_or_nothing',
  'owed_debt',
  'not_free_to_leave',
  'documents_taken',
  'threatened',
  'forced_sex_acts',
  'someone_controls_money',
] as const;

export const ScreeningSection = z
  .object({
    lied_to_about_work: code(v.yesNo),
    paid_little_or_nothing: code(v.yesNo),
    owed_debt: code(v.yesNo),
    not_free_to_leave: code(v.yesNo),
    documents_taken: code(v.yesNo),
    threatened: code(v.yesNo),
    forced_sex_acts: code(v.yesNo),
    someone_controls_money: code(v.yesNo),
  })
  .strict();

export const FamilyMember = z
  .object({
    relationship: v.relationships.schema,
    firstName: text(80),
    ageGroup: z.union([z.enum(['under_18', 'adult']), reason]).default('not_collected'),
    servedByAgency: z.boolean().default(false),
  })
  .strict();

export const FamilySection = z.object({ members: z.array(FamilyMember).max(20).default([]) }).strict();

export const sectionSchemas = {
  identity: IdentitySection,
  contact: ContactSection,
  language: LanguageSection,
  citizenship: CitizenshipSection,
  trafficking: TraffickingSection,
  needs: NeedsSection,
  referral: ReferralSection,
  screening: ScreeningSection,
  family: FamilySection,
} as const;

export type SectionName = keyof typeof sectionSchemas;
export const sectionNames = Object.keys(sectionSchemas) as SectionName[];
export const SectionNameSchema = z.enum(sectionNames as [SectionName, ...SectionName[]]);
export type SectionData<S extends SectionName> = z.output<(typeof sectionSchemas)[S]>;

const ClientId = z.string().regex(/^[0-9a-f]{32}$/u, 'Not a valid record id.');

const save = <S extends SectionName>(section: S) =>
  z
    .object({
      clientId: ClientId,
      section: z.literal(section),
      data: sectionSchemas[section],
      /** The version the form was loaded from; a newer stored version means someone else saved first. */
      baseVersion: z.number().int().min(0),
    })
    .strict();

export const SaveSectionInput = z.discriminatedUnion('section', [
  save('identity'),
  save('contact'),
  save('language'),
  save('citizenship'),
  save('trafficking'),
  save('needs'),
  save('referral'),
  save('screening'),
  save('family'),
]);
export type SaveSectionInput = z.infer<typeof SaveSectionInput>;
