// Main process (plain Node). Never imports electron.
// Reading appointments: one case's, and a worker's days (the week view and day list).
import type { Appointment } from '../../shared/schemas/week';
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';

export interface AppointmentRow {
  id: string;
  client_id: string;
  date: string;
  time: string | null;
  minutes: number | null;
  place: string | null;
  staff_id: string;
  staff_name: string;
  interpreter: number;
  kind: Appointment['kind'];
  purpose: string | null;
  goal_id: string | null;
  milestone_id: string | null;
  status: Appointment['status'];
  service_id: string | null;
}

const COLUMNS = `a.id, a.client_id, a.date, a.time, a.minutes, a.place, a.staff_id, u.display_name AS staff_name, a.interpreter,
  a.kind, a.purpose, a.goal_id, a.milestone_id, a.status, a.service_id`;

export function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    clientId: r.client_id,
    date: r.date,
    time: r.time,
    minutes: r.minutes,
    place: r.place,
    staff: { id: r.staff_id, displayName: r.staff_name },
    interpreter: r.interpreter === 1,
    kind: r.kind,
    purpose: r.purpose,
    goalId: r.goal_id,
    milestoneId: r.milestone_id,
    status: r.status,
    serviceId: r.service_id,
  };
}

export function caseAppointments(db: Db, clientId: string): AppointmentRow[] {
  return stmt<[string], AppointmentRow>(
    db,
    `SELECT ${COLUMNS} FROM appointments a JOIN users u ON u.id = a.staff_id WHERE a.client_id = ? ORDER BY a.date DESC, coalesce(a.time, '') DESC, a.id`,
  ).all(clientId);
}

export interface WeekRow extends AppointmentRow {
  case_number: string;
  chosen_name: string;
  assigned_worker_id: string | null;
  secondary_worker_id: string | null;
  created_by_case: string;
}

/** A worker's appointments from `from` for `days` days, in time order (the staff-and-date index). */
export function workerDays(db: Db, workerId: string, from: string, days: number): WeekRow[] {
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return stmt<[string, string, string], WeekRow>(
    db,
    `SELECT ${COLUMNS}, c.case_number, c.chosen_name, c.assigned_worker_id, c.secondary_worker_id, c.created_by AS created_by_case
     FROM appointments a JOIN users u ON u.id = a.staff_id JOIN clients c ON c.id = a.client_id
     WHERE a.staff_id = ? AND a.date >= ? AND a.date <= ?
     ORDER BY a.date, coalesce(a.time, '99:99'), c.case_number, a.id LIMIT 1000`,
  ).all(workerId, from, to);
}
