// The dashboard's derived columns (migration 0220) are never synced: a laptop that receives a case's
// goals, steps and contacts from another derives them itself, as the projection writes the rows.
import { describe, expect, it } from 'vitest';
import { loadDoc } from '../../main/sync/engine/docs';
import { caseDocId } from '../../main/sync/engine/tables';
import { ADMIN, dump, openLaptop, receive, seedFirst, send, startTeam, write, type Sent } from '../helpers/sync-laptops';

describe('dashboard columns under team sync', () => {
  it('derives a received step case and goal status and a case latest contact on the receiving laptop', () => {
    const a = openLaptop('A');
    const b = openLaptop('B');
    const [first] = seedFirst(a, 1);
    startTeam(a, [b]);
    const log: Sent[] = [];
    write(a, (db) => {
      db.prepare("INSERT INTO goals (id, client_id, domain, title, status, created_at, created_by) VALUES ('g1', ?, 'legal', 'x', 'open', 'x', ?)").run(first, ADMIN);
      db.prepare("INSERT INTO goal_steps (id, goal_id, text, due_date, position) VALUES ('s1', 'g1', 'x', '2026-01-10', 0)").run();
      db.prepare("INSERT INTO contact_attempts (id, client_id, date, method, outcome, created_at, created_by) VALUES ('a1', ?, '2026-03-20', 'call', 'reached', 'x', ?)").run(first, ADMIN);
    });
    send(a, log);
    receive(b, log);
    const derived = (l: typeof a) => ({
      step: l.db.prepare("SELECT client_id, goal_open FROM goal_steps WHERE id = 's1'").get(),
      contact: l.db.prepare('SELECT last_contact_on FROM clients WHERE id = ?').pluck().get(first),
    });
    expect(derived(b)).toEqual({ step: { client_id: first, goal_open: 1 }, contact: '2026-03-20' });

    write(a, (db) => {
      db.prepare("UPDATE goals SET status = 'achieved', status_on = '2026-03-21' WHERE id = 'g1'").run();
      db.prepare("DELETE FROM contact_attempts WHERE id = 'a1'").run();
    });
    send(a, log);
    receive(b, log.slice(-1));
    expect(derived(b)).toEqual({ step: { client_id: first, goal_open: 0 }, contact: '2026-03-02' });
    // The derived values never travel in a document: every synced row (derived columns included) is the same on both.
    expect(dump(b.db)).toEqual(dump(a.db));
    const fields = loadDoc(a.db, caseDocId(first!)).keys();
    expect(fields.some((k) => k.includes('goal_open'))).toBe(false);
    expect(fields.some((k) => k.includes('last_contact_on'))).toBe(false);
    expect(fields.some((k) => k.includes('due_date'))).toBe(true);
  });
});
