// Team sync carries a caseworker's week (issue 16): appointments and contact attempts travel in their
// case's document, outreach contacts in the agency's settings document, and the name words a short
// search uses are rebuilt on the receiving laptop (derived, never synced).
import { describe, expect, it } from 'vitest';
import { ADMIN, createCase, openLaptop, receive, seedFirst, send, startTeam, write, type Sent } from '../helpers/sync-laptops';

describe('sync of the week', () => {
  it('brings appointments, contact attempts and outreach to the other laptop', () => {
    const a = openLaptop('A');
    const b = openLaptop('B');
    seedFirst(a);
    startTeam(a, [b]);
    const log: Sent[] = [];
    let id = '';
    write(a, (db) => {
      id = createCase(a, 'Ana Pérez');
      db.prepare("INSERT INTO appointments (id, client_id, date, time, staff_id, kind, created_at, created_by) VALUES (?, ?, '2026-03-03', '09:30', ?, 'court', 'x', ?)").run('a'.repeat(32), id, ADMIN, ADMIN);
      db.prepare("INSERT INTO contact_attempts (id, client_id, date, method, outcome, unsafe, created_at, created_by) VALUES (?, ?, '2026-03-02', 'call', 'voicemail', 1, 'x', ?)").run('c'.repeat(32), id, ADMIN);
      db.prepare("INSERT INTO outreach_contacts (id, date, people, created_at, created_by) VALUES (?, '2026-03-01', 4, 'x', ?)").run('e'.repeat(32), ADMIN);
    });
    send(a, log);
    receive(b, log);
    expect(b.db.prepare('SELECT client_id, date, time, kind, status FROM appointments').all()).toEqual([{ client_id: id, date: '2026-03-03', time: '09:30', kind: 'court', status: 'booked' }]);
    expect(b.db.prepare('SELECT client_id, outcome, unsafe FROM contact_attempts').all()).toEqual([{ client_id: id, outcome: 'voicemail', unsafe: 1 }]);
    expect(b.db.prepare('SELECT people FROM outreach_contacts').pluck().all()).toEqual([4]);
    expect(b.db.prepare("SELECT client_id FROM client_name_words WHERE word = 'perez'").pluck().all()).toEqual([id]);
  });
});
