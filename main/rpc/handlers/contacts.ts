// Main process (plain Node). Never imports electron.
// The contact log (issue 16): one quick entry per attempt to reach a person, flagged when it relied
// on a way of reaching them that is not marked safe; and outreach contacts with no case (counts only).
import { isUnsafeContact } from '../../../shared/schemas/week';
import { openableClient } from '../../cases/access';
import { workingOn } from '../../cases/owner';
import { recordChanges, updateClientColumns } from '../../store/repos/clients';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import { contactSafety } from '../../week/case-facts';
import type { Handler } from '../types';

export const addContact: Handler<'contacts.add'> = (input, ctx) => {
  const client = workingOn(ctx, input.clientId);
  const unsafe = isUnsafeContact(contactSafety(ctx.db, client.id), input.method, input.outcome);
  const id = newId();
  const at = ctx.now().toISOString();
  stmt(
    ctx.db,
    `INSERT INTO contact_attempts (id, client_id, date, method, outcome, minutes, note, unsafe, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, client.id, input.date, input.method, input.outcome, input.minutes, input.note, unsafe ? 1 : 0, at, ctx.user.id);
  recordChanges(ctx.db, client.id, at, ctx.user.id, 'contacts', [`added:${input.method}`]);
  updateClientColumns(ctx.db, client.id, {}, at);
  return { id, unsafe };
};

interface Row {
  id: string;
  date: string;
  method: 'call';
  outcome: 'reached';
  minutes: number | null;
  note: string | null;
  unsafe: number;
  by: string | null;
}

export const clientContacts: Handler<'contacts.forClient'> = (input, ctx) => {
  const client = openableClient(ctx, input.id);
  ctx.audit.append({ actorId: ctx.user.id, action: 'contacts.view', targetId: client.id });
  const rows = stmt<[string], Row>(
    ctx.db,
    `SELECT a.id, a.date, a.method, a.outcome, a.minutes, a.note, a.unsafe, u.display_name AS by
     FROM contact_attempts a LEFT JOIN users u ON u.id = a.created_by WHERE a.client_id = ? ORDER BY a.date DESC, a.created_at DESC LIMIT 500`,
  ).all(client.id);
  return { attempts: rows.map((r) => ({ ...r, unsafe: r.unsafe === 1 })), safety: contactSafety(ctx.db, client.id) };
};

export const addOutreach: Handler<'outreach.add'> = (input, ctx) => {
  const id = newId();
  stmt(ctx.db, 'INSERT INTO outreach_contacts (id, date, place, minutes, people, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    input.date,
    input.place,
    input.minutes,
    input.people,
    ctx.now().toISOString(),
    ctx.user.id,
  );
  return { id };
};

/** The signed-in person's own recent outreach entries. */
export const listOutreach: Handler<'outreach.list'> = (_input, ctx) => ({
  items: stmt<[string], { id: string; date: string; place: string | null; minutes: number | null; people: number }>(
    ctx.db,
    'SELECT id, date, place, minutes, people FROM outreach_contacts WHERE created_by = ? ORDER BY date DESC, created_at DESC LIMIT 50',
  ).all(ctx.user.id),
});
