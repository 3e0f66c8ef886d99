// Main process (plain Node). Never imports electron.
// A staff-only calendar file (.ics) of a worker's appointments, for their own calendar. Each event
// carries the case number or the chosen name's initials and the time, nothing else: no place, no
// purpose, no attendees, so nothing is ever sent to a survivor. The reason is kept in the store and
// the export is in the access log.
import { isAbsolute, join } from 'node:path';
import { statSync } from 'node:fs';
import ical, { ICalEventClass } from 'ical-generator';
import { fold } from '../../../shared/fold';
import { writeFileAtomic } from '../../fs/atomic';
import { stmt } from '../../store/repos/statements';
import { workerDays } from '../../week/appointments';
import { AppError } from '../errors';
import type { Handler } from '../types';
import { mayName, weekWorker } from './appointments';

export function initials(name: string): string {
  return fold(name)
    .split(/[\s\-'’.]+/u)
    .filter((w) => w !== '')
    .map((w) => [...w][0]!.toUpperCase())
    .join('');
}

function plusMinutes(date: string, time: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) + minutes * 60_000);
}

export const exportCalendar: Handler<'appointments.exportCalendar'> = (input, ctx) => {
  const worker = weekWorker(ctx, input.workerId);
  if (!isAbsolute(input.folder) || !statSync(input.folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError('INVALID_INPUT', undefined, [{ path: 'folder', message: 'Type the full path of an existing folder.' }]);
  }
  const rows = workerDays(ctx.db, worker, input.from, input.days).filter((r) => r.status === 'booked' || r.status === 'attended');
  // Floating times: the event is at the same clock time wherever the calendar is opened.
  const calendar = ical({ prodId: { company: 'Safehold', product: 'week', language: 'EN' }, name: 'Safehold' });
  for (const r of rows) {
    // Initials are part of a name: a case the caller may not open (a colleague's, attended) keeps its number.
    const label = input.label === 'initials' && mayName(ctx, r) ? initials(r.chosen_name) : r.case_number;
    calendar.createEvent({
      id: r.id,
      summary: label,
      class: ICalEventClass.PRIVATE,
      floating: true,
      ...(r.time
        ? { start: new Date(`${r.date}T${r.time}:00Z`), end: plusMinutes(r.date, r.time, r.minutes ?? 60) }
        : { start: new Date(`${r.date}T00:00:00Z`), allDay: true }),
      stamp: ctx.now(),
    });
  }
  const to = new Date(Date.parse(`${input.from}T00:00:00Z`) + (input.days - 1) * 86_400_000).toISOString().slice(0, 10);
  const file = join(input.folder, `safehold-${input.from}-${to}.ics`);
  stmt(ctx.db, 'INSERT INTO calendar_exports (user_id, at, period_from, period_to, reason) VALUES (?, ?, ?, ?, ?)').run(ctx.user.id, ctx.now().toISOString(), input.from, to, input.reason);
  writeFileAtomic(file, calendar.toString());
  return { file, events: rows.length };
};
