// Main process (plain Node). Never imports electron.
// Team sync carries documents (issue 15): a document's record travels in its case's Automerge
// document, its content as one encrypted blob file in the shared folder (main/sync/team/blobs.ts).
// blob_name is the blob's keyed hash (HMAC-SHA256 under blob_key, so a known file's hash says nothing
// to anyone without the key), blob_key the key its chunks are encrypted under (it only ever travels
// inside the case's frames, under the case key), blob_laptop the laptop that wrote it. All three stay
// null until this laptop or another one that holds the content publishes it. document_blob_gone
// lists this laptop's blob files no document names any more, with the last bundle of ours that had
// gone out when that was noticed: the file goes once every laptop has read that bundle.
import type { Migration } from '.';

const migration: Migration = {
  version: 240,
  name: 'document-blobs',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN blob_name TEXT CHECK (blob_name IS NULL OR (length(blob_name) = 64 AND blob_name NOT GLOB '*[^0-9a-f]*'));
      ALTER TABLE documents ADD COLUMN blob_key TEXT;
      ALTER TABLE documents ADD COLUMN blob_laptop TEXT;
      CREATE TABLE document_blob_gone (
        name TEXT PRIMARY KEY,
        after_seq INTEGER NOT NULL
      ) STRICT;
    `);
  },
};

export default migration;
