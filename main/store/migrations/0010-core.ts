// Main process (plain Node). Never imports electron.
// The agency, its staff (roles live here, inside the encrypted store, never in the keyring),
// settings, and the chained access log.
import { randomBytes } from 'node:crypto';
import type { Migration } from '.';

const migration: Migration = {
  version: 10,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE agency (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'caseworker', 'auditor')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        mac BLOB NOT NULL
      ) STRICT;
    `);
    // The access log's MAC key: random, made once, kept only inside the encrypted store.
    db.prepare("INSERT INTO settings (key, value) VALUES ('audit_key', ?)").run(randomBytes(32).toString('hex'));
  },
};

export default migration;
