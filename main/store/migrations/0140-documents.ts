// Main process (plain Node). Never imports electron.
// Documents (issue 15): scanned IDs, letters and visa paperwork attached to a case. The details sit in
// `documents`; the content sits in `document_chunks` as AES-256-GCM chunks under keys derived (HKDF) from
// a documents key kept in settings (like the access-log key: inside the page-encrypted store, so a
// data-key rotation re-encrypts it with every other page and no document has to be rewritten). A
// restricted document's chunks are under a key made for it, sealed in `document_keys` to its readers
// (like restricted notes). Everything hangs off the case with ON DELETE CASCADE, so removing a case
// removes its documents; secure_delete overwrites the freed pages.
import { randomBytes } from 'node:crypto';
import type { Migration } from '.';

const migration: Migration = {
  version: 140,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        title TEXT NOT NULL,
        document_date TEXT,
        expiry_date TEXT,
        custody TEXT NOT NULL,
        restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
        milestone_id TEXT REFERENCES milestones (id) ON DELETE SET NULL,
        consent_id TEXT REFERENCES consents (id) ON DELETE SET NULL,
        service_id TEXT REFERENCES services (id) ON DELETE SET NULL,
        goal_id TEXT REFERENCES goals (id) ON DELETE SET NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        mime TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        chunk_bytes INTEGER NOT NULL,
        chunks INTEGER NOT NULL CHECK (chunks > 0),
        rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
        stripped TEXT,
        active_content INTEGER NOT NULL DEFAULT 0 CHECK (active_content IN (0, 1)),
        added_by TEXT NOT NULL REFERENCES users (id),
        added_at TEXT NOT NULL,
        edited_at TEXT
      ) STRICT;
      CREATE INDEX documents_by_client ON documents (client_id, added_at);
      CREATE INDEX documents_by_expiry ON documents (expiry_date) WHERE expiry_date IS NOT NULL;

      CREATE TABLE document_chunks (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        sealed BLOB NOT NULL,
        PRIMARY KEY (document_id, seq)
      ) STRICT;

      CREATE TABLE document_keys (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id),
        sealing_key TEXT NOT NULL,
        sealed TEXT NOT NULL,
        PRIMARY KEY (document_id, user_id)
      ) STRICT;

      CREATE TABLE document_exports (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('save', 'print')),
        reason TEXT NOT NULL
      ) STRICT;
    `);
    db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('documents_key', ?)").run(randomBytes(32).toString('hex'));
  },
};

export default migration;
