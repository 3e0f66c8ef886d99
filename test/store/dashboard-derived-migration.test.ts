// 0220-dashboard-derived: a store at the previous version gains, for each goal step, its case and
// whether its goal is open, and for each case the date of its latest contact (contact-log entry,
// service or case note); triggers keep them right through later inserts, edits and removals.
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

const steps = (db: ReturnType<typeof bareStore>) => db.prepare('SELECT id, client_id, goal_open FROM goal_steps ORDER BY id').all();
const lastContact = (db: ReturnType<typeof bareStore>) =>
  Object.fromEntries((db.prepare('SELECT id, last_contact_on FROM clients ORDER BY id').all() as { id: string; last_contact_on: string | null }[]).map((r) => [r.id, r.last_contact_on]));

describe('0220-dashboard-derived', () => {
  it('fills the derived columns from existing rows, then keeps them as rows change', () => {
    const db = bareStore();
    migrate(db, 200);
    db.exec(`
      INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z');
      INSERT INTO clients (id, case_number, chosen_name, assigned_worker_id, created_by, created_at, updated_at) VALUES
        ('c1', 'SH-2026-0001', 'One', 'u1', 'u1', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z'),
        ('c2', 'SH-2026-0002', 'Two', 'u1', 'u1', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z'),
        ('c3', 'SH-2026-0003', 'Three', 'u1', 'u1', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z');
      INSERT INTO goals (id, client_id, domain, title, status, created_at, created_by) VALUES
        ('g1', 'c1', 'legal', 'Open goal', 'open', '2026-01-05T10:00:00Z', 'u1'),
        ('g2', 'c2', 'housing', 'Done goal', 'achieved', '2026-01-05T10:00:00Z', 'u1');
      INSERT INTO goal_steps (id, goal_id, text, due_date, position) VALUES ('s1', 'g1', 'a', '2026-01-10', 0), ('s2', 'g2', 'b', '2026-01-10', 0);
      INSERT INTO services (id, client_id, date, category, provider, created_at, created_by) VALUES
        ('v1', 'c1', '2026-01-20', 'case_management', 'in_house', 'x', 'u1'),
        ('v2', 'c1', '2026-02-01', 'case_management', 'in_house', 'x', 'u1');
      INSERT INTO contact_attempts (id, client_id, date, method, outcome, created_at, created_by) VALUES ('a1', 'c1', '2026-01-25', 'call', 'reached', 'x', 'u1');
      INSERT INTO case_notes (id, client_id, date, kind, body, author_id, created_at) VALUES ('n1', 'c2', '2026-01-15', 'contact', 'x', 'u1', 'x');
    `);
    migrate(db, 220);
    expect(storeVersion(db)).toBeGreaterThanOrEqual(220);
    expect(steps(db)).toEqual([
      { id: 's1', client_id: 'c1', goal_open: 1 },
      { id: 's2', client_id: 'c2', goal_open: 0 },
    ]);
    expect(lastContact(db)).toEqual({ c1: '2026-02-01', c2: '2026-01-15', c3: null });

    // A new step takes its goal's case and status; a goal's status change reaches its steps.
    db.exec("INSERT INTO goal_steps (id, goal_id, text, due_date, position) VALUES ('s3', 'g2', 'c', '2026-01-11', 1)");
    db.exec("UPDATE goals SET status = 'open' WHERE id = 'g2'");
    db.exec("UPDATE goals SET status = 'withdrawn' WHERE id = 'g1'");
    expect(steps(db)).toEqual([
      { id: 's1', client_id: 'c1', goal_open: 0 },
      { id: 's2', client_id: 'c2', goal_open: 1 },
      { id: 's3', client_id: 'c2', goal_open: 1 },
    ]);
    // A step moved to another goal follows it.
    db.exec("UPDATE goal_steps SET goal_id = 'g1' WHERE id = 's3'");
    expect(steps(db)[2]).toEqual({ id: 's3', client_id: 'c1', goal_open: 0 });

    // A later contact moves the date on; an earlier one does not; a removal or a changed date recomputes it.
    db.exec("INSERT INTO contact_attempts (id, client_id, date, method, outcome, created_at, created_by) VALUES ('a2', 'c3', '2026-02-03', 'text', 'attempted', 'x', 'u1')");
    db.exec("INSERT INTO case_notes (id, client_id, date, kind, body, author_id, created_at) VALUES ('n2', 'c1', '2026-01-02', 'contact', 'x', 'u1', 'x')");
    expect(lastContact(db)).toEqual({ c1: '2026-02-01', c2: '2026-01-15', c3: '2026-02-03' });
    db.exec("DELETE FROM services WHERE id = 'v2'");
    expect(lastContact(db).c1).toBe('2026-01-25');
    db.exec("UPDATE contact_attempts SET date = '2026-01-03' WHERE id = 'a1'");
    expect(lastContact(db).c1).toBe('2026-01-20');
    db.exec("UPDATE case_notes SET client_id = 'c1' WHERE id = 'n1'");
    expect(lastContact(db)).toEqual({ c1: '2026-01-20', c2: null, c3: '2026-02-03' });
    db.exec("DELETE FROM contact_attempts WHERE id = 'a2'");
    expect(lastContact(db).c3).toBeNull();
    // Removing a case removes its rows (and their triggers find no case to update).
    db.exec("DELETE FROM clients WHERE id = 'c1'");
    expect(db.prepare("SELECT count(*) FROM goal_steps WHERE client_id = 'c1'").pluck().get()).toBe(0);
    db.close();
  });
});
