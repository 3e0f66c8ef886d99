// 0060-import: a store at version 50 keeps its cases, and gains the table that remembers the ids
// people had in an agency's old spreadsheet (unique per source, removed with the case).
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0060-import', () => {
  it('keeps the cases written at version 50 and adds external_ids', () => {
    const db = bareStore();
    migrate(db, 50);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'admin', '2026-01-01T00:00:00Z')").run();
    const insertClient = db.prepare(
      "INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES (?, ?, 'Synthetic', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    );
    insertClient.run('c1', 'SH-2026-0001');
    insertClient.run('c2', 'SH-2026-0002');

    migrate(db, 60);
    expect(storeVersion(db)).toBe(60);
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(2);
    const insert = db.prepare('INSERT INTO external_ids (client_id, source, external_id) VALUES (?, ?, ?)');
    insert.run('c1', 'spreadsheet', 'A-1');
    insert.run('c2', 'other-system', 'A-1');
    expect(() => insert.run('c2', 'spreadsheet', 'A-1')).toThrow(/UNIQUE/u);
    db.prepare("DELETE FROM clients WHERE id = 'c1'").run();
    expect(db.prepare('SELECT source FROM external_ids').pluck().all()).toEqual(['other-system']);
    db.close();
  });
});
