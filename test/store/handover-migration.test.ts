// 0160-handover: a store at the previous version gains the secondary worker, the assignment history
// (each assigned case gets its first row: to its worker, when and by whom it was opened), tasks and notices.
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0160-handover', () => {
  it('adds the handover tables and a first history row for each assigned case', () => {
    const db = bareStore();
    migrate(db, 130);
    db.exec(`
      INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z');
      INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u2', 'Staff Two', 'staff two', 'supervisor', '2026-01-01T00:00:00Z');
      INSERT INTO clients (id, case_number, chosen_name, assigned_worker_id, created_by, created_at, updated_at)
        VALUES ('c1', 'SH-2026-0001', 'Assigned', 'u1', 'u2', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z');
      INSERT INTO clients (id, case_number, chosen_name, assigned_worker_id, created_by, created_at, updated_at)
        VALUES ('c2', 'SH-2026-0002', 'Waiting', NULL, 'u2', '2026-01-06T10:00:00Z', '2026-01-06T10:00:00Z');
    `);
    migrate(db, 160);
    expect(storeVersion(db)).toBeGreaterThanOrEqual(160);
    expect(db.prepare('SELECT client_id, position, from_user, to_user, at, by_user FROM case_assignments').all()).toEqual([
      { client_id: 'c1', position: 'primary', from_user: null, to_user: 'u1', at: '2026-01-05T10:00:00Z', by_user: 'u2' },
    ]);
    expect(db.prepare("SELECT secondary_worker_id FROM clients WHERE id = 'c1'").pluck().get()).toBeNull();
    db.prepare("INSERT INTO tasks (id, assignee_id, client_id, title, due_on, created_by, created_at) VALUES ('t1', 'u1', 'c1', 'Call back', '2026-02-01', 'u2', 'x')").run();
    expect(() => db.prepare("INSERT INTO tasks (id, assignee_id, title, due_on, created_by, created_at) VALUES ('t2', 'nobody', 'x', '2026-02-01', 'u2', 'x')").run()).toThrow();
    db.close();
  });
});
