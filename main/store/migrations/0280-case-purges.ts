// Main process (plain Node). Never imports electron.
// Purging a closed case (issue 15, retention and destruction): every row of the case goes, and a
// tombstone stays behind holding only the case's random id and when it was purged. The tombstone
// is a synced agency row (agency:settings), so every laptop of a team learns it, removes its own
// copy and its case keys, and refuses later changes to that case from laptops that had not heard
// yet (main/cases/purge.ts). Numbered after every existing migration so every store gets it.
// A team laptop updated to this version may already hold tombstones in its agency settings document
// that its older version could not project: the document is marked to be projected again, which the
// next remote change or snapshot applied does (sync/engine/apply.ts retryWaitingRows).
import type { Migration } from '.';

const migration: Migration = {
  version: 280,
  name: 'case-purges',
  up(db) {
    db.exec(`
      CREATE TABLE case_purges (
        case_id TEXT PRIMARY KEY,
        purged_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO sync_reproject (doc_id) SELECT doc_id FROM sync_docs WHERE doc_id = 'agency:settings'
        ON CONFLICT (doc_id) DO NOTHING;
    `);
  },
};

export default migration;
