// shared/: runs in every process. Imports nothing outside shared/.
// A caseworker's week (issue 16): appointments with attendance, the contact log and anonymous outreach.
import { z } from 'zod';
import { serviceCategories } from '../vocab/planning';
import { appointmentKinds, appointmentStatuses, contactMethods, contactOutcomes } from '../vocab/week';
import { Id, personText } from './common';
import { IsoDate } from './intake';

const optionalText = (max: number) => personText(max).nullable().default(null);
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'Use a time like 09:30.');
const Minutes = z.number().int().min(1, 'Use at least 1 minute.').max(24 * 60, 'Use at most 1440 minutes.');

export const AddAppointmentInput = z
  .object({
    clientId: Id,
    date: IsoDate,
    time: ClockTime.nullable().default(null),
    minutes: Minutes.nullable().default(null),
    place: optionalText(200),
    /** The staff member who meets the person. */
    staffId: Id,
    interpreter: z.boolean().default(false),
    kind: appointmentKinds.schema,
    purpose: optionalText(300),
    goalId: Id.nullable().default(null),
    milestoneId: Id.nullable().default(null),
  })
  .strict();
export type AddAppointmentInput = z.input<typeof AddAppointmentInput>;

/** The service logged with "attended", in the same transaction. */
export const AttendedService = z
  .object({ category: serviceCategories.schema, minutes: Minutes.nullable().default(null), note: optionalText(500) })
  .strict();

export const SetAppointmentStatusInput = z
  .object({
    appointmentId: Id,
    status: appointmentStatuses.schema,
    /** Only with "attended": the matching service, logged in one step. */
    service: AttendedService.nullable().default(null),
    /** Only with "rescheduled": the new date and time, booked as a new appointment. */
    rescheduleTo: z.object({ date: IsoDate, time: ClockTime.nullable().default(null) }).strict().nullable().default(null),
  })
  .strict()
  .refine((s) => s.service === null || s.status === 'attended', { path: ['service'], message: 'A service is logged only when the person attended.' })
  .refine((s) => s.rescheduleTo === null || s.status === 'rescheduled', { path: ['rescheduleTo'], message: 'A new date is given only when rescheduling.' });

export const Appointment = z.object({
  id: Id,
  clientId: Id,
  date: z.string(),
  time: z.string().nullable(),
  minutes: z.number().nullable(),
  place: z.string().nullable(),
  staff: z.object({ id: Id, displayName: z.string() }),
  interpreter: z.boolean(),
  kind: appointmentKinds.schema,
  purpose: z.string().nullable(),
  goalId: Id.nullable(),
  milestoneId: Id.nullable(),
  status: appointmentStatuses.schema,
  serviceId: Id.nullable(),
});
export type Appointment = z.infer<typeof Appointment>;

export const ClientAppointments = z.object({
  appointments: z.array(Appointment),
  /** From the language section: an interpreter was marked as needed (prefills the flag). */
  interpreterNeeded: z.boolean(),
  goals: z.array(z.object({ id: Id, title: z.string() })),
  milestones: z.array(z.object({ id: Id, kind: z.string(), dueOn: z.string().nullable() })),
});

export const WeekInput = z
  .object({ from: IsoDate, days: z.number().int().min(1).max(14).default(7), workerId: Id.nullable().default(null) })
  .strict();
export const WeekItem = Appointment.extend({
  caseNumber: z.string(),
  /** Null when the viewer may not open the case (a colleague's case they only attend). */
  chosenName: z.string().nullable(),
});
export const WeekOutput = z.object({ items: z.array(WeekItem) });

export const ExportCalendarInput = z
  .object({
    from: IsoDate,
    days: z.number().int().min(1).max(62).default(7),
    workerId: Id.nullable().default(null),
    /** How each event names the case: its case number, or the initials of the name the person chose. */
    label: z.enum(['case_number', 'initials']).default('case_number'),
    /** An absolute folder path; the file is written there. */
    folder: z.string().min(1).max(1000),
    reason: z.string().trim().min(10, 'Say in a sentence why the calendar is exported.').max(500),
  })
  .strict();
export const ExportCalendarOutput = z.object({ file: z.string(), events: z.number().int() });

export const AddContactInput = z
  .object({
    clientId: Id,
    date: IsoDate,
    method: contactMethods.schema,
    outcome: contactOutcomes.schema,
    minutes: Minutes.nullable().default(null),
    note: optionalText(300),
  })
  .strict();
export type AddContactInput = z.input<typeof AddContactInput>;
export const AddedContact = z.object({ id: Id, unsafe: z.boolean() });

export const safety = ['safe', 'not_safe', 'not_asked'] as const;
export const ContactSafety = z.object({
  call: z.enum(safety),
  text: z.enum(safety),
  email: z.enum(safety),
  mail: z.enum(safety),
  voicemail: z.enum(safety),
});
export type ContactSafety = z.infer<typeof ContactSafety>;

export const ContactAttempt = z.object({
  id: Id,
  date: z.string(),
  method: contactMethods.schema,
  outcome: contactOutcomes.schema,
  minutes: z.number().nullable(),
  note: z.string().nullable(),
  unsafe: z.boolean(),
  by: z.string().nullable(),
});
export const ClientContacts = z.object({ attempts: z.array(ContactAttempt), safety: ContactSafety });

export const AddOutreachInput = z
  .object({
    date: IsoDate,
    place: optionalText(200),
    minutes: Minutes.nullable().default(null),
    people: z.number().int().min(1, 'Count at least one person.').max(10_000),
  })
  .strict();
export type AddOutreachInput = z.input<typeof AddOutreachInput>;
export const OutreachList = z.object({
  items: z.array(z.object({ id: Id, date: z.string(), place: z.string().nullable(), minutes: z.number().nullable(), people: z.number() })),
});

type Method = z.infer<typeof contactMethods.schema>;
type Outcome = z.infer<typeof contactOutcomes.schema>;

/** Which of the case's contact safety flags a contact attempt relies on (none for in person). */
export function safetyKeysFor(method: Method, outcome: Outcome): (keyof ContactSafety)[] {
  const keys: (keyof ContactSafety)[] = [];
  if (method === 'call') keys.push('call');
  if (method === 'text' || method === 'messaging_app') keys.push('text');
  if (method === 'email') keys.push('email');
  if (method === 'mail') keys.push('mail');
  if (method === 'call' && (outcome === 'voicemail' || outcome === 'message_left')) keys.push('voicemail');
  return keys;
}

/** True when the attempt relies on a flag that is not marked safe ("not safe" or not asked yet). */
export function isUnsafeContact(safety: ContactSafety, method: Method, outcome: Outcome): boolean {
  return safetyKeysFor(method, outcome).some((k) => safety[k] !== 'safe');
}
