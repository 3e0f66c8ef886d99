// A caseworker's week (issue 16): appointments booked from a milestone, attendance that logs the
// service in one step, the week view, the staff-only calendar file, and the contact log's safety warning.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, type TestCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

async function me(t: TestCore): Promise<string> {
  return (await t.ok('staff.list', {})).staff.find((s) => s.displayName === ADMIN)!.id;
}

describe('appointments', () => {
  it('books a court date from a milestone, prefilled with the interpreter need, and marking it attended logs the service in the same step', async () => {
    const t = await setUpCore();
    const staffId = await me(t);
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Ana Pérez' });
    await t.ok('intake.saveSection', { clientId, section: 'language', baseVersion: 0, data: { primary: 'es', interpreterNeeded: 'yes' } });
    const milestone = await t.ok('milestones.add', { clientId, kind: 'vacatur', status: 'requested' });
    const before = await t.ok('appointments.forClient', { id: clientId });
    expect(before.interpreterNeeded).toBe(true);
    expect(before.milestones.map((m) => m.id)).toEqual([milestone.id]);

    const { id } = await t.ok('appointments.add', { clientId, date: '2026-03-03', time: '09:30', minutes: 90, place: 'County court, room 4', staffId, interpreter: true, kind: 'court', milestoneId: milestone.id });
    await t.ok('appointments.setStatus', { appointmentId: id, status: 'attended', service: { category: 'legal' } });
    const after = await t.ok('appointments.forClient', { id: clientId });
    expect(after.appointments[0]).toMatchObject({ status: 'attended', milestoneId: milestone.id, interpreter: true });
    const plan = await t.ok('plan.get', { id: clientId });
    expect(plan.services.map((s) => [s.date, s.category, s.minutes])).toEqual([['2026-03-03', 'legal', 90]]);
    expect(after.appointments[0]!.serviceId).toBe(plan.services[0]!.id);
    // A second service for the same appointment is refused, and nothing else is written.
    const again = await t.call('appointments.setStatus', { appointmentId: id, status: 'attended', service: { category: 'legal' } });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
    expect((await t.ok('plan.get', { id: clientId })).services).toHaveLength(1);
  });

  it('refuses a milestone or goal of another case, and a service with any status but attended', async () => {
    const t = await setUpCore();
    const staffId = await me(t);
    const a = await t.ok('clients.create', { chosenName: 'First Person' });
    const b = await t.ok('clients.create', { chosenName: 'Second Person' });
    const milestone = await t.ok('milestones.add', { clientId: b.id, kind: 't_visa', status: 'requested' });
    const wrong = await t.call('appointments.add', { clientId: a.id, date: '2026-03-03', staffId, kind: 'uscis', milestoneId: milestone.id });
    expect(wrong.ok ? [] : wrong.error.fields?.map((f) => f.path)).toEqual(['milestoneId']);
    const { id } = await t.ok('appointments.add', { clientId: a.id, date: '2026-03-03', staffId, kind: 'office' });
    const bad = await t.call('appointments.setStatus', { appointmentId: id, status: 'no_show', service: { category: 'legal' } });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
  });

  it("rescheduling books the new date; the week view lists a worker's days in time order and names only cases they may open", async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Wren Worker');
    const workerId = (await t.ok('staff.list', {})).staff.find((s) => s.displayName === worker.name)!.id;
    const other = await t.ok('clients.create', { chosenName: 'Supervised Case' });
    // The admin's case, where the caseworker only goes along.
    await t.ok('appointments.add', { clientId: other.id, date: '2026-03-04', time: '14:00', staffId: workerId, kind: 'medical' });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    const own = await t.ok('clients.create', { chosenName: 'Own Case' });
    const first = await t.ok('appointments.add', { clientId: own.id, date: '2026-03-02', time: '10:00', staffId: workerId, kind: 'home_visit' });
    await t.ok('appointments.add', { clientId: own.id, date: '2026-03-04', time: '09:00', staffId: workerId, kind: 'office' });
    await t.ok('appointments.setStatus', { appointmentId: first.id, status: 'rescheduled', rescheduleTo: { date: '2026-03-05', time: '11:00' } });

    const { items } = await t.ok('appointments.week', { from: '2026-03-02' });
    expect(items.map((i) => [i.date, i.time, i.status, i.chosenName])).toEqual([
      ['2026-03-02', '10:00', 'rescheduled', 'Own Case'],
      ['2026-03-04', '09:00', 'booked', 'Own Case'],
      ['2026-03-04', '14:00', 'booked', null],
      ['2026-03-05', '11:00', 'booked', 'Own Case'],
    ]);
    const adminId = (await t.ok('staff.list', {})).staff.find((s) => s.displayName === ADMIN)!.id;
    const someoneElse = await t.call('appointments.week', { from: '2026-03-02', workerId: adminId });
    expect(someoneElse.ok ? 'ok' : someoneElse.error.code).toBe('FORBIDDEN');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect((await t.ok('appointments.week', { from: '2026-03-02', workerId })).items.every((i) => i.chosenName !== null)).toBe(true);
  });

  it('appointments still booked show in "What\'s due", overdue once their day has passed', async () => {
    const t = await setUpCore();
    const staffId = await me(t);
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Due Person' });
    await t.ok('appointments.add', { clientId, date: '2026-02-27', staffId, kind: 'medical' });
    await t.ok('appointments.add', { clientId, date: '2026-03-03', staffId, kind: 'court' });
    const cancelled = await t.ok('appointments.add', { clientId, date: '2026-03-04', staffId, kind: 'office' });
    await t.ok('appointments.setStatus', { appointmentId: cancelled.id, status: 'cancelled' });
    const due = (await t.ok('due.list', {})).items.filter((i) => i.kind === 'appointment');
    expect(due.map((i) => [i.date, i.label, i.overdue])).toEqual([
      ['2026-02-27', 'medical', true],
      ['2026-03-03', 'court', false],
    ]);
  });

  it('exports a staff-only calendar file with case numbers or initials and times only, and keeps the reason', async () => {
    const t = await setUpCore();
    const staffId = await me(t);
    const client = await t.ok('clients.create', { chosenName: 'Zoë Canary-Lastname' });
    await t.ok('appointments.add', { clientId: client.id, date: '2026-03-03', time: '09:30', minutes: 45, place: 'Canary Street 12', purpose: 'Canary purpose', staffId, kind: 'uscis' });
    await t.ok('appointments.add', { clientId: client.id, date: '2026-03-05', staffId, kind: 'home_visit' });
    const folder = tempDir();
    const noReason = await t.call('appointments.exportCalendar', { from: '2026-03-02', folder, reason: 'short' });
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('INVALID_INPUT');
    const out = await t.ok('appointments.exportCalendar', { from: '2026-03-02', folder, reason: 'Putting my week in my work calendar.' });
    expect(out.events).toBe(2);
    const ics = readFileSync(out.file, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`SUMMARY:${client.caseNumber}`);
    expect(ics).toContain('DTSTART:20260303T093000');
    expect(ics).toContain('DTEND:20260303T101500');
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20260305/u);
    expect(ics).not.toMatch(/canary|zo[eë]|street|uscis|ATTENDEE|LOCATION/iu);
    const sub = join(folder, 'initials');
    mkdirSync(sub);
    const byInitials = readFileSync((await t.ok('appointments.exportCalendar', { from: '2026-03-02', folder: sub, label: 'initials', reason: 'Putting my week in my work calendar.' })).file, 'utf8');
    expect(byInitials).toContain('SUMMARY:ZCL');
    expect(byInitials).not.toContain(client.caseNumber);
    const log = await t.ok('audit.list', {});
    expect(log.entries.filter((e) => e.action === 'appointments.exportCalendar')).toHaveLength(2);
  });
});

describe('the contact log', () => {
  it('records each attempt and flags the ones that rely on a way of reaching the person not marked safe', async () => {
    const t = await setUpCore();
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Contact Person' });
    await t.ok('intake.saveSection', {
      clientId,
      section: 'contact',
      baseVersion: 1,
      data: { methods: [{ kind: 'phone', value: '555-0100', safeToCall: 'yes', safeToText: 'no', safeVoicemail: 'unknown' }] },
    });
    const reached = await t.ok('contacts.add', { clientId, date: '2026-03-01', method: 'call', outcome: 'reached', minutes: 10 });
    const texted = await t.ok('contacts.add', { clientId, date: '2026-03-02', method: 'text', outcome: 'message_left' });
    const voicemail = await t.ok('contacts.add', { clientId, date: '2026-03-03', method: 'call', outcome: 'voicemail', note: 'Short message, no agency name' });
    const visit = await t.ok('contacts.add', { clientId, date: '2026-03-04', method: 'in_person', outcome: 'reached', minutes: 30 });
    expect([reached.unsafe, texted.unsafe, voicemail.unsafe, visit.unsafe]).toEqual([false, true, true, false]);
    const log = await t.ok('contacts.forClient', { id: clientId });
    expect(log.safety).toEqual({ call: 'safe', text: 'not_safe', email: 'not_asked', mail: 'not_asked', voicemail: 'not_asked' });
    expect(log.attempts.map((a) => [a.date, a.method, a.outcome, a.unsafe])).toEqual([
      ['2026-03-04', 'in_person', 'reached', false],
      ['2026-03-03', 'call', 'voicemail', true],
      ['2026-03-02', 'text', 'message_left', true],
      ['2026-03-01', 'call', 'reached', false],
    ]);
  });

  it('keeps anonymous outreach contacts as counts, listed for the person who recorded them', async () => {
    const t = await setUpCore();
    await t.ok('outreach.add', { date: '2026-03-01', place: 'Bus station', minutes: 90, people: 6 });
    const none = await t.call('outreach.add', { date: '2026-03-01', people: 0 });
    expect(none.ok ? 'ok' : none.error.code).toBe('INVALID_INPUT');
    expect((await t.ok('outreach.list', {})).items.map((i) => [i.date, i.people, i.minutes])).toEqual([['2026-03-01', 6, 90]]);
  });
});
