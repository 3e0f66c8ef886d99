// Main process (plain Node). Never imports electron.
// Opening and keying the encrypted store. Fails closed: a failed open of an existing file never
// creates, replaces or decrypts-to-plaintext anything; the caller gets a StoreError.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DATA_KEY_BYTES, STORE_CIPHER } from './cipher';
import { StoreError } from './errors';
import { migrate } from './migrations';

export type Db = Database.Database;

export interface OpenStoreOptions {
  path: string;
  /** The raw 256-bit data key. The caller owns the buffer and zeroes it on lock. */
  key: Buffer;
  /** true only for first-run setup and copies made by the app itself. */
  create?: boolean;
}

/** Page cache large enough that the encrypted store's hot pages are decrypted once (64 MiB). */
const CACHE_KIB = 65536;

interface ExpectedPragma {
  name: string;
  set: string | null;
  expect: string | number;
}

const safetyPragmas: readonly ExpectedPragma[] = [
  // One connection owns the store: no second app instance or outside tool can touch it while open.
  // Set before WAL so the WAL index lives in memory and no -shm file is written.
  { name: 'locking_mode', set: 'EXCLUSIVE', expect: 'exclusive' },
  { name: 'journal_mode', set: 'WAL', expect: 'wal' },
  { name: 'synchronous', set: 'FULL', expect: 2 },
  { name: 'temp_store', set: 'MEMORY', expect: 2 },
  { name: 'secure_delete', set: 'ON', expect: 1 },
  { name: 'foreign_keys', set: 'ON', expect: 1 },
  { name: 'trusted_schema', set: 'OFF', expect: 0 },
  { name: 'cell_size_check', set: 'ON', expect: 1 },
  { name: 'mmap_size', set: '0', expect: 0 },
  { name: 'cache_size', set: String(-CACHE_KIB), expect: -CACHE_KIB },
  ...(process.platform === 'darwin'
    ? [
        { name: 'fullfsync', set: 'ON', expect: 1 },
        { name: 'checkpoint_fullfsync', set: 'ON', expect: 1 },
      ]
    : []),
];

function keyStore(db: Db, key: Buffer): void {
  // "raw:" + 32 bytes is a raw key; any other length would silently be treated as a passphrase.
  const material = Buffer.concat([Buffer.from('raw:', 'latin1'), key]);
  try {
    db.pragma(`cipher = '${STORE_CIPHER}'`);
    db.key(material);
  } finally {
    material.fill(0);
  }
}

/** Reads every safety pragma back; returns the names of those that differ. */
export function checkPragmas(db: Db): string[] {
  const wrong: string[] = [];
  for (const p of safetyPragmas) {
    const value: unknown = db.pragma(p.name, { simple: true });
    if (value !== p.expect) wrong.push(p.name);
  }
  const cipher: unknown = db.pragma('cipher', { simple: true });
  if (cipher !== STORE_CIPHER) wrong.push('cipher');
  return wrong;
}

export function openStore({ path, key, create = false }: OpenStoreOptions): Db {
  if (key.length !== DATA_KEY_BYTES) throw new StoreError('bad-key', 'The data key has the wrong length.');
  const present = existsSync(path);
  if (create && present) throw new StoreError('exists', 'A store already exists at this path.');
  if (!create && !present) throw new StoreError('missing', 'No store was found in the data folder.');

  const db = new Database(path, { fileMustExist: !create });
  try {
    keyStore(db, key);
    // Exclusive before the first read, so a store already in WAL mode never creates a -shm index file.
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      // The key pragma accepts any key; the first read is what proves it.
      db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    } catch {
      throw new StoreError('wrong-key-or-damaged', 'The store could not be read with this key, or it is damaged.');
    }
    for (const p of safetyPragmas) if (p.set !== null) db.pragma(`${p.name} = ${p.set}`);
    const wrong = checkPragmas(db);
    if (wrong.length > 0) {
      throw new StoreError('pragma-mismatch', `Safety settings did not hold: ${wrong.join(', ')}.`);
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Empties the write-ahead log into the encrypted main file and closes, so nothing is left beside it. */
export function closeStore(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
