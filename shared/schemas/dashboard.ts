// shared/: runs in every process. Imports nothing outside shared/.
// The supervisor dashboard (issue 16 §4): team figures, each opening the list of cases behind it.
import { z } from 'zod';
import { Id } from './common';

export const NO_CONTACT_DAYS_DEFAULT = 30;
const NoContactDays = z.number().int().min(7, 'Use 7 days or more.').max(365, 'Use 365 days or fewer.').default(NO_CONTACT_DAYS_DEFAULT);

export const DashboardInput = z.object({ noContactDays: NoContactDays }).strict();

export const DashboardSummary = z.object({
  today: z.string(),
  caseload: z.array(z.object({ workerId: Id, displayName: z.string(), active: z.boolean(), primary: z.number().int(), secondary: z.number().int() })),
  unassigned: z.number().int(),
  overdue: z.number().int(),
  consentsExpiring: z.number().int(),
  appointmentsThisWeek: z.number().int(),
  /** Active cases with no contact-log entry, service or case note in the last `days` days. */
  noContact: z.object({ days: z.number().int(), count: z.number().int() }),
  /** The next funder report's period (this quarter so far): reports.dataQuality counts the fields missing for it. */
  reportPeriod: z.object({ from: z.string(), to: z.string() }),
});

export const DashboardFigure = z.enum(['worker', 'unassigned', 'overdue', 'consents', 'appointments', 'no-contact', 'missing-fields']);
export type DashboardFigure = z.infer<typeof DashboardFigure>;

export const DashboardListInput = z
  .object({
    figure: DashboardFigure,
    workerId: Id.optional(),
    noContactDays: NoContactDays,
  })
  .strict();

export const DashboardList = z.object({
  cases: z.array(
    z.object({
      clientId: Id,
      caseNumber: z.string(),
      chosenName: z.string(),
      workerName: z.string().nullable(),
      /** The date that put the case on the list (due, expiry, last contact), when there is one. */
      date: z.string().nullable(),
    }),
  ),
  truncated: z.boolean(),
});
