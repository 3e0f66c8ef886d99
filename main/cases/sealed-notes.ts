// Main process (plain Node). Never imports electron.
// Restricted notes are sealed to the people allowed to read them: the author, supervisors and
// administrators. The body is encrypted (AES-256-GCM) under a key made for that note, and each
// reader gets their own copy of that key sealed to their X25519 key (keys/seal.ts), so the store's
// data key, which every staff passphrase opens, no longer reads them. Whom to seal to comes from the
// key entries of the access log (audit/identities.ts), not from the editable users table.
// An administrator's session brings every note up to date: it seals notes written before sealing
// existed, and gives a copy to new supervisors and administrators (and to people with new keys).
// The key copies themselves (whom to seal to, sealing, opening, bringing up to date) are shared with
// restricted documents in keys/sealed-copies.ts.
import type { KeyBook } from '../audit/chain';
import type { Identity } from '../keys/identity';
import { newSealedKey, openCopy, reconcileCopies, restrictedReaders, type CopyKind } from '../keys/sealed-copies';
import { unwrapKey, wrapKey, type Wrapped } from '../keys/wrap';
import type { Db } from '../store/open';

const NOTE_COPIES: CopyKind = { table: 'note_keys', idColumn: 'note_id', aadLabel: 'safehold-note-key' };

const bodyAad = (noteId: string) => Buffer.from(JSON.stringify(['safehold-note-body', 1, noteId]), 'utf8');

/** Seals a body for its readers (replacing any copies the note had): returns what goes into case_notes.sealed_body. */
export function sealNote(db: Db, noteId: string, body: string, readers: Map<string, string>): string {
  db.prepare('DELETE FROM note_keys WHERE note_id = ?').run(noteId);
  const noteKey = newSealedKey(db, NOTE_COPIES, noteId, readers);
  try {
    return JSON.stringify(wrapKey(Buffer.from(body, 'utf8'), noteKey, bodyAad(noteId)));
  } finally {
    noteKey.fill(0);
  }
}

/** The body of a sealed note for this reader, or null when they hold no copy that opens. */
export function openNote(db: Db, noteId: string, sealedBody: string, userId: string, identity: Identity): string | null {
  const noteKey = openCopy(db, NOTE_COPIES, noteId, userId, identity);
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
  const noteKey = openCopy(db, NOTE_COPIES, noteId, userId, identity);
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
  for (const note of notes) {
    const readers = restrictedReaders(book, note.author_id, admin);
    readers.set(admin.userId, admin.identity.sealingKey);
    if (note.sealed_body === null) {
      const sealed = sealNote(db, note.id, note.body, readers);
      db.prepare("UPDATE case_notes SET sealed_body = ?, body = '' WHERE id = ?").run(sealed, note.id);
      work.sealed += 1;
      work.copies += readers.size;
      continue;
    }
    const copies = reconcileCopies(db, NOTE_COPIES, note.id, note.author_id, readers, admin);
    work.copies += copies.copies;
    work.removed += copies.removed;
  }
  return work;
}
