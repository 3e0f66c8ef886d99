// 0170-service-corrections: a store from before it keeps its services and gains the columns that say
// when, by whom and why a service was last corrected (empty for every service logged before).
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0170-service-corrections', () => {
  it('keeps the services of a version-169 store and adds empty correction columns', () => {
    const db = bareStore();
    migrate(db, 169);
    db.exec(`
      INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z');
      INSERT INTO clients (id, case_number, chosen_name, created_at, updated_at, created_by) VALUES ('c1', 'SH-2026-0001', 'Synthetic', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'u1');
      INSERT INTO services (id, client_id, date, category, provider, minutes, created_at, created_by) VALUES ('s1', 'c1', '2026-02-01', 'legal', 'in_house', 30, '2026-02-01T00:00:00Z', 'u1');
    `);
    expect(() => db.prepare('SELECT correction_reason FROM services').all()).toThrow();
    migrate(db, 170);
    expect(storeVersion(db)).toBe(170);
    expect(db.prepare('SELECT id, category, minutes, corrected_at, corrected_by, correction_reason FROM services').all()).toEqual([
      { id: 's1', category: 'legal', minutes: 30, corrected_at: null, corrected_by: null, correction_reason: null },
    ]);
    db.prepare("UPDATE services SET corrected_at = '2026-02-02T00:00:00Z', corrected_by = 'u1', correction_reason = 'wrong_details' WHERE id = 's1'").run();
    expect(() => db.prepare("UPDATE services SET corrected_by = 'nobody' WHERE id = 's1'").run()).toThrow();
    db.close();
  });
});
