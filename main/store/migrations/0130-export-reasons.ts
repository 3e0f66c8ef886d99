// Main process (plain Node). Never imports electron.
// Why exact counts were exported (the submission pack, issue 12): one row per exact export, named in
// the access log by its id only, so the reason stays inside the encrypted store. Stores made by a
// development build created this table on first use; IF NOT EXISTS adopts it unchanged.
import type { Migration } from '.';

const migration: Migration = {
  version: 130,
  name: 'export-reasons',
  up(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS export_reasons (
      id INTEGER PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id),
      at TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT`);
  },
};

export default migration;
