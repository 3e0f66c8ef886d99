// Main process (plain Node). Never imports electron.
// Survivors (clients), their intake in sections, consents, every field change, and the search index.
import type { Migration } from '.';

const migration: Migration = {
  version: 20,
  name: 'clients',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        case_number TEXT NOT NULL UNIQUE,
        chosen_name TEXT NOT NULL,
        pronouns TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
        risk_level TEXT CHECK (risk_level IN ('low', 'medium', 'high', 'very_high')),
        urgent_safety INTEGER NOT NULL DEFAULT 0 CHECK (urgent_safety IN (0, 1)),
        birth_date TEXT,
        assigned_worker_id TEXT REFERENCES users (id),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clients_status_updated ON clients (status, updated_at DESC);
      CREATE INDEX clients_worker ON clients (assigned_worker_id, status, updated_at DESC);
      CREATE INDEX clients_created_by ON clients (created_by, status, updated_at DESC);
      CREATE INDEX clients_birth_date ON clients (birth_date) WHERE birth_date IS NOT NULL;

      CREATE TABLE intake_sections (
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        version INTEGER NOT NULL CHECK (version > 0),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id),
        PRIMARY KEY (client_id, section)
      ) STRICT, WITHOUT ROWID;

      -- Every name a person is known by, folded (accents and case removed) for search and duplicates.
      -- client_rowid = clients.rowid: integer joins keep prefix searches over many names fast.
      -- So the store is never VACUUMed (VACUUM may renumber the rowids of a table without an INTEGER
      -- PRIMARY KEY); nothing here needs it: secure_delete zeroes freed pages, and backups copy pages.
      CREATE TABLE client_names (
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        client_rowid INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('chosen', 'legal', 'alias')),
        folded TEXT NOT NULL
      ) STRICT;
      CREATE INDEX client_names_client ON client_names (client_id);
      CREATE INDEX client_names_folded ON client_names (folded, client_rowid);

      -- rowid = clients.rowid. Trigram tokens find any part of a name of three or more characters.
      CREATE VIRTUAL TABLE client_search USING fts5 (terms, tokenize = 'trigram');

      CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        recipient TEXT,
        purpose TEXT NOT NULL,
        data_categories TEXT NOT NULL CHECK (json_valid(data_categories)),
        start_date TEXT NOT NULL,
        expiry_date TEXT,
        revoked_on TEXT,
        revoke_reason TEXT,
        language TEXT NOT NULL,
        signed_how TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX consents_client ON consents (client_id);
      CREATE INDEX consents_open_expiry ON consents (expiry_date) WHERE revoked_on IS NULL;

      -- The few intake answers the outcome report counts by, kept beside the sections as they are saved
      -- so a report over a whole caseload reads one narrow table instead of parsing every section.
      CREATE TABLE client_facts (
        client_id TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
        intake_date TEXT,
        referral_source TEXT,
        dob TEXT,
        est_age INTEGER,
        gender TEXT,
        ttype TEXT,
        citizenship TEXT,
        family_served INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;

      -- Who changed which field of which record, and when. Values are not copied here.
      CREATE TABLE client_changes (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        by TEXT REFERENCES users (id),
        section TEXT NOT NULL,
        field TEXT NOT NULL
      ) STRICT;
      CREATE INDEX client_changes_client ON client_changes (client_id, id);
    `);
  },
};

export default migration;
