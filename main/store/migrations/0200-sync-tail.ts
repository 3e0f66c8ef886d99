// Main process (plain Node). Never imports electron.
// Team sync: a document's stored bytes are its last whole save followed by the changes made since,
// appended (Automerge reads the concatenation as one document). tail counts the appended pieces, so
// the engine writes a whole save again once there are enough of them (docs/DESIGN-sync.md).
import type { Migration } from '.';

const migration: Migration = {
  version: 200,
  name: 'sync-tail',
  up(db) {
    db.exec('ALTER TABLE sync_docs ADD COLUMN tail INTEGER NOT NULL DEFAULT 0;');
  },
};

export default migration;
