// Main process (plain Node). Never imports electron.
// Runs of like entries in the access log, for the quick verification (chain.ts): consecutive entries
// alike in everything the signature rules read (the person, the signer, whether it is signed,
// whether it was carried over from another copy of the log), with every key entry a run of its own.
// Compared as stored bytes, so two entries SQLite calls alike are alike as the app reads them too.

import type { Db } from '../store/open';

export interface Run {
  first: number;
  last: number;
}

/** Carried over (chain.ts isCarried), byte for byte. */
const carried = (t: string) =>
  `((${t}.detail IS NOT NULL AND instr(CAST(${t}.detail AS BLOB), CAST('"carried":true' AS BLOB)) > 0) OR substr(CAST(${t}.action AS BLOB), 1, 14) = CAST('backup.restore' AS BLOB))`;

/** The runs of a log whose entries are numbered 1..entries without a gap (checked before). */
export function runsOfLikeEntries(db: Db, entries: number, keyAction: string): Run[] {
  const starts = db
    .prepare<[{ key: string }], number>(
      `SELECT c.seq FROM audit_log c LEFT JOIN audit_log p ON p.seq = c.seq - 1
       WHERE p.seq IS NULL OR c.action = @key OR p.action = @key
         OR p.actor_id IS NOT c.actor_id OR p.signer IS NOT c.signer OR (p.sig IS NULL) <> (c.sig IS NULL)
         OR ${carried('p')} <> ${carried('c')}
       ORDER BY c.seq`,
    )
    .pluck()
    .all({ key: keyAction });
  return starts.map((first, i) => ({ first, last: i + 1 < starts.length ? starts[i + 1]! - 1 : entries }));
}
