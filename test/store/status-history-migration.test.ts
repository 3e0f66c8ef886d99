// 0100-status-history: a store at version 70 keeps its goals, referrals, milestones and closures, and
// each gains the dated history its columns still show; from then on every insert and status change
// appends its event, whoever writes it.
import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../main/cases/dates';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0100-status-history', () => {
  it('backfills the history of existing rows and records every later change', () => {
    const db = bareStore();
    migrate(db, 70);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'admin', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES ('c1', 'SH-2025-0001', 'Synthetic', 'u1', '2025-01-04T10:00:00Z', '2025-01-04T10:00:00Z')").run();
    db.prepare("INSERT INTO partners (id, name, services, created_at) VALUES ('p1', 'Synthetic Partner', '[]', '2025-01-01T00:00:00Z')").run();
    const goal = db.prepare("INSERT INTO goals (id, client_id, domain, title, status, status_on, created_at, created_by) VALUES (?, 'c1', 'housing', 'Synthetic', ?, ?, ?, 'u1')");
    goal.run('g1', 'open', null, '2025-02-01T23:30:00Z');
    goal.run('g2', 'achieved', '2025-06-01', '2025-02-01T10:00:00Z');
    const referral = db.prepare("INSERT INTO referrals (id, client_id, partner_id, service, sent_on, status, status_on, accepted_on, shares_identity, created_at, created_by) VALUES (?, 'c1', 'p1', 'legal', '2025-03-01', ?, ?, ?, 0, '2025-03-01T10:00:00Z', 'u1')");
    referral.run('r1', 'sent', null, null);
    referral.run('r2', 'completed', '2025-05-01', '2025-03-04');
    db.prepare("INSERT INTO milestones (id, client_id, kind, status, requested_on, decided_on, expires_on, created_at, created_by) VALUES ('m1', 'c1', 't_visa', 'expired', '2025-01-10', '2025-04-01', '2026-04-01', '2025-01-10T10:00:00Z', 'u1')").run();
    db.prepare("INSERT INTO case_closures (client_id, closed_on, reason, destination, reopened_on, closed_by) VALUES ('c1', '2025-07-01', 'moved', 'unknown', '2025-08-01', 'u1')").run();
    db.prepare("INSERT INTO case_closures (client_id, closed_on, reason, destination, closed_by) VALUES ('c1', '2025-10-01', 'goals_met', 'own_housing', 'u1')").run();

    migrate(db, 100);
    expect(storeVersion(db)).toBeGreaterThanOrEqual(100);
    const events = () => db.prepare('SELECT subject, subject_id, status, effective_on FROM status_events ORDER BY id').all();
    expect(events()).toEqual([
      { subject: 'goal', subject_id: 'g2', status: 'achieved', effective_on: '2025-06-01' },
      // Accepted on the 4th, completed on 1 May: both days kept.
      { subject: 'referral', subject_id: 'r2', status: 'accepted', effective_on: '2025-03-04' },
      { subject: 'referral', subject_id: 'r2', status: 'completed', effective_on: '2025-05-01' },
      { subject: 'milestone', subject_id: 'm1', status: 'requested', effective_on: '2025-01-10' },
      { subject: 'milestone', subject_id: 'm1', status: 'granted', effective_on: '2025-04-01' },
      { subject: 'milestone', subject_id: 'm1', status: 'expired', effective_on: '2026-04-01' },
      { subject: 'case', subject_id: 'c1', status: 'closed', effective_on: '2025-07-01' },
      { subject: 'case', subject_id: 'c1', status: 'open', effective_on: '2025-08-01' },
      { subject: 'case', subject_id: 'c1', status: 'closed', effective_on: '2025-10-01' },
    ]);
    // The day each goal was entered, on this computer's calendar (the test may run in any time zone).
    expect(db.prepare('SELECT id, opened_on FROM goals ORDER BY id').all()).toEqual([
      { id: 'g1', opened_on: localIsoDate(new Date('2025-02-01T23:30:00Z')) },
      { id: 'g2', opened_on: localIsoDate(new Date('2025-02-01T10:00:00Z')) },
    ]);

    // Later writes, straight to the tables as any writer would, append their events.
    const before = (events()).length;
    db.prepare("UPDATE goals SET status = 'achieved', status_on = '2026-01-05' WHERE id = 'g1'").run();
    db.prepare("UPDATE goals SET title = 'Renamed' WHERE id = 'g1'").run();
    db.prepare("UPDATE referrals SET status = 'declined', status_on = '2026-01-06' WHERE id = 'r1'").run();
    db.prepare("UPDATE milestones SET note = 'no status change' WHERE id = 'm1'").run();
    db.prepare("UPDATE case_closures SET reopened_on = '2026-01-07' WHERE closed_on = '2025-10-01'").run();
    expect((events()).slice(before)).toEqual([
      { subject: 'goal', subject_id: 'g1', status: 'achieved', effective_on: '2026-01-05' },
      { subject: 'referral', subject_id: 'r1', status: 'declined', effective_on: '2026-01-06' },
      { subject: 'case', subject_id: 'c1', status: 'open', effective_on: '2026-01-07' },
    ]);
    // The first/latest pass orders by day, kind, entry time and entry order from the index alone.
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT client_id, instrument_id, min(taken_on || (CASE kind WHEN 'intake' THEN 0 ELSE 1 END) || created_at || id || '|' || score_line) FROM assessments WHERE taken_on <= '2025-12-31' GROUP BY client_id, instrument_id",
      )
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
    expect(plan).toMatch(/COVERING INDEX assessments_client/u);
    db.close();
  });
});
