// Main process (plain Node). Never imports electron.
// Team sync, document side (main/sync/engine): the Automerge documents kept inside the encrypted
// store, the changes waiting to be sent, the rows written locally since the last document change,
// and what needs review. Empty and unused until sync is turned on: the triggers that fill
// sync_dirty are created by enableSync, so a store that never syncs pays nothing on its writes.
import type { Migration } from '.';

const migration: Migration = {
  version: 110,
  name: 'sync',
  up(db) {
    db.exec(`
      -- actor, laptop, enabled, format; a row per key.
      CREATE TABLE sync_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One Automerge document per case (case:<clientId>) and per agency area (agency:staff, ...).
      -- heads: the document's heads when saved, so an in-memory copy is reused only if still current.
      CREATE TABLE sync_docs (
        doc_id TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        heads TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Changes made on this laptop, in order, until the transport has sent them.
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        change BLOB NOT NULL
      ) STRICT;

      -- Rows written by this laptop since the last document change (filled by triggers).
      CREATE TABLE sync_dirty (
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        doc_id TEXT,
        PRIMARY KEY (tbl, pk)
      ) STRICT, WITHOUT ROWID;

      -- applying = 1 while remote changes are projected: the triggers stay quiet then.
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        applying INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO sync_state (id, applying) VALUES (1, 0);

      -- Global names of rows whose primary key is a local integer (closures, change history).
      CREATE TABLE sync_keys (
        tbl TEXT NOT NULL,
        rid INTEGER NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (tbl, rid),
        UNIQUE (tbl, key)
      ) STRICT, WITHOUT ROWID;

      -- Remote changes not yet applied: waiting for the changes they depend on (waiting), or written
      -- by a newer version of Safehold (newer).
      CREATE TABLE sync_pending (
        hash TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('waiting', 'newer')),
        change BLOB NOT NULL
      ) STRICT;
      CREATE INDEX sync_pending_doc ON sync_pending (doc_id);

      -- Documents whose rows could not all be written yet (a record they refer to has not arrived).
      CREATE TABLE sync_reproject (
        doc_id TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;

      -- A unique value (case number, staff name) wanted by two records: the one with the smaller key
      -- keeps it, the other is shown under a marked value until someone reviews it.
      CREATE TABLE sync_unique_clash (
        tbl TEXT NOT NULL,
        pk TEXT NOT NULL,
        col TEXT NOT NULL,
        wanted TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        PRIMARY KEY (tbl, pk, col)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sync_unique_clash_wanted ON sync_unique_clash (tbl, col, wanted);

      -- What needs review: concurrent values of one field, an edit to a record deleted elsewhere, a
      -- clash of unique values. A pure function of the documents, so every laptop lists the same.
      CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        client_id TEXT,
        tbl TEXT NOT NULL,
        rk TEXT NOT NULL,
        col TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('values', 'edit-on-deleted', 'duplicate')),
        shown TEXT,
        candidates TEXT NOT NULL CHECK (json_valid(candidates))
      ) STRICT;
      CREATE INDEX sync_conflicts_doc ON sync_conflicts (doc_id, tbl, rk);
      CREATE INDEX sync_conflicts_client ON sync_conflicts (client_id);
    `);
  },
};

export default migration;
