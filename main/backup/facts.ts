// Main process (plain Node). Never imports electron.
// What a backup's manifest says about the store, read the same way when the backup is made and when
// it is checked: schema version, rows per table, a digest of every row, and the access-log head.
import { createHash } from 'node:crypto';
import type { Db } from '../store/open';

export interface StoreFacts {
  schemaVersion: number;
  counts: Record<string, number>;
  contentDigest: string;
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
    contentDigest: contentDigest(db),
    auditEntries: counts.audit_log ?? 0,
    auditHead: (head?.mac ?? Buffer.alloc(32)).toString('hex'),
  };
}

/** A digest of every row of every table, to prove the rekeyed copy holds the same data. */
export function contentDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search_%' ORDER BY name").all();
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v)));
    }
  }
  return hash.digest('hex');
}
