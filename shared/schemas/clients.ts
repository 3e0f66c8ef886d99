// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';
import * as v from '../vocab/lists';
import { Id, personText, SearchText } from './common';
import { ContactMethod, IsoDate, sectionSchemas, type SectionName } from './intake';

/** SH-<year>-<n>, or SH-<year>-<block>-<n> on a laptop of a team (each laptop numbers in its own block). */
export const CaseNumber = z.string().regex(/^SH-\d{4}-(?:[A-Z0-9]{1,6}-)?\d{4,}$/u);

/** The short first-contact form: what the survivor is ready to share, nothing more. */
export const FirstContactInput = z
  .object({
    chosenName: personText(120),
    pronouns: personText(40).nullable().default(null),
    dateOfBirth: IsoDate.nullable().default(null),
    contact: ContactMethod.nullable().default(null),
    urgentSafety: z.boolean().default(false),
    immediateNeeds: z.array(v.immediateNeeds.schema).max(v.immediateNeeds.codes.length).default([]),
  })
  .strict();
export type FirstContactInput = z.input<typeof FirstContactInput>;

export const CreatedClient = z.object({ id: Id, caseNumber: CaseNumber });

export const FindDuplicatesInput = z
  .object({
    names: z.array(personText(200)).min(1).max(10),
    dateOfBirth: IsoDate.nullable().default(null),
  })
  .strict();

/**
 * A case the person asking may open comes with its name and what matched. Of one they may not open
 * they learn only that a possible match exists and its case number, to give a supervisor: never its
 * id, names, aliases or birth date, nor which of them matched (and a birth date alone never makes
 * such a match, so it cannot be guessed one date at a time).
 */
export const DuplicateMatch = z.discriminatedUnion('access', [
  z.object({
    access: z.literal('open'),
    clientId: Id,
    caseNumber: CaseNumber,
    chosenName: z.string(),
    matchedOn: z.array(z.enum(['name', 'birth_date'])),
  }),
  z.object({ access: z.literal('ask-supervisor'), caseNumber: CaseNumber }),
]);
export const FindDuplicatesOutput = z.object({ matches: z.array(DuplicateMatch) });

export const ClientStatus = v.clientStatuses.schema;

export const ListClientsInput = z
  .object({
    query: SearchText(200).default(''),
    status: z.enum(['active', 'closed', 'any']).default('active'),
    /** 'mine' = assigned to or created by me. Caseworkers only ever get their own. */
    assigned: z.union([z.enum(['mine', 'any', 'unassigned']), Id]).default('mine'),
    risk: z.enum(['any', 'urgent', ...v.riskLevels.codes]).default('any'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListClientsInput = z.input<typeof ListClientsInput>;

export const ClientRow = z.object({
  id: Id,
  caseNumber: CaseNumber,
  chosenName: z.string(),
  pronouns: z.string().nullable(),
  status: ClientStatus,
  riskLevel: v.riskLevels.schema.nullable(),
  urgentSafety: z.boolean(),
  assignedWorker: z.string().nullable(),
  updatedAt: z.string(),
});
export type ClientRow = z.infer<typeof ClientRow>;

export const ListClientsOutput = z.object({
  total: z.number().int(),
  rows: z.array(ClientRow),
  /** For a caseworker: cases assigned to others that match too, openable only with a reason (case numbers only, never names). */
  elsewhere: z.object({ count: z.number().int(), cases: z.array(z.object({ id: Id, caseNumber: CaseNumber })) }).nullable().optional(),
});

export const ClientIdInput = z.object({ id: Id }).strict();

/**
 * Opening a case: a caseworker may open one that is not theirs only by giving a reason
 * ("break the glass"); the reason is kept in the store and the opening is in the access log.
 */
export const OpenClientInput = z
  .object({
    id: Id,
    breakGlassReason: z.string().trim().min(10, 'Say in a sentence why you need to open this case.').max(500).nullable().default(null),
  })
  .strict();

export const consentStatuses = ['active', 'expiring', 'expired', 'revoked', 'not_started'] as const;
export const ConsentStatus = z.enum(consentStatuses);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

export const AddConsentInput = z
  .object({
    clientId: Id,
    kind: v.consentKinds.schema,
    recipient: personText(200).nullable().default(null),
    purpose: personText(500),
    dataCategories: z.array(v.consentDataCategories.schema).min(1).max(v.consentDataCategories.codes.length),
    startDate: IsoDate,
    expiryDate: IsoDate.nullable().default(null),
    language: v.languagesSpoken.schema,
    signedHow: v.signedHow.schema,
  })
  .strict()
  .refine((c) => c.expiryDate === null || c.expiryDate >= c.startDate, {
    path: ['expiryDate'],
    message: 'The expiry date must be on or after the start date.',
  })
  .refine((c) => c.kind !== 'share_partner' || c.recipient !== null, {
    path: ['recipient'],
    message: 'Name the partner this consent lets you share with.',
  });
export type AddConsentInput = z.input<typeof AddConsentInput>;

export const Consent = z.object({
  id: Id,
  kind: v.consentKinds.schema,
  recipient: z.string().nullable(),
  purpose: z.string(),
  dataCategories: z.array(v.consentDataCategories.schema),
  startDate: z.string(),
  expiryDate: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  language: v.languagesSpoken.schema,
  signedHow: v.signedHow.schema,
  status: ConsentStatus,
  /** Days until expiry (negative once expired); null when it has no expiry. */
  daysToExpiry: z.number().int().nullable(),
});
export type Consent = z.infer<typeof Consent>;

export const RevokeConsentInput = z
  .object({ consentId: Id, revokedOn: IsoDate, reason: personText(300).nullable().default(null) })
  .strict();

export const SectionState = <S extends SectionName>(section: S) =>
  z
    .object({
      data: sectionSchemas[section],
      version: z.number().int(),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
    })
    .nullable();

export const Progress = z.object({ answered: z.number().int(), total: z.number().int() });

export const ContactSafety = z.object({
  kind: v.contactKinds.schema,
  safeToCall: v.safeFlag.schema,
  safeToText: v.safeFlag.schema,
  safeVoicemail: v.safeFlag.schema,
  safeMail: v.safeFlag.schema,
});

export const ClientProfile = z.object({
  id: Id,
  caseNumber: CaseNumber,
  status: ClientStatus,
  chosenName: z.string(),
  pronouns: z.string().nullable(),
  assignedWorker: z.object({ id: Id, displayName: z.string() }).nullable(),
  /** A second worker who may also open the case (handover); null when there is none. */
  secondaryWorker: z.object({ id: Id, displayName: z.string() }).nullable(),
  createdAt: z.string(),
  header: z.object({
    riskLevel: v.riskLevels.schema.nullable(),
    urgentSafety: z.boolean(),
    contactSafety: z.array(ContactSafety),
    consentStatus: z.enum(['none', ...consentStatuses]),
    minorAtIntake: z.boolean().nullable(),
  }),
  sections: z.object({
    identity: SectionState('identity'),
    contact: SectionState('contact'),
    language: SectionState('language'),
    citizenship: SectionState('citizenship'),
    trafficking: SectionState('trafficking'),
    needs: SectionState('needs'),
    referral: SectionState('referral'),
    screening: SectionState('screening'),
    family: SectionState('family'),
  }),
  progress: z.record(z.enum(Object.keys(sectionSchemas) as [SectionName, ...SectionName[]]), Progress),
  consents: z.array(Consent),
});
export type ClientProfile = z.infer<typeof ClientProfile>;

export const SavedSection = z.object({ version: z.number().int(), progress: Progress });

export const HistoryEntry = z.object({ at: z.string(), by: z.string().nullable(), section: z.string(), field: z.string() });
export const HistoryOutput = z.object({ entries: z.array(HistoryEntry) });

export const AssignInput = z.object({ clientId: Id, workerId: Id.nullable() }).strict();

export const StaffMember = z.object({ id: Id, displayName: z.string(), role: z.enum(['admin', 'supervisor', 'caseworker', 'auditor']), active: z.boolean() });
export const StaffListOutput = z.object({ staff: z.array(StaffMember) });
