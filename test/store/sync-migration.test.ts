// 0110-sync: a store at the previous version keeps its cases and gains the (empty) sync tables; no
// trigger is created, so a store that never turns sync on writes exactly as before.
import { describe, expect, it } from 'vitest';
import { migrate, migrations, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0110-sync', () => {
  it('keeps every case and adds empty sync tables with sync off', () => {
    const previous = migrations.filter((m) => m.version < 110).at(-1)!.version;
    const db = bareStore();
    migrate(db, previous);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'admin', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES ('c1', 'SH-2026-0001', 'Synthetic', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
    const triggersBefore = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all();

    migrate(db, 110);
    expect(storeVersion(db)).toBe(110);
    expect(db.prepare('SELECT id, case_number FROM clients').all()).toEqual([{ id: 'c1', case_number: 'SH-2026-0001' }]);
    for (const table of ['sync_meta', 'sync_docs', 'sync_outbox', 'sync_dirty', 'sync_keys', 'sync_pending', 'sync_reproject', 'sync_unique_clash', 'sync_conflicts']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(db.prepare('SELECT applying FROM sync_state').pluck().get()).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual(triggersBefore);
    db.close();
  });
});
