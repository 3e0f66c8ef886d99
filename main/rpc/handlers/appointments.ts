// Main process (plain Node). Never imports electron.
// Appointments (issue 16): booked with a case, optionally from a goal or a legal milestone; marking one
// attended can log the matching service in the same transaction. Nothing is ever sent to anyone.
import { canOpen, openableClient, seesAllCases } from '../../cases/access';
import { workingOn } from '../../cases/owner';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import { caseAppointments, toAppointment, workerDays, type AppointmentRow, type WeekRow } from '../../week/appointments';
import { interpreterNeeded } from '../../week/case-facts';
import { AppError } from '../errors';
import type { DataContext, Handler } from '../types';
import { addService } from './services';

function touched(ctx: DataContext, clientId: string, field: string): void {
  const at = ctx.now().toISOString();
  recordChanges(ctx.db, clientId, at, ctx.user.id, 'appointments', [field]);
  updateClientColumns(ctx.db, clientId, {}, at);
}

function belongs(ctx: DataContext, table: 'goals' | 'milestones', id: string | null, clientId: string, path: string): void {
  if (id === null) return;
  const row = stmt<[string], { client_id: string }>(ctx.db, `SELECT client_id FROM ${table} WHERE id = ?`).get(id);
  if (!row || row.client_id !== clientId) throw new AppError('INVALID_INPUT', undefined, [{ path, message: "Choose one of this person's own records." }]);
}

function activeStaff(ctx: DataContext, staffId: string): void {
  const row = stmt<[string], { active: number; role: string }>(ctx.db, 'SELECT active, role FROM users WHERE id = ?').get(staffId);
  if (!row || row.active !== 1 || row.role === 'auditor') {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'staffId', message: 'Choose an active member of staff.' }]);
  }
}

export const addAppointment: Handler<'appointments.add'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  activeStaff(ctx, input.staffId);
  belongs(ctx, 'goals', input.goalId, client.id, 'goalId');
  belongs(ctx, 'milestones', input.milestoneId, client.id, 'milestoneId');
  const id = newId();
  stmt(
    ctx.db,
    `INSERT INTO appointments (id, client_id, date, time, minutes, place, staff_id, interpreter, kind, purpose, goal_id, milestone_id, status, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)`,
  ).run(id, client.id, input.date, input.time, input.minutes, input.place, input.staffId, input.interpreter ? 1 : 0, input.kind, input.purpose, input.goalId, input.milestoneId, ctx.now().toISOString(), ctx.user.id);
  touched(ctx, client.id, `added:${input.kind}`);
  return { id };
};

/** The stored row as `SELECT *` gives it (the reading side's row, without the joined staff name). */
type Row = Omit<AppointmentRow, 'staff_name'>;

export const setAppointmentStatus: Handler<'appointments.setStatus'> = (input, ctx) => {
  const appt = stmt<[string], Row>(ctx.db, 'SELECT * FROM appointments WHERE id = ?').get(input.appointmentId);
  if (!appt) throw new AppError('NOT_FOUND');
  const client = workingOn(ctx, appt.client_id);
  let serviceId = appt.service_id;
  if (input.service !== null) {
    if (appt.service_id !== null) throw new AppError('CONFLICT', 'A service is already logged for this appointment.');
    // The same rules as logging a service by hand, in this transaction: both are saved or neither.
    serviceId = addService(
      { clientId: client.id, date: appt.date, category: input.service.category, provider: 'in_house', partnerId: null, minutes: input.service.minutes ?? appt.minutes, amountCents: null, goalId: appt.goal_id, note: input.service.note },
      ctx,
    ).id;
    ctx.audit.append({ actorId: ctx.user.id, action: 'services.add', targetId: client.id });
  }
  stmt(ctx.db, 'UPDATE appointments SET status = ?, service_id = ? WHERE id = ?').run(input.status, serviceId, input.appointmentId);
  if (input.rescheduleTo !== null) {
    stmt(
      ctx.db,
      `INSERT INTO appointments (id, client_id, date, time, minutes, place, staff_id, interpreter, kind, purpose, goal_id, milestone_id, status, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)`,
    ).run(newId(), client.id, input.rescheduleTo.date, input.rescheduleTo.time, appt.minutes, appt.place, appt.staff_id, appt.interpreter, appt.kind, appt.purpose, appt.goal_id, appt.milestone_id, ctx.now().toISOString(), ctx.user.id);
  }
  touched(ctx, client.id, `status:${input.status}`);
  return { done: true };
};

export const clientAppointments: Handler<'appointments.forClient'> = (input, ctx) => {
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'appointments.view', targetId: client.id });
  const goals = stmt<[string], { id: string; title: string }>(ctx.db, "SELECT id, title FROM goals WHERE client_id = ? AND status = 'open' ORDER BY created_at, rowid").all(client.id);
  const milestones = stmt<[string], { id: string; kind: string; dueOn: string | null }>(
    ctx.db,
    'SELECT id, kind, due_on AS dueOn FROM milestones WHERE client_id = ? ORDER BY coalesce(requested_on, decided_on, created_at)',
  ).all(client.id);
  return {
    appointments: caseAppointments(ctx.db, client.id).map(toAppointment),
    interpreterNeeded: interpreterNeeded(ctx.db, client.id),
    goals,
    milestones,
  };
};

/** Whose days: one's own, or (supervisors and admins) any worker's. */
export function weekWorker(ctx: DataContext, workerId: string | null): string {
  const worker = workerId ?? ctx.user.id;
  if (worker !== ctx.user.id && !seesAllCases(ctx)) throw new AppError('FORBIDDEN', "Only supervisors can see another worker's week.");
  return worker;
}

/** Whether the week (and its calendar file) may name this row's case: only when the caller may open it. */
export function mayName(ctx: DataContext, r: WeekRow): boolean {
  return canOpen(ctx, { assigned_worker_id: r.assigned_worker_id, secondary_worker_id: r.secondary_worker_id, created_by: r.created_by_case });
}

export const week: Handler<'appointments.week'> = (input, ctx) => {
  const worker = weekWorker(ctx, input.workerId);
  ctx.audit.append({ actorId: ctx.user.id, action: 'appointments.week' });
  return {
    items: workerDays(ctx.db, worker, input.from, input.days).map((r) => ({
      ...toAppointment(r),
      caseNumber: r.case_number,
      // A colleague's case the worker only attends shows its case number, never its name.
      chosenName: mayName(ctx, r) ? r.chosen_name : null,
    })),
  };
};
