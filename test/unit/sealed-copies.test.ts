// Sealed key copies (main/keys/sealed-copies.ts), shared by restricted notes and documents: an
// administrator's pass removes the copies of people no longer allowed (never the author's), gives
// copies to new readers and to people with a new key, and passes on nothing without its own copy.
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { newIdentity, type Identity } from '../../main/keys/identity';
import { newSealedKey, openCopy, reconcileCopies, type CopyKind } from '../../main/keys/sealed-copies';
import type { Db } from '../../main/store/open';

const KIND: CopyKind = { table: 'item_keys', idColumn: 'item_id', aadLabel: 'safehold-test-key' };
const ITEM = 'item-1';

let db: Db;
afterEach(() => db?.close());

function store(): Db {
  db = new Database(':memory:');
  db.exec('CREATE TABLE item_keys (item_id TEXT NOT NULL, user_id TEXT NOT NULL, sealing_key TEXT NOT NULL, sealed TEXT NOT NULL, PRIMARY KEY (item_id, user_id))');
  return db;
}

const people = () => ({ author: newIdentity(null), admin: newIdentity(null), demoted: newIdentity(null), supervisor: newIdentity(null), promoted: newIdentity(null) });
const holders = (db: Db) => db.prepare<[], { user_id: string }>('SELECT user_id FROM item_keys ORDER BY user_id').all().map((r) => r.user_id);
const readersOf = (entries: Array<[string, Identity]>) => new Map(entries.map(([userId, identity]) => [userId, identity.sealingKey]));

describe('sealed key copies', () => {
  it('removes copies of people no longer allowed (not the author), and gives new readers and new keys a copy of the same key', () => {
    const db = store();
    const p = people();
    const oldSupervisorKey = newIdentity(null);
    const key = newSealedKey(db, KIND, ITEM, readersOf([['author', p.author], ['admin', p.admin], ['demoted', p.demoted], ['supervisor', oldSupervisorKey]]));
    expect(holders(db)).toEqual(['admin', 'author', 'demoted', 'supervisor']);

    // The author is left out of the readers (say, no vouched key yet): their copy stays all the same.
    const now = readersOf([['admin', p.admin], ['supervisor', p.supervisor], ['promoted', p.promoted]]);
    expect(reconcileCopies(db, KIND, ITEM, 'author', now, { userId: 'admin', identity: p.admin })).toEqual({ copies: 2, removed: 1 });
    expect(holders(db)).toEqual(['admin', 'author', 'promoted', 'supervisor']);
    for (const [userId, identity] of [['promoted', p.promoted], ['supervisor', p.supervisor], ['author', p.author]] as const) {
      expect(openCopy(db, KIND, ITEM, userId, identity)?.equals(key)).toBe(true);
    }
    expect(openCopy(db, KIND, ITEM, 'supervisor', oldSupervisorKey)).toBeNull();
    expect(openCopy(db, KIND, ITEM, 'demoted', p.demoted)).toBeNull();

    // Nothing left to do on a second pass.
    expect(reconcileCopies(db, KIND, ITEM, 'author', now, { userId: 'admin', identity: p.admin })).toEqual({ copies: 0, removed: 0 });
  });

  it('an administrator without a copy still removes copies but passes none on', () => {
    const db = store();
    const p = people();
    newSealedKey(db, KIND, ITEM, readersOf([['author', p.author], ['demoted', p.demoted]])).fill(0);
    const now = readersOf([['author', p.author], ['admin', p.admin], ['promoted', p.promoted]]);
    expect(reconcileCopies(db, KIND, ITEM, 'author', now, { userId: 'admin', identity: p.admin })).toEqual({ copies: 0, removed: 1 });
    expect(holders(db)).toEqual(['author']);
  });

  it('a copy moved to another item, person or kind does not open', () => {
    const db = store();
    const p = people();
    newSealedKey(db, KIND, ITEM, readersOf([['author', p.author]])).fill(0);
    db.prepare("INSERT INTO item_keys SELECT 'item-2', user_id, sealing_key, sealed FROM item_keys WHERE item_id = ?").run(ITEM);
    expect(openCopy(db, KIND, 'item-2', 'author', p.author)).toBeNull();
    db.prepare("UPDATE item_keys SET user_id = 'someone' WHERE item_id = 'item-2'").run();
    expect(openCopy(db, KIND, 'item-2', 'someone', p.author)).toBeNull();
    expect(openCopy(db, { ...KIND, aadLabel: 'safehold-other-key' }, ITEM, 'author', p.author)).toBeNull();
    expect(openCopy(db, KIND, ITEM, 'author', p.author)).not.toBeNull();
  });
});
