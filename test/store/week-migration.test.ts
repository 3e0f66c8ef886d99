// 0150-week: a store from before it gains the appointment, contact-attempt, outreach and calendar
// export tables, every existing name's words (a short search word finds any name word), and the case
// number without dashes in the search terms.
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0150-week', () => {
  it("adds the week's tables and indexes the words of the names already stored", () => {
    const db = bareStore();
    migrate(db, 149);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z')").run();
    const client = db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES (?, ?, ?, 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    const name = db.prepare("INSERT INTO client_names (client_id, client_rowid, kind, folded) VALUES (?, (SELECT rowid FROM clients WHERE id = ?), ?, ?)");
    client.run('c1', 'SH-2026-0001', 'Ana Pérez');
    name.run('c1', 'c1', 'chosen', 'ana perez');
    name.run('c1', 'c1', 'legal', 'ana maria perez-soto');
    client.run('c2', 'SH-2026-0002', 'Bo');
    name.run('c2', 'c2', 'chosen', 'bo');
    db.prepare("INSERT INTO client_search (rowid, terms) SELECT rowid, 'ana perez | ana maria perez-soto | sh-2026-0001' FROM clients WHERE id = 'c1'").run();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('appointments', 'contact_attempts', 'outreach_contacts', 'calendar_exports', 'client_name_words')").pluck().get()).toBe(0);

    migrate(db, 150);
    expect(storeVersion(db)).toBe(150);
    const words = db.prepare('SELECT client_id, word FROM client_name_words ORDER BY client_id, word').all();
    expect(words).toEqual([
      { client_id: 'c1', word: 'ana' },
      { client_id: 'c1', word: 'maria' },
      { client_id: 'c1', word: 'perez' },
      { client_id: 'c1', word: 'soto' },
      { client_id: 'c2', word: 'bo' },
    ]);
    expect(db.prepare("SELECT terms FROM client_search WHERE client_search MATCH '\"sh20260001\"'").pluck().all()).toEqual(['ana perez | ana maria perez-soto | sh-2026-0001 | sh20260001']);
    const rowid = db.prepare("SELECT rowid FROM clients WHERE id = 'c1'").pluck().get();
    expect(db.prepare("SELECT DISTINCT client_rowid FROM client_name_words WHERE client_id = 'c1'").pluck().all()).toEqual([rowid]);
    db.prepare("INSERT INTO appointments (id, client_id, date, staff_id, kind, created_at, created_by) VALUES ('a1', 'c1', '2026-03-01', 'u1', 'court', 'x', 'u1')").run();
    expect(db.prepare("SELECT status FROM appointments WHERE id = 'a1'").pluck().get()).toBe('booked');
    expect(() => db.prepare("INSERT INTO outreach_contacts (id, date, people, created_at, created_by) VALUES ('o1', '2026-03-01', 0, 'x', 'u1')").run()).toThrow();
    db.close();
  });
});
