// A keyed store with no migrations applied, so a migration test can stop at any version.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { STORE_CIPHER } from '../../main/store/cipher';
import { tempDir } from './tmp';

export function bareStore(): Database.Database {
  const db = new Database(join(tempDir(), 'safehold.db'));
  db.pragma(`cipher = '${STORE_CIPHER}'`);
  db.key(Buffer.concat([Buffer.from('raw:'), randomBytes(32)]));
  db.pragma('foreign_keys = ON');
  return db;
}
