import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../main/store/errors';
import { LATEST_VERSION, migrate, migrations, storeVersion, type Migration } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'client_search_%' ORDER BY name").pluck().all();

describe('the migration runner', () => {
  it('lists migrations in increasing order and numbers files in steps of ten', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const v of versions) expect(v % 10).toBe(0);
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  it('runs every pending step in one transaction: a failing step leaves the store as it was', () => {
    const db = bareStore();
    const broken: Migration = {
      version: LATEST_VERSION + 10,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('simulated failure');
      },
    };
    expect(() => migrate(db, LATEST_VERSION + 10, [...migrations, broken])).toThrow('simulated failure');
    expect(storeVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a store from the future without touching it', () => {
    const db = bareStore();
    migrate(db);
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(StoreError);
    expect(storeVersion(db)).toBe(999);
    db.close();
  });
});

describe('0020-clients', () => {
  it('keeps the agency, staff and access log written at version 10 and adds the case tables', () => {
    const db = bareStore();
    migrate(db, 10);
    db.prepare("INSERT INTO agency (id, name, created_at) VALUES (1, 'Synthetic Agency', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('aa', 'Staff One', 'staff one', 'admin', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO audit_log (seq, at, actor_id, action, outcome, mac) VALUES (1, '2026-01-01T00:00:00Z', 'aa', 'setup.complete', 'ok', x'00')").run();
    expect(storeVersion(db)).toBe(10);

    migrate(db, 20);
    expect(storeVersion(db)).toBe(20);
    expect(db.prepare('SELECT name FROM agency').pluck().get()).toBe('Synthetic Agency');
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['clients', 'intake_sections', 'client_names', 'client_search', 'consents', 'client_changes']),
    );
    db.close();
  });

  it('serves the caseload and search from indexes, not full scans', () => {
    const db = bareStore();
    migrate(db);
    const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join(' | ');
    expect(plan("SELECT id FROM clients WHERE status = 'active' ORDER BY updated_at DESC LIMIT 100")).toMatch(/USING INDEX clients_status_updated/u);
    expect(plan("SELECT id FROM clients WHERE assigned_worker_id = 'x' AND status = 'active' ORDER BY updated_at DESC")).toMatch(/USING INDEX clients_worker/u);
    expect(plan("SELECT rowid FROM client_search WHERE client_search MATCH '\"abc\"'")).toMatch(/VIRTUAL TABLE INDEX/u);
    expect(plan("SELECT id FROM clients WHERE birth_date = '2000-01-01'")).toMatch(/USING INDEX clients_birth_date/u);
    db.close();
  });
});
