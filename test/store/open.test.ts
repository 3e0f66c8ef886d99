import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../main/store/errors';
import { checkPragmas, closeStore, openStore } from '../../main/store/open';
import { LATEST_VERSION } from '../../main/store/migrations';
import { tempDir } from '../helpers/tmp';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function newStore(canary = 'canary-Qx7vL2pZ9k') {
  const dir = tempDir();
  const path = join(dir, 'safehold.db');
  const key = randomBytes(32);
  const db = openStore({ path, key: Buffer.from(key), create: true });
  db.prepare("INSERT INTO settings (key, value) VALUES ('note', ?)").run(canary);
  closeStore(db);
  return { dir, path, key };
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error.failure;
    throw error;
  }
  return 'opened';
}

describe('the encrypted store', () => {
  it('writes no plaintext: no SQLite header and no stored text in the file', () => {
    const canary = `canary-${randomBytes(8).toString('hex')}`;
    const { dir, path } = newStore(canary);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    for (const encoding of ['utf8', 'utf16le'] as const) expect(bytes.includes(Buffer.from(canary, encoding))).toBe(false);
    // Closing empties the write-ahead log: nothing is left beside the store.
    expect(readdirSync(dir)).toEqual(['safehold.db']);
  });

  it('reopens with the right key, runs migrations and holds every safety pragma', () => {
    const { path, key } = newStore();
    const db = openStore({ path, key });
    expect(checkPragmas(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'note'").pluck().get()).toBe('canary-Qx7vL2pZ9k');
    closeStore(db);
  });

  it('rejects wrong keys on the first read and leaves the file exactly as it was', () => {
    const { dir, path } = newStore();
    const before = sha(path);
    for (let i = 0; i < 200; i += 1) {
      expect(failure(() => openStore({ path, key: randomBytes(32) }))).toBe('wrong-key-or-damaged');
    }
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['safehold.db']);
  });

  it('treats the key as raw bytes: the same bytes as a passphrase do not open it', () => {
    const { path, key } = newStore();
    const db = new Database(path, { fileMustExist: true });
    db.pragma("cipher = 'aegis'");
    db.key(key);
    expect(() => db.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow();
    db.close();
  });

  it('never creates a store when the expected one is missing', () => {
    const dir = tempDir();
    const path = join(dir, 'safehold.db');
    expect(failure(() => openStore({ path, key: randomBytes(32) }))).toBe('missing');
    expect(existsSync(path)).toBe(false);
  });

  it('never creates over an existing file', () => {
    const { path, key } = newStore();
    const before = sha(path);
    expect(failure(() => openStore({ path, key, create: true }))).toBe('exists');
    expect(sha(path)).toBe(before);
  });

  it('refuses a key of the wrong length instead of treating it as a passphrase', () => {
    const { path } = newStore();
    expect(failure(() => openStore({ path, key: randomBytes(31) }))).toBe('bad-key');
  });

  it('refuses a store written by a newer Safehold and changes nothing', () => {
    const { path, key } = newStore();
    const db = openStore({ path, key });
    db.pragma('user_version = 9990');
    closeStore(db);
    const before = sha(path);
    expect(failure(() => openStore({ path, key }))).toBe('from-future');
    expect(sha(path)).toBe(before);
  });

  it('detects a flipped byte in any page: an error, never a silent wrong read', () => {
    const { path, key } = newStore();
    const original = readFileSync(path);
    const pageSize = 4096;
    const pages = original.length / pageSize;
    for (let trial = 0; trial < 40; trial += 1) {
      const bytes = Buffer.from(original);
      const page = trial % pages;
      // Bytes 16-23 of page 1 are documented as unencrypted header bytes; skip them.
      let offset = page * pageSize + 24 + ((trial * 7919) % (pageSize - 24));
      if (offset >= bytes.length) offset = bytes.length - 1;
      bytes[offset] = bytes[offset]! ^ 0x5a;
      writeFileSync(path, bytes);
      let detected = false;
      try {
        const db = openStore({ path, key: Buffer.from(key) });
        try {
          const check = db.pragma('integrity_check', { simple: true });
          detected = check !== 'ok';
          if (!detected) db.prepare('SELECT * FROM settings').all();
        } catch {
          detected = true;
        } finally {
          db.close();
        }
      } catch {
        detected = true;
      }
      expect(detected, `flip at offset ${offset}`).toBe(true);
    }
  });
});
