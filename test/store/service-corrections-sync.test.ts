// A corrected service (its new values and the correction columns of 0170) and a removed one reach
// the other laptops of a team like any other case write: triggers note the rows, the flush turns them
// into document changes.
import { describe, expect, it } from 'vitest';
import { ADMIN, dump, openLaptop, receive, seedFirst, send, startTeam, write, type Sent } from '../helpers/sync-laptops';

describe('service corrections under team sync', () => {
  it('carries a correction with its reason and a removal to the other laptop', () => {
    const a = openLaptop('A');
    const b = openLaptop('B');
    const [first, second] = seedFirst(a);
    startTeam(a, [b]);
    const serviceOf = (id: string) => a.db.prepare('SELECT id FROM services WHERE client_id = ?').pluck().get(id) as string;
    const corrected = serviceOf(first!);
    const removed = serviceOf(second!);
    const log: Sent[] = [];
    write(a, (db) => {
      db.prepare("UPDATE services SET category = 'legal', minutes = 45, corrected_at = '2026-03-03T10:00:00.000Z', corrected_by = ?, correction_reason = 'wrong_details' WHERE id = ?").run(ADMIN, corrected);
      db.prepare('DELETE FROM services WHERE id = ?').run(removed);
    });
    send(a, log);
    receive(b, log);
    expect(b.db.prepare('SELECT category, minutes, correction_reason FROM services WHERE id = ?').get(corrected)).toEqual({ category: 'legal', minutes: 45, correction_reason: 'wrong_details' });
    expect(b.db.prepare('SELECT count(*) FROM services WHERE id = ?').pluck().get(removed)).toBe(0);
    expect(dump(b.db).services).toEqual(dump(a.db).services);
  });
});
