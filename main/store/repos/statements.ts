// Main process (plain Node). Never imports electron.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../open';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** Prepared once per open store and reused: repositories call this instead of db.prepare. */
export function stmt<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let statement = perDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    perDb.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}
