// shared/: runs in every process. Imports nothing outside shared/.
// Handover and tasks (issue 16 §3): primary and secondary workers with a dated history, bulk
// reassignment, the caseload handed over at deactivation, the handover summary, tasks, and notices
// of others' changes to a worker's cases.
import { z } from 'zod';
import { Id, personText } from './common';
import { IsoDate } from './intake';

export const Position = z.enum(['primary', 'secondary']);

export const ReassignInput = z
  .object({
    clientIds: z.array(Id).min(1, 'Choose at least one case.').max(500, 'Choose at most 500 cases at a time.'),
    workerId: Id,
  })
  .strict();
export const ReassignOutput = z.object({ moved: z.number().int() });

export const SetSecondaryInput = z.object({ clientId: Id, workerId: Id.nullable() }).strict();

/** Deactivating a person: who takes their cases (one person for all, or one per case). */
export const HandoverChoice = z
  .object({
    everyoneTo: Id.optional(),
    each: z.array(z.object({ clientId: Id, workerId: Id }).strict()).max(20_000).default([]),
  })
  .strict();
export const DeactivateInput = z.object({ userId: Id, handover: HandoverChoice.optional() }).strict();

export const AssignmentEntry = z.object({
  position: Position,
  fromName: z.string().nullable(),
  toName: z.string().nullable(),
  at: z.string(),
  byName: z.string().nullable(),
});
export const AssignmentHistory = z.object({ entries: z.array(AssignmentEntry) });

export const HandoverSummary = z.object({
  /** Set while the person has not yet dismissed the handover of this case to them. */
  pending: z.object({ assignmentId: Id, position: Position, at: z.string(), fromName: z.string().nullable(), byName: z.string().nullable() }).nullable(),
  openGoals: z.array(z.object({ id: Id, domain: z.string(), title: z.string(), targetDate: z.string().nullable() })),
  deadlines: z.array(z.object({ kind: z.enum(['goal_target', 'goal_step', 'milestone']), label: z.string(), date: z.string(), overdue: z.boolean() })),
  consentsExpiring: z.array(z.object({ kind: z.string(), recipient: z.string().nullable(), expiryDate: z.string() })),
  safetyPlan: z.object({ version: z.number().int(), savedAt: z.string() }).nullable(),
});
export type HandoverSummary = z.infer<typeof HandoverSummary>;

export const AddTaskInput = z
  .object({
    assigneeId: Id,
    title: personText(200),
    dueOn: IsoDate,
    clientId: Id.nullable().default(null),
  })
  .strict();
export const TaskDoneInput = z.object({ taskId: Id, doneOn: IsoDate }).strict();
export const Task = z.object({
  id: Id,
  title: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  createdBy: z.string().nullable(),
  /** The case it is about, when the assignee may open it. */
  case: z.object({ clientId: Id, caseNumber: z.string(), chosenName: z.string() }).nullable(),
});
export const TaskList = z.object({ tasks: z.array(Task) });

export const CaseChangeNotice = z.object({
  clientId: Id,
  caseNumber: z.string(),
  chosenName: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  lastBy: z.string().nullable(),
  changes: z.number().int(),
});
export const CaseChangeNotices = z.object({ notices: z.array(CaseChangeNotice) });
export const NoticeSeenInput = z.object({ clientId: Id }).strict();
