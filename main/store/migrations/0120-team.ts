// Main process (plain Node). Never imports electron.
// Team sync, transport side (main/sync/team): this laptop's identity and keys, the enrolled laptops,
// the team keys by epoch, pending invitations, and the per-case keys with the laptops they were
// sealed to. All of it lives inside the encrypted store; nothing here is ever written to the shared
// folder in the clear.
import type { Migration } from '.';

const migration: Migration = {
  version: 120,
  name: 'team',
  up(db) {
    db.exec(`
      CREATE TABLE team (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        team_id TEXT NOT NULL,
        laptop_id TEXT NOT NULL,
        folder TEXT NOT NULL,
        sign_private BLOB NOT NULL,
        box_private BLOB NOT NULL,
        created_at TEXT NOT NULL,
        last_sync_at TEXT,
        last_sync_ok INTEGER,
        next_seq INTEGER NOT NULL DEFAULT 1,
        audit_sent_seq INTEGER NOT NULL DEFAULT 0,
        audit_head TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TABLE team_laptops (
        laptop_id TEXT PRIMARY KEY,
        sign_public TEXT NOT NULL,
        box_public TEXT NOT NULL,
        user_id TEXT NOT NULL,
        manager INTEGER NOT NULL CHECK (manager IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
        last_accepted_seq INTEGER,
        enrolled_at TEXT NOT NULL,
        applied_seq INTEGER NOT NULL DEFAULT 0,
        seen TEXT NOT NULL DEFAULT '{}',
        last_file_at TEXT,
        audit_seq INTEGER NOT NULL DEFAULT 0,
        audit_head TEXT NOT NULL DEFAULT '',
        audit_broken INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      -- Every other laptop's access log (ids and actions only), as its bundles carried it, with the
      -- hash chain that ties each entry to the one before; the signed bundle carries the chain's head.
      CREATE TABLE team_remote_audit (
        laptop_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        outcome TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (laptop_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE team_epochs (
        epoch TEXT PRIMARY KEY,
        n INTEGER NOT NULL,
        key BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE team_invites (
        invite_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        enrol_public TEXT NOT NULL,
        vector TEXT NOT NULL,
        by_laptop TEXT NOT NULL,
        manager INTEGER NOT NULL CHECK (manager IN (0, 1)),
        expires_at TEXT NOT NULL,
        used_by TEXT
      ) STRICT;
      -- A case's keys, newest last: a new one is made when a laptop may no longer hold the case.
      CREATE TABLE team_case_keys (
        key_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        key BLOB NOT NULL,
        made_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX team_case_keys_case ON team_case_keys (case_id, made_at DESC, key_id DESC);
      CREATE TABLE team_case_grants (
        case_id TEXT NOT NULL,
        laptop_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        PRIMARY KEY (case_id, key_id, laptop_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE team_outbox (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
    `);
  },
};

export default migration;
