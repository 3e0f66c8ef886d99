// Main process (plain Node). Never imports electron.
// Case notes. A restricted note is seen only by its author and by supervisors and admins; only the
// author may edit a note, and each edit is recorded.
import { seesAllCases } from '../../cases/access';
import { clientOwning, workingOn } from '../../cases/owner';
import { openableClient } from '../../cases/access';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import { openNote, resealBody, sealNote } from '../../cases/sealed-notes';
import { restrictedReaders } from '../../keys/sealed-copies';
import { keyBookFor } from '../../core/vouch';
import { AppError } from '../errors';
import type { DataContext, Handler } from '../types';

/** The body of a restricted note as this reader may see it: sealed ones open only with their own copy of the note key. */
function readable(ctx: DataContext, note: { id: string; body: string; sealed_body: string | null }): { body: string; locked: boolean } {
  if (note.sealed_body === null) return { body: note.body, locked: false };
  const body = ctx.identity ? openNote(ctx.db, note.id, note.sealed_body, ctx.user.id, ctx.identity) : null;
  return body === null ? { body: '', locked: true } : { body, locked: false };
}

export const listNotes: Handler<'notes.list'> = (input, ctx) => {
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'notes.view', targetId: client.id });
  const rows = stmt<[string], { id: string; date: string; kind: 'contact' | 'session' | 'crisis' | 'other'; body: string; sealed_body: string | null; restricted: number; author: string | null; author_id: string; edited_at: string | null }>(
    ctx.db,
    `SELECT n.id, n.date, n.kind, n.body, n.sealed_body, n.restricted, u.display_name AS author, n.author_id, n.edited_at
     FROM case_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.client_id = ? ORDER BY n.date DESC, n.created_at DESC, n.rowid DESC`,
  ).all(client.id);
  const everything = seesAllCases(ctx);
  return {
    notes: rows
      .filter((n) => n.restricted === 0 || everything || n.author_id === ctx.user.id)
      .map((n) => ({ id: n.id, date: n.date, kind: n.kind, ...readable(ctx, n), restricted: n.restricted === 1, author: n.author, mine: n.author_id === ctx.user.id, editedAt: n.edited_at })),
  };
};

export const addNote: Handler<'notes.add'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const id = newId();
  const at = ctx.now().toISOString();
  stmt(ctx.db, 'INSERT INTO case_notes (id, client_id, date, kind, body, restricted, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    client.id,
    input.date,
    input.kind,
    input.restricted && ctx.identity ? '' : input.body,
    input.restricted ? 1 : 0,
    ctx.user.id,
    at,
  );
  if (input.restricted && ctx.identity) {
    // Sealed to the author, supervisors and administrators: the store's data key alone does not read it.
    const readers = restrictedReaders(keyBookFor(ctx).book, ctx.user.id, { userId: ctx.user.id, identity: ctx.identity });
    stmt(ctx.db, 'UPDATE case_notes SET sealed_body = ? WHERE id = ?').run(sealNote(ctx.db, id, input.body, readers), id);
  }
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'notes', [`added:${input.kind}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { id };
};

export const editNote: Handler<'notes.edit'> = (input, ctx) => {
  const client = clientOwning(ctx, 'note', input.noteId);
  const note = stmt<[string], { author_id: string; sealed_body: string | null }>(ctx.db, 'SELECT author_id, sealed_body FROM case_notes WHERE id = ?').get(input.noteId)!;
  if (note.author_id !== ctx.user.id) throw new AppError('FORBIDDEN', 'Only the person who wrote a note can edit it.', undefined, client.id);
  const at = ctx.now().toISOString();
  if (note.sealed_body !== null) {
    const sealed = ctx.identity ? resealBody(ctx.db, input.noteId, input.body, ctx.user.id, ctx.identity) : null;
    if (sealed === null) throw new AppError('CONFLICT', 'This restricted note opens for you after an administrator next signs in. Nothing was changed.', undefined, client.id);
    stmt(ctx.db, 'UPDATE case_notes SET sealed_body = ?, edited_at = ? WHERE id = ?').run(sealed, at, input.noteId);
  } else stmt(ctx.db, 'UPDATE case_notes SET body = ?, edited_at = ? WHERE id = ?').run(input.body, at, input.noteId);
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'notes', ['edited']);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { done: true };
};
