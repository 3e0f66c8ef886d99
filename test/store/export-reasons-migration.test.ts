// 0130-export-reasons: a store at version 120 gains the table that keeps why exact counts were exported;
// one whose development build already made it on first use keeps its rows.
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

const USER = "INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'auditor', '2026-01-01T00:00:00Z')";
const REASON = "INSERT INTO export_reasons (user_id, at, period_from, period_to, reason) VALUES ('u1', '2026-02-01T00:00:00Z', '2025-01-01', '2025-12-31', 'State portal needs exact counts')";

describe('0130-export-reasons', () => {
  it('adds the export_reasons table to a version-120 store', () => {
    const db = bareStore();
    migrate(db, 120);
    db.prepare(USER).run();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'export_reasons'").pluck().get()).toBe(0);
    migrate(db, 130);
    expect(storeVersion(db)).toBe(130);
    db.prepare(REASON).run();
    expect(db.prepare('SELECT count(*) FROM export_reasons').pluck().get()).toBe(1);
    expect(() => db.prepare("INSERT INTO export_reasons (user_id, at, period_from, period_to, reason) VALUES ('nobody', 'x', 'y', 'z', 'r')").run()).toThrow();
    db.close();
  });

  it('keeps the rows of a table a development build made on first use', () => {
    const db = bareStore();
    migrate(db, 120);
    db.prepare(USER).run();
    db.exec('CREATE TABLE export_reasons (id INTEGER PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), at TEXT NOT NULL, period_from TEXT NOT NULL, period_to TEXT NOT NULL, reason TEXT NOT NULL) STRICT');
    db.prepare(REASON).run();
    migrate(db, 130);
    expect(db.prepare('SELECT reason FROM export_reasons').pluck().get()).toBe('State portal needs exact counts');
    db.close();
  });
});
