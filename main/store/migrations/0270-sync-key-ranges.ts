// Main process (plain Node). Never imports electron.
// Team sync: rows with a local integer key that this laptop writes are named by ranges instead of a
// sync_keys row each (main/sync/engine/keys.ts). Every rid from first_rid to last_rid that has no
// sync_keys row is named `actor.rid`. Names already given stay in sync_keys, so every existing
// document reads as before; the table starts empty.
import type { Migration } from '.';

const migration: Migration = {
  version: 270,
  name: 'sync-key-ranges',
  up(db) {
    db.exec(`
      CREATE TABLE sync_key_ranges (
        tbl TEXT NOT NULL,
        first_rid INTEGER NOT NULL,
        last_rid INTEGER NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (tbl, first_rid),
        CHECK (last_rid >= first_rid)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};

export default migration;
