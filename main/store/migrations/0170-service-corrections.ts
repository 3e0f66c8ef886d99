// Main process (plain Node). Never imports electron.
// A logged service can be corrected (issue 16): the row keeps when, by whom and why it was last
// corrected (a reason code, never free text). Removal deletes the row; both are in the case history.
import type { Migration } from '.';

const migration: Migration = {
  version: 170,
  name: 'service-corrections',
  up(db) {
    db.exec(`
      ALTER TABLE services ADD COLUMN corrected_at TEXT;
      ALTER TABLE services ADD COLUMN corrected_by TEXT REFERENCES users (id);
      ALTER TABLE services ADD COLUMN correction_reason TEXT;
    `);
  },
};

export default migration;
