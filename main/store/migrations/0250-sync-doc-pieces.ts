// Main process (plain Node). Never imports electron.
// Team sync: the changes appended to a stored document since its last whole save are kept as rows
// of their own, in order, instead of being concatenated onto the document's bytes. Appending one
// change then writes one small row; before, SQLite rewrote the whole document row (and its overflow
// pages) on every edit. The document is still sync_docs.bytes followed by its pieces, read as one
// (docs/DESIGN-sync.md). heads: the document's heads once that piece is added.
import type { Migration } from '.';

const migration: Migration = {
  version: 250,
  name: 'sync-doc-pieces',
  up(db) {
    db.exec(`
      CREATE TABLE sync_doc_pieces (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        heads TEXT NOT NULL,
        piece BLOB NOT NULL
      ) STRICT;
      CREATE INDEX sync_doc_pieces_doc ON sync_doc_pieces (doc_id, id);
    `);
  },
};

export default migration;
