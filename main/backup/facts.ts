// Main process (plain Node). Never imports electron.
// What a backup's manifest says about the store, read the same way when the backup is made and when
// it is checked: schema version, rows per table and the access-log head. Each is an index walk or a
// single row, so taking them costs a fraction of copying the store; the image's SHA-256 already
// proves every byte (format.ts says why no digest of every row is taken any more).
import type { Db } from '../store/open';

export interface StoreFacts {
  schemaVersion: number;
  counts: Record<string, number>;
  auditEntries: number;
  auditHead: string;
}

export function storeFacts(db: Db): StoreFacts {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search_%' ORDER BY name")
    .all();
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number;
  const head = db.prepare<[], { mac: Buffer }>('SELECT mac FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    counts,
    auditEntries: counts.audit_log ?? 0,
    auditHead: (head?.mac ?? Buffer.alloc(32)).toString('hex'),
  };
}
