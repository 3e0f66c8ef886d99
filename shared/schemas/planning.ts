// shared/: runs in every process. Imports nothing outside shared/.
// Service planning: goals with steps, services delivered, partners and referrals, legal and
// immigration milestones, case notes, the safety plan, and closing a case.
import { z } from 'zod';
import * as p from '../vocab/planning';
import { Id, personText } from './common';
import { IsoDate } from './intake';

const optionalText = (max: number) => personText(max).nullable().default(null);
const longText = (max: number) =>
  z.string().trim().min(1, 'Enter at least one character.').max(max, `Use at most ${max} characters.`);

export const StepInput = z.object({ text: personText(300), dueDate: IsoDate.nullable().default(null) }).strict();

export const AddGoalInput = z
  .object({
    clientId: Id,
    domain: p.goalDomains.schema,
    title: personText(300),
    targetDate: IsoDate.nullable().default(null),
    responsibleId: Id.nullable().default(null),
    steps: z.array(StepInput).max(20).default([]),
  })
  .strict();
export type AddGoalInput = z.input<typeof AddGoalInput>;

export const SetGoalStatusInput = z.object({ goalId: Id, status: p.goalStatuses.schema, on: IsoDate }).strict();
export const AddStepInput = z.object({ goalId: Id, text: personText(300), dueDate: IsoDate.nullable().default(null) }).strict();
export const SetStepDoneInput = z.object({ stepId: Id, doneOn: IsoDate.nullable() }).strict();

export const Step = z.object({ id: Id, text: z.string(), dueDate: z.string().nullable(), doneOn: z.string().nullable() });
export const Goal = z.object({
  id: Id,
  domain: p.goalDomains.schema,
  title: z.string(),
  targetDate: z.string().nullable(),
  responsible: z.object({ id: Id, displayName: z.string() }).nullable(),
  status: p.goalStatuses.schema,
  statusOn: z.string().nullable(),
  steps: z.array(Step),
});
export type Goal = z.infer<typeof Goal>;

/** A service's own fields, as logged and as corrected. */
const serviceFields = {
  date: IsoDate,
  category: p.serviceCategories.schema,
  provider: p.providerKinds.schema.default('in_house'),
  partnerId: Id.nullable().default(null),
  minutes: z.number().int().min(1).max(24 * 60).nullable().default(null),
  /** Money given or spent, in whole cents (financial assistance, transport). */
  amountCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
  goalId: Id.nullable().default(null),
  note: optionalText(500),
};
const partnerNamed = [
  (s: { provider: string; partnerId: string | null }) => s.provider === 'in_house' || s.partnerId !== null,
  { path: ['partnerId'], message: 'Choose the partner that provided it.' },
] satisfies [unknown, { path: string[]; message: string }];

export const AddServiceInput = z
  .object({ clientId: Id, ...serviceFields })
  .strict()
  .refine(...partnerNamed);
export type AddServiceInput = z.input<typeof AddServiceInput>;

/** Correcting a logged service: all its fields again, and why (the reason goes into the case history). */
export const EditServiceInput = z
  .object({ serviceId: Id, reason: p.serviceChangeReasons.schema, ...serviceFields })
  .strict()
  .refine(...partnerNamed);
export type EditServiceInput = z.input<typeof EditServiceInput>;
/** Removing a service logged by mistake; the reason goes into the case history. */
export const RemoveServiceInput = z.object({ serviceId: Id, reason: p.serviceChangeReasons.schema }).strict();
export type RemoveServiceInput = z.input<typeof RemoveServiceInput>;

export const Service = z.object({
  id: Id,
  date: z.string(),
  category: p.serviceCategories.schema,
  provider: p.providerKinds.schema,
  partner: z.string().nullable(),
  minutes: z.number().nullable(),
  amountCents: z.number().nullable(),
  goalId: Id.nullable(),
  note: z.string().nullable(),
  partnerId: Id.nullable(),
  /** The last correction, if any: when and why. */
  correctedOn: z.string().nullable(),
  correctionReason: p.serviceChangeReasons.schema.nullable(),
});

export const AddPartnerInput = z
  .object({
    name: personText(200),
    services: z.array(p.serviceCategories.schema).min(1).max(p.serviceCategories.codes.length),
    contact: optionalText(300),
  })
  .strict();
export const Partner = z.object({ id: Id, name: z.string(), services: z.array(p.serviceCategories.schema), contact: z.string().nullable(), active: z.boolean() });
export const PartnerList = z.object({ partners: z.array(Partner) });

export const SendReferralInput = z
  .object({
    clientId: Id,
    partnerId: Id,
    service: p.serviceCategories.schema,
    sentOn: IsoDate,
    /** True when the referral names the person or carries identifying details. */
    sharesIdentity: z.boolean(),
  })
  .strict();
export const SetReferralStatusInput = z.object({ referralId: Id, status: p.referralStatuses.schema, on: IsoDate }).strict();
export const Referral = z.object({
  id: Id,
  partner: z.string(),
  partnerId: Id,
  service: p.serviceCategories.schema,
  sentOn: z.string(),
  status: p.referralStatuses.schema,
  statusOn: z.string().nullable(),
  sharesIdentity: z.boolean(),
  consentId: Id.nullable(),
  /** Days from sending to acceptance (the "time to match"), once accepted. */
  daysToMatch: z.number().int().nullable(),
});

export const MilestoneInput = z
  .object({
    clientId: Id,
    kind: p.milestoneKinds.schema,
    status: p.milestoneStatuses.schema,
    requestedOn: IsoDate.nullable().default(null),
    decidedOn: IsoDate.nullable().default(null),
    expiresOn: IsoDate.nullable().default(null),
    /** A deadline to act by; an interim assistance letter gets its 90-day window by default. */
    dueOn: IsoDate.nullable().default(null),
    note: optionalText(500),
  })
  .strict();
export const UpdateMilestoneInput = MilestoneInput.omit({ clientId: true, kind: true }).extend({ milestoneId: Id }).strict();
export const Milestone = z.object({
  id: Id,
  kind: p.milestoneKinds.schema,
  status: p.milestoneStatuses.schema,
  requestedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  note: z.string().nullable(),
});

export const PlanOutput = z.object({
  goals: z.array(Goal),
  services: z.array(Service),
  referrals: z.array(Referral),
  milestones: z.array(Milestone),
});
export type PlanOutput = z.infer<typeof PlanOutput>;

export const AddNoteInput = z
  .object({ clientId: Id, date: IsoDate, kind: p.noteKinds.schema, body: longText(20_000), restricted: z.boolean().default(false) })
  .strict();
export const EditNoteInput = z.object({ noteId: Id, body: longText(20_000) }).strict();
export const Note = z.object({
  id: Id,
  date: z.string(),
  kind: p.noteKinds.schema,
  body: z.string(),
  restricted: z.boolean(),
  /** A sealed restricted note this reader holds no key copy for yet (body is empty). */
  locked: z.boolean().optional(),
  author: z.string().nullable(),
  mine: z.boolean(),
  editedAt: z.string().nullable(),
});
export const NoteList = z.object({ notes: z.array(Note) });

const list = (max: number) => z.array(personText(300)).max(max).default([]);
export const SafetyPlanData = z
  .object({
    warningSigns: list(20),
    safeContacts: z.array(z.object({ name: personText(120), phone: optionalText(60) }).strict()).max(20).default([]),
    safePlaces: list(20),
    codeWords: list(10),
    documentsAndPhones: list(20),
    other: optionalText(2000),
    /** What the survivor chose to have on the printed copy; nothing else is printed. */
    print: z
      .object({
        warningSigns: z.boolean().default(false),
        safeContacts: z.boolean().default(false),
        safePlaces: z.boolean().default(false),
        codeWords: z.boolean().default(false),
        documentsAndPhones: z.boolean().default(false),
        other: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type SafetyPlanData = z.output<typeof SafetyPlanData>;

export const SaveSafetyPlanInput = z.object({ clientId: Id, baseVersion: z.number().int().min(0), plan: SafetyPlanData }).strict();
export const SafetyPlanOutput = z.object({
  current: z.object({ version: z.number().int(), plan: SafetyPlanData, savedAt: z.string(), savedBy: z.string().nullable() }).nullable(),
  versions: z.array(z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string().nullable() })),
});

export const CloseCaseInput = z
  .object({ clientId: Id, closedOn: IsoDate, reason: p.exitReasons.schema, destination: p.exitDestinations.schema })
  .strict();
export const ReopenCaseInput = z.object({ clientId: Id, reopenedOn: IsoDate }).strict();

export const DueItem = z.object({
  kind: z.enum(['goal_step', 'goal_target', 'milestone', 'consent', 'referral', 'appointment', 'document_expiry']),
  clientId: Id,
  caseNumber: z.string(),
  chosenName: z.string(),
  /** The date it is due (or the date the wait started, for a referral with no answer). */
  date: z.string(),
  overdue: z.boolean(),
  /** What it is about, as a code or short title the screen translates or shows. */
  label: z.string(),
  itemId: Id,
});
export const DueOutput = z.object({ items: z.array(DueItem) });

export const Version = z.object({ version: z.number().int() });
