// Main process (plain Node). Never imports electron.
// Sealed copies of an item's key, shared by restricted notes (cases/sealed-notes.ts) and restricted
// documents (documents/content.ts, documents/sealing.ts). Such an item is encrypted under a key made
// for it, and each person allowed to read it (its author, supervisors and administrators, from the
// signed key entries of the access log) holds their own copy of that key sealed to their X25519 key
// (keys/seal.ts): one row (item id, user_id, sealing_key, sealed) in the item's copies table, bound
// by its AAD to the item, the person and the key. This module picks the readers, seals copies, opens
// one's own copy, and brings an item's copies in line with who may read it now.
import { randomBytes } from 'node:crypto';
import type { KeyBook } from '../audit/chain';
import type { Db } from '../store/open';
import { stmt } from '../store/repos/statements';
import { sealingPrivate, type Identity } from './identity';
import { seal, unseal, type Sealed } from './seal';

/** Where one kind of item keeps its copies. Names are fixed in code, never taken from input. */
export interface CopyKind {
  /** Table with columns (idColumn, user_id, sealing_key, sealed). */
  readonly table: string;
  readonly idColumn: string;
  /** First element of each copy's AAD (stored copies depend on it: never change it). */
  readonly aadLabel: string;
}

export interface Holder {
  userId: string;
  identity: Identity;
}

const READER_ROLES = new Set(['supervisor', 'admin']);

const copyAad = (kind: CopyKind, itemId: string, userId: string, sealingKey: string) =>
  Buffer.from(JSON.stringify([kind.aadLabel, 1, itemId, userId, sealingKey]), 'utf8');

/** Who may read a restricted item by this author (userId -> the sealing key the log vouches for). */
export function restrictedReaders(book: KeyBook, authorId: string, self: Holder): Map<string, string> {
  const readers = new Map<string, string>();
  for (const [userId, state] of book.roles) {
    const key = book.sealing.get(userId);
    if (key && state.active && state.role !== null && READER_ROLES.has(state.role)) readers.set(userId, key);
  }
  const author = book.sealing.get(authorId);
  if (author) readers.set(authorId, author);
  // The signed-in person trusts their own key, vouched for or not yet.
  if (self.userId === authorId || readers.has(self.userId)) readers.set(self.userId, self.identity.sealingKey);
  return readers;
}

/** One sealed copy of the item's key per reader (userId -> X25519 public key), replacing theirs. */
export function sealCopies(db: Db, kind: CopyKind, itemId: string, key: Buffer, readers: Map<string, string>): void {
  const insert = stmt(db, `INSERT OR REPLACE INTO ${kind.table} (${kind.idColumn}, user_id, sealing_key, sealed) VALUES (?, ?, ?, ?)`);
  for (const [userId, sealingKey] of readers) {
    insert.run(itemId, userId, sealingKey, JSON.stringify(seal(key, sealingKey, copyAad(kind, itemId, userId, sealingKey))));
  }
}

/** A new key for an item, with one sealed copy per reader. The caller wipes it. */
export function newSealedKey(db: Db, kind: CopyKind, itemId: string, readers: Map<string, string>): Buffer {
  const key = randomBytes(32);
  sealCopies(db, kind, itemId, key, readers);
  return key;
}

/** This person's copy of the item's key, or null when they hold none that opens. The caller wipes it. */
export function openCopy(db: Db, kind: CopyKind, itemId: string, userId: string, identity: Identity): Buffer | null {
  const row = stmt<[string, string, string], { sealed: string }>(db, `SELECT sealed FROM ${kind.table} WHERE ${kind.idColumn} = ? AND user_id = ? AND sealing_key = ?`).get(
    itemId,
    userId,
    identity.sealingKey,
  );
  if (!row) return null;
  const privateKey = sealingPrivate(identity);
  try {
    return unseal(JSON.parse(row.sealed) as Sealed, privateKey, identity.sealingKey, copyAad(kind, itemId, userId, identity.sealingKey));
  } catch {
    return null;
  } finally {
    privateKey.fill(0);
  }
}

export interface CopiesWork {
  copies: number;
  removed: number;
}

/**
 * Brings one item's copies in line with its readers (which should include the holder): removes the
 * copies of people no longer allowed (never the author's), and gives each reader who lacks one (or
 * holds one for an old key) a copy. The holder passes on their own copy; one who holds none leaves
 * it to another administrator.
 */
export function reconcileCopies(db: Db, kind: CopyKind, itemId: string, authorId: string, readers: Map<string, string>, holder: Holder): CopiesWork {
  const work: CopiesWork = { copies: 0, removed: 0 };
  const have = new Map(
    stmt<[string], { user_id: string; sealing_key: string }>(db, `SELECT user_id, sealing_key FROM ${kind.table} WHERE ${kind.idColumn} = ?`)
      .all(itemId)
      .map((c) => [c.user_id, c.sealing_key]),
  );
  const drop = stmt(db, `DELETE FROM ${kind.table} WHERE ${kind.idColumn} = ? AND user_id = ?`);
  for (const userId of have.keys()) {
    if (userId !== authorId && !readers.has(userId)) {
      drop.run(itemId, userId);
      work.removed += 1;
    }
  }
  const missing = new Map([...readers].filter(([userId, key]) => have.get(userId) !== key));
  if (missing.size === 0) return work;
  const key = openCopy(db, kind, itemId, holder.userId, holder.identity);
  if (!key) return work;
  try {
    sealCopies(db, kind, itemId, key, missing);
    work.copies += missing.size;
  } finally {
    key.fill(0);
  }
  return work;
}
