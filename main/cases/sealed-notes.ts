// Main process (plain Node). Never imports electron.
// Restricted notes are sealed to the people allowed to read them: the author, supervisors and
// administrators. The body is encrypted (AES-256-GCM) under a key made for that note, and each
// reader gets their own copy of that key sealed to their X25519 key (keys/seal.ts), so the store's
// data key, which every staff passphrase opens, no longer reads them. Whom to seal to comes from the
// key entries of the access log (audit/identities.ts), not from the editable users table.
// An administrator's session brings every note up to date: it seals notes written before sealing
// existed, and gives a copy to new supervisors and administrators (and to people with new keys).
import { randomBytes } from 'node:crypto';
import type { KeyBook } from '../audit/chain';
import { sealingPrivate, type Identity } from '../keys/identity';
import { seal, unseal, type Sealed } from '../keys/seal';
import { unwrapKey, wrapKey, type Wrapped } from '../keys/wrap';
import type { Db } from '../store/open';

const READER_ROLES = new Set(['supervisor', 'admin']);

const bodyAad = (noteId: string) => Buffer.from(JSON.stringify(['safehold-note-body', 1, noteId]), 'utf8');
const keyAad = (noteId: string, userId: string, sealingKey: string) => Buffer.from(JSON.stringify(['safehold-note-key', 1, noteId, userId, sealingKey]), 'utf8');

/** Who may read a restricted note by this author, with the sealing key the log vouches for. */
export function noteReaders(book: KeyBook, authorId: string, self: { userId: string; identity: Identity }): Map<string, string> {
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

function giveCopies(db: Db, noteId: string, noteKey: Buffer, readers: Map<string, string>): void {
  const insert = db.prepare('INSERT OR REPLACE INTO note_keys (note_id, user_id, sealing_key, sealed) VALUES (?, ?, ?, ?)');
  for (const [userId, sealingKey] of readers) {
    insert.run(noteId, userId, sealingKey, JSON.stringify(seal(noteKey, sealingKey, keyAad(noteId, userId, sealingKey))));
  }
}

/** Seals a body for its readers: returns what goes into case_notes.sealed_body. */
export function sealNote(db: Db, noteId: string, body: string, readers: Map<string, string>): string {
  const noteKey = randomBytes(32);
  try {
    db.prepare('DELETE FROM note_keys WHERE note_id = ?').run(noteId);
    giveCopies(db, noteId, noteKey, readers);
    return JSON.stringify(wrapKey(Buffer.from(body, 'utf8'), noteKey, bodyAad(noteId)));
  } finally {
    noteKey.fill(0);
  }
}

/** This person's copy of a note's key, or null when they have none (or it does not open). */
function noteKeyFor(db: Db, noteId: string, userId: string, identity: Identity): Buffer | null {
  const row = db
    .prepare<[string, string, string], { sealed: string }>('SELECT sealed FROM note_keys WHERE note_id = ? AND user_id = ? AND sealing_key = ?')
    .get(noteId, userId, identity.sealingKey);
  if (!row) return null;
  const privateKey = sealingPrivate(identity);
  try {
    return unseal(JSON.parse(row.sealed) as Sealed, privateKey, identity.sealingKey, keyAad(noteId, userId, identity.sealingKey));
  } catch {
    return null;
  } finally {
    privateKey.fill(0);
  }
}

/** The body of a sealed note for this reader, or null when they hold no copy that opens. */
export function openNote(db: Db, noteId: string, sealedBody: string, userId: string, identity: Identity): string | null {
  const noteKey = noteKeyFor(db, noteId, userId, identity);
  if (!noteKey) return null;
  try {
    const body = unwrapKey(JSON.parse(sealedBody) as Wrapped, noteKey, bodyAad(noteId));
    return body ? body.toString('utf8') : null;
  } catch {
    return null;
  } finally {
    noteKey.fill(0);
  }
}

/** A new body for a sealed note, under the same note key (the author must hold a copy). */
export function resealBody(db: Db, noteId: string, body: string, userId: string, identity: Identity): string | null {
  const noteKey = noteKeyFor(db, noteId, userId, identity);
  if (!noteKey) return null;
  try {
    return JSON.stringify(wrapKey(Buffer.from(body, 'utf8'), noteKey, bodyAad(noteId)));
  } finally {
    noteKey.fill(0);
  }
}

export interface SealingWork {
  sealed: number;
  copies: number;
  removed: number;
}

/**
 * Run in an administrator's session (inside a transaction): seals restricted notes still in plain
 * text, gives each allowed reader a copy they lack, and removes copies from people no longer allowed.
 */
export function bringNotesUpToDate(db: Db, book: KeyBook, admin: { userId: string; identity: Identity }): SealingWork {
  const work: SealingWork = { sealed: 0, copies: 0, removed: 0 };
  const notes = db
    .prepare<[], { id: string; author_id: string; body: string; sealed_body: string | null }>(
      'SELECT id, author_id, body, sealed_body FROM case_notes WHERE restricted = 1',
    )
    .all();
  const copiesOf = db.prepare<[string], { user_id: string; sealing_key: string }>('SELECT user_id, sealing_key FROM note_keys WHERE note_id = ?');
  const drop = db.prepare('DELETE FROM note_keys WHERE note_id = ? AND user_id = ?');
  for (const note of notes) {
    const readers = noteReaders(book, note.author_id, admin);
    readers.set(admin.userId, admin.identity.sealingKey);
    if (note.sealed_body === null) {
      const sealed = sealNote(db, note.id, note.body, readers);
      db.prepare("UPDATE case_notes SET sealed_body = ?, body = '' WHERE id = ?").run(sealed, note.id);
      work.sealed += 1;
      work.copies += readers.size;
      continue;
    }
    const have = new Map(copiesOf.all(note.id).map((c) => [c.user_id, c.sealing_key]));
    const missing = new Map([...readers].filter(([userId, key]) => have.get(userId) !== key));
    for (const userId of have.keys()) {
      if (userId !== note.author_id && !readers.has(userId)) {
        drop.run(note.id, userId);
        work.removed += 1;
      }
    }
    if (missing.size === 0) continue;
    const noteKey = noteKeyFor(db, note.id, admin.userId, admin.identity);
    if (!noteKey) continue; // This administrator holds no copy yet; another one will pass it on.
    try {
      giveCopies(db, note.id, noteKey, missing);
      work.copies += missing.size;
    } finally {
      noteKey.fill(0);
    }
  }
  return work;
}
