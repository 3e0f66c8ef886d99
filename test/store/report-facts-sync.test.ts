// service_days (migration 0210) is never synced: a laptop that receives a case's services from
// another derives it itself as the projection writes, moves and removes the rows, and it never
// travels in a document.
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_ORDER_FROM_ASSESSMENTS, SERVICE_DAYS_FROM_SERVICES } from '../../main/store/migrations/0210-report-facts';
import { loadDoc } from '../../main/sync/engine/docs';
import { caseDocId } from '../../main/sync/engine/tables';
import { ADMIN, openLaptop, receive, seedFirst, send, startTeam, write, type Laptop, type Sent } from '../helpers/sync-laptops';

const stored = (l: Laptop) => l.db.prepare('SELECT client_id, category, date, encounters, prev_on FROM service_days ORDER BY 1, 2, 3').raw().all();
const fromServices = (l: Laptop) => l.db.prepare(`SELECT * FROM (${SERVICE_DAYS_FROM_SERVICES}) ORDER BY 1, 2, 3`).raw().all();
const orders = (l: Laptop) => l.db.prepare('SELECT * FROM assessment_order ORDER BY 1, 2, 3, 4').raw().all() as unknown[][];
const fromAssessments = (l: Laptop) => l.db.prepare(`SELECT * FROM (${ASSESSMENT_ORDER_FROM_ASSESSMENTS}) ORDER BY 1, 2, 3, 4`).raw().all();

describe('service days under team sync', () => {
  it('derives a received case service days and assessment order on the receiving laptop', () => {
    const a = openLaptop('A');
    const b = openLaptop('B');
    const [first] = seedFirst(a, 1);
    startTeam(a, [b]);
    const log: Sent[] = [];
    const add = "INSERT INTO services (id, client_id, date, category, provider, created_at, created_by) VALUES (?, ?, ?, ?, 'in_house', 'x', ?)";
    write(a, (db) => {
      db.prepare(add).run('v1', first, '2026-03-01', 'legal', ADMIN);
      db.prepare(add).run('v2', first, '2026-03-01', 'legal', ADMIN);
      db.prepare(add).run('v3', first, '2026-03-09', 'legal', ADMIN);
      db.prepare(add).run('v4', first, '2026-03-05', 'housing', ADMIN);
      const instrument = db.prepare("SELECT id FROM instruments WHERE code = 'ssm'").pluck().get() as string;
      const domain = db.prepare('SELECT id FROM instrument_domains WHERE instrument_id = ? ORDER BY position').pluck().get(instrument) as string;
      db.prepare("INSERT INTO assessments (id, client_id, instrument_id, taken_on, kind, created_at, created_by, score_line) VALUES ('as1', ?, ?, '2026-03-02', 'intake', 'x', ?, '3')").run(first, instrument, ADMIN);
      db.prepare("INSERT INTO assessment_scores (assessment_id, domain_id, score) VALUES ('as1', ?, 3)").run(domain);
    });
    send(a, log);
    receive(b, log);
    expect(stored(b)).toEqual(fromServices(b));
    expect(stored(b)).toContainEqual([first, 'legal', '2026-03-09', 1, '2026-03-01']);
    // The score line is rebuilt on the receiving laptop; its order key follows it.
    expect(orders(b)).toHaveLength(1);
    expect(orders(b)).toEqual(fromAssessments(b));
    expect(String(orders(b)[0]![3])).toMatch(/^2026-03-020.*\|3/u);

    write(a, (db) => {
      db.prepare("UPDATE services SET date = '2026-03-02' WHERE id = 'v2'").run();
      db.prepare("UPDATE services SET category = 'legal' WHERE id = 'v4'").run();
      db.prepare("DELETE FROM services WHERE id = 'v1'").run();
    });
    send(a, log);
    receive(b, log.slice(-1));
    expect(stored(b)).toEqual(fromServices(b));
    expect(stored(b)).toEqual(stored(a));
    expect(stored(b)).toContainEqual([first, 'legal', '2026-03-09', 1, '2026-03-05']);
    expect(loadDoc(a.db, caseDocId(first!)).keys().some((k) => k.includes('service_days') || k.includes('prev_on'))).toBe(false);
  });
});
