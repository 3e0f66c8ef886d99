// Team sync carries a handover: the new primary and secondary workers and each dated history row
// reach the other laptop with the case, so its access rules and history match the laptop that moved it.
import { describe, expect, it } from 'vitest';
import { setWorker } from '../../main/cases/assignment';
import { dismissHandover, handoverSummary } from '../../main/cases/handover-summary';
import { ADMIN, openLaptop, receive, seedFirst, send, startTeam, write, type Sent } from '../helpers/sync-laptops';

const WORKER = 'b0000000000000000000000000000002';
const SECOND = 'b0000000000000000000000000000003';

/** Two laptops; on A a case is given to a primary and a secondary worker, and B has received it. */
function handedOver() {
  const a = openLaptop('A');
  const b = openLaptop('B');
  const [caseId] = seedFirst(a, 1);
  write(a, (db) => {
    const add = db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, ?, ?, 'caseworker', '2026-03-01T10:00:00Z')");
    add.run(WORKER, 'Worker Synthetic', 'worker synthetic');
    add.run(SECOND, 'Second Synthetic', 'second synthetic');
  });
  startTeam(a, [b]);
  const log: Sent[] = [];
  write(a, (db) => {
    setWorker(db, { clientId: caseId!, position: 'primary', to: WORKER, by: ADMIN, at: '2026-03-02T09:00:00.000Z' });
    setWorker(db, { clientId: caseId!, position: 'secondary', to: SECOND, by: ADMIN, at: '2026-03-02T09:00:00.000Z' });
  });
  send(a, log);
  receive(b, log);
  return { a, b, caseId: caseId!, log };
}

describe('handover over team sync', () => {
  it('a reassignment and its history arrive on the other laptop', () => {
    const { b, caseId } = handedOver();
    expect(b.db.prepare('SELECT assigned_worker_id, secondary_worker_id FROM clients WHERE id = ?').get(caseId)).toEqual({ assigned_worker_id: WORKER, secondary_worker_id: SECOND });
    expect(b.db.prepare('SELECT position, to_user, by_user, at FROM case_assignments WHERE client_id = ? AND at = ? ORDER BY position').all(caseId, '2026-03-02T09:00:00.000Z')).toEqual([
      { position: 'primary', to_user: WORKER, by_user: ADMIN, at: '2026-03-02T09:00:00.000Z' },
      { position: 'secondary', to_user: SECOND, by_user: ADMIN, at: '2026-03-02T09:00:00.000Z' },
    ]);
  });
  it('a handover read on one laptop is read on the others of that team (per person)', () => {
    const { a, b, caseId, log } = handedOver();
    const now = new Date('2026-03-03T10:00:00Z');
    const pending = (l: typeof a, user: string) => handoverSummary(l.db, caseId, user, now).pending !== null;
    expect([pending(a, WORKER), pending(b, WORKER), pending(a, SECOND)]).toEqual([true, true, true]);
    // The worker reads it on laptop B; laptop A learns it at the next round, for that worker only.
    write(b, (db) => expect(dismissHandover(db, caseId, WORKER, '2026-03-03T10:00:00.000Z')).toBe(true));
    send(b, log);
    receive(a, log.filter((x) => x.from === 'B'));
    expect([pending(a, WORKER), pending(b, WORKER), pending(a, SECOND), pending(b, SECOND)]).toEqual([false, false, true, true]);
  });
});
