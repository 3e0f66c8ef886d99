// Main process (plain Node). Never imports electron.
// Why a caseworker opened a case that is not theirs ("break the glass"). The reason is free text a
// person typed, so it lives here in the encrypted store; the access log holds only the ids.
import type { Migration } from '.';

const migration: Migration = {
  version: 30,
  name: 'access-reasons',
  up(db) {
    db.exec(`
      CREATE TABLE access_reasons (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX access_reasons_client ON access_reasons (client_id, at);
    `);
  },
};

export default migration;
