// 0180-partner-suggestions: every partner already in a version-170 store stays in the directory
// ('listed'); a suggestion can then be stored, and only the two known states are accepted.
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

const PARTNER = "INSERT INTO partners (id, name, services, contact, created_at) VALUES ('p1', 'Harbor Legal Aid', '[\"legal\"]', NULL, '2026-01-01T00:00:00Z')";

describe('0180-partner-suggestions', () => {
  it('keeps a version-170 store’s partners in the directory and accepts suggestions', () => {
    const db = bareStore();
    migrate(db, 170);
    db.prepare(PARTNER).run();
    migrate(db, 180);
    expect(storeVersion(db)).toBe(180);
    expect(db.prepare("SELECT name, status, suggested_by FROM partners WHERE id = 'p1'").get()).toEqual({ name: 'Harbor Legal Aid', status: 'listed', suggested_by: null });
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO partners (id, name, services, created_at, status, suggested_by) VALUES ('p2', 'Bridge Clinic', '[\"medical\"]', '2026-02-01T00:00:00Z', 'suggested', 'u1')").run();
    expect(db.prepare("SELECT count(*) FROM partners WHERE status = 'suggested'").pluck().get()).toBe(1);
    expect(() => db.prepare("UPDATE partners SET status = 'maybe' WHERE id = 'p2'").run()).toThrow();
    db.close();
  });
});
