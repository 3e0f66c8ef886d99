// Main process (plain Node). Never imports electron.
// Partner suggestions (issue 16): a partner row is either in the directory ('listed', every row until
// now) or suggested by a caseworker and waiting for a supervisor or administrator ('suggested');
// who suggested it and who reviewed it, by id.
import type { Migration } from '.';

const migration: Migration = {
  version: 180,
  name: 'partner-suggestions',
  up(db) {
    db.exec(`
      ALTER TABLE partners ADD COLUMN status TEXT NOT NULL DEFAULT 'listed' CHECK (status IN ('listed', 'suggested'));
      ALTER TABLE partners ADD COLUMN suggested_by TEXT REFERENCES users (id);
      ALTER TABLE partners ADD COLUMN reviewed_by TEXT REFERENCES users (id);
      ALTER TABLE partners ADD COLUMN reviewed_at TEXT;
    `);
  },
};

export default migration;
