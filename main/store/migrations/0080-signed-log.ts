// Main process (plain Node). Never imports electron.
// Insiders with a copy of the data folder (issue 11, finding 2):
// - access-log entries carry a detail (key entries), the signer's public key and an Ed25519
//   signature over the entry's MAC (audit/chain.ts); older entries stay unsigned and are vouched for
//   by the first signed entry after them. Key entries get their own small index.
// - restricted notes are sealed to the people allowed to read them: the body moves into sealed_body
//   (AES-256-GCM under a per-note key) and each reader's copy of that key sits in note_keys, sealed to
//   their X25519 key. Existing restricted notes stay readable as they are until the first
//   administrator signs in after this migration; that session seals them (cases/sealed-notes.ts).
import type { Migration } from '.';

const migration: Migration = {
  version: 80,
  name: 'signed-log',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN detail TEXT;
      ALTER TABLE audit_log ADD COLUMN signer TEXT;
      ALTER TABLE audit_log ADD COLUMN sig BLOB;
      CREATE INDEX audit_log_keys ON audit_log (seq) WHERE action = 'key.identity';

      ALTER TABLE case_notes ADD COLUMN sealed_body TEXT;
      CREATE TABLE note_keys (
        note_id TEXT NOT NULL REFERENCES case_notes (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id),
        sealing_key TEXT NOT NULL,
        sealed TEXT NOT NULL CHECK (json_valid(sealed)),
        PRIMARY KEY (note_id, user_id)
      ) STRICT;
      CREATE INDEX note_keys_user ON note_keys (user_id);
    `);
  },
};

export default migration;
