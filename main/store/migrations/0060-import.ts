// Main process (plain Node). Never imports electron.
// The ids people had in an agency's old spreadsheets, kept when they are imported so that later
// imports (services, assessments) can refer to the same people. `source` names the old system.
import type { Migration } from '.';

const migration: Migration = {
  version: 60,
  name: 'import',
  up(db) {
    db.exec(`
      CREATE TABLE external_ids (
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX external_ids_client ON external_ids (client_id);
    `);
  },
};

export default migration;
