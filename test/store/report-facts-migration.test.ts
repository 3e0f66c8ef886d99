// 0210-report-facts: a store at the previous version gains service_days (one row per person,
// category and day with services: how many, and the person's previous day in that category), filled
// from its services; triggers keep it equal to what the services say through any later insert, edit,
// removal and case removal; assessment_order likewise holds each assessment's order key and score
// line through any later change. And goals gain their (person, day opened) index.
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_ORDER_FROM_ASSESSMENTS, SERVICE_DAYS_FROM_SERVICES, UNTIL_FROM_EVENTS } from '../../main/store/migrations/0210-report-facts';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

type Db = ReturnType<typeof bareStore>;
const stored = (db: Db) => db.prepare('SELECT client_id, category, date, encounters, prev_on FROM service_days ORDER BY 1, 2, 3').raw().all();
const fromServices = (db: Db) => db.prepare(`SELECT * FROM (${SERVICE_DAYS_FROM_SERVICES}) ORDER BY 1, 2, 3`).raw().all();
const orders = (db: Db) => db.prepare('SELECT client_id, instrument_id, taken_on, order_key FROM assessment_order ORDER BY 1, 2, 3, 4').raw().all();
const untils = (db: Db) => db.prepare('SELECT id, until_on FROM status_events ORDER BY id').raw().all();
const fromEvents = (db: Db) => db.prepare(`SELECT * FROM (${UNTIL_FROM_EVENTS}) ORDER BY id`).raw().all();
const fromAssessments = (db: Db) => db.prepare(`SELECT * FROM (${ASSESSMENT_ORDER_FROM_ASSESSMENTS}) ORDER BY 1, 2, 3, 4`).raw().all();

/** A small seeded random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('0210-report-facts', () => {
  it('fills service_days and assessment_order from the services and assessments, then triggers keep them equal to those', () => {
    const db = bareStore();
    migrate(db, 200);
    db.exec(`
      INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z');
      INSERT INTO clients (id, case_number, chosen_name, assigned_worker_id, created_by, created_at, updated_at) VALUES
        ('c1', 'SH-2026-0001', 'One', 'u1', 'u1', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z'),
        ('c2', 'SH-2026-0002', 'Two', 'u1', 'u1', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z'),
        ('c3', 'SH-2026-0003', 'Three', 'u1', 'u1', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z');
      INSERT INTO services (id, client_id, date, category, provider, created_at, created_by) VALUES
        ('v1', 'c1', '2026-01-20', 'legal', 'in_house', 'x', 'u1'),
        ('v2', 'c1', '2026-01-20', 'legal', 'in_house', 'x', 'u1'),
        ('v3', 'c1', '2026-02-01', 'legal', 'in_house', 'x', 'u1'),
        ('v4', 'c1', '2026-01-25', 'housing', 'in_house', 'x', 'u1'),
        ('v5', 'c2', '2026-01-10', 'legal', 'in_house', 'x', 'u1');
    `);
    const instrument = db.prepare("SELECT id FROM instruments WHERE code = 'ssm'").pluck().get() as string;
    const assess = db.prepare("INSERT INTO assessments (id, client_id, instrument_id, taken_on, kind, created_at, created_by, score_line) VALUES (?, ?, ?, ?, ?, ?, 'u1', ?)");
    assess.run('a1', 'c1', instrument, '2026-01-20', 'follow_up', '2026-01-20T10:00:00Z', '23.');
    assess.run('a2', 'c1', instrument, '2026-01-20', 'intake', '2026-01-20T11:00:00Z', '12.');
    // A goal's history (written by 0100's triggers), one change dated before an earlier-entered one.
    db.exec(`
      INSERT INTO goals (id, client_id, domain, title, status, status_on, created_at, created_by) VALUES ('g1', 'c1', 'legal', 'x', 'achieved', '2026-02-10', '2026-01-05T10:00:00Z', 'u1');
      UPDATE goals SET status = 'partly', status_on = '2026-02-01' WHERE id = 'g1';
      UPDATE goals SET status = 'open', status_on = '2026-02-01' WHERE id = 'g1';
    `);
    migrate(db, 210);
    expect(storeVersion(db)).toBeGreaterThanOrEqual(210);
    // Same day: the intake (entered later) comes first, then the follow-up; each key ends in the score line.
    const rowid = (id: string) => 100000000000000 + (db.prepare('SELECT rowid FROM assessments WHERE id = ?').pluck().get(id) as number);
    expect(orders(db)).toEqual([
      ['c1', instrument, '2026-01-20', `2026-01-200${'2026-01-20T11:00:00Z'}${rowid('a2')}|12.`],
      ['c1', instrument, '2026-01-20', `2026-01-201${'2026-01-20T10:00:00Z'}${rowid('a1')}|23.`],
    ]);
    expect(stored(db)).toEqual([
      ['c1', 'housing', '2026-01-25', 1, null],
      ['c1', 'legal', '2026-01-20', 2, null],
      ['c1', 'legal', '2026-02-01', 1, '2026-01-20'],
      ['c2', 'legal', '2026-01-10', 1, null],
    ]);
    // Each event ends on the day of the next one by day and entry order; the latest has none.
    expect(db.prepare('SELECT status, effective_on, until_on FROM status_events ORDER BY id').raw().all()).toEqual([
      ['achieved', '2026-02-10', null],
      ['partly', '2026-02-01', '2026-02-01'],
      ['open', '2026-02-01', '2026-02-10'],
    ]);

    // A service dated between two days, one that empties a day, one moved to another person,
    // category or day: each time the table says what the services say.
    db.exec("INSERT INTO services (id, client_id, date, category, provider, created_at, created_by) VALUES ('v6', 'c1', '2026-01-22', 'legal', 'in_house', 'x', 'u1')");
    expect(stored(db)).toEqual(fromServices(db));
    expect(db.prepare("SELECT prev_on FROM service_days WHERE client_id = 'c1' AND category = 'legal' AND date = '2026-02-01'").pluck().get()).toBe('2026-01-22');
    db.exec("DELETE FROM services WHERE id = 'v6'");
    expect(stored(db)).toEqual(fromServices(db));
    db.exec("DELETE FROM services WHERE id IN ('v1', 'v2')");
    expect(stored(db)).toEqual(fromServices(db));
    expect(db.prepare("SELECT prev_on FROM service_days WHERE client_id = 'c1' AND category = 'legal' AND date = '2026-02-01'").pluck().get()).toBeNull();

    const rnd = random(12);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const clients = ['c1', 'c2', 'c3'];
    const categories = ['legal', 'housing', 'medical'];
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-05', '2026-01-08'];
    const insert = db.prepare("INSERT INTO services (id, client_id, date, category, provider, created_at, created_by) VALUES (?, ?, ?, ?, 'in_house', 'x', 'u1')");
    const ids = () => db.prepare('SELECT id FROM services ORDER BY id').pluck().all() as string[];
    for (let step = 0; step < 400; step += 1) {
      const roll = rnd();
      const existing = ids();
      if (roll < 0.45 || existing.length === 0) insert.run(`r${step}`, pick(clients), pick(days), pick(categories));
      else if (roll < 0.65) db.prepare('DELETE FROM services WHERE id = ?').run(pick(existing));
      else if (roll < 0.75) db.prepare('UPDATE services SET date = ? WHERE id = ?').run(pick(days), pick(existing));
      else if (roll < 0.85) db.prepare('UPDATE services SET category = ? WHERE id = ?').run(pick(categories), pick(existing));
      else if (roll < 0.95) db.prepare('UPDATE services SET client_id = ?, date = ? WHERE id = ?').run(pick(clients), pick(days), pick(existing));
      else db.prepare('UPDATE services SET minutes = ? WHERE id = ?').run(step, pick(existing));
      expect(stored(db), `after step ${step}`).toEqual(fromServices(db));
    }
    expect(stored(db).length).toBeGreaterThan(10);

    // Assessments added, removed, re-dated, re-kinded, re-timed, re-scored or moved: the order table follows.
    const kinds = ['intake', 'follow_up', 'exit'];
    const assessmentIds = () => db.prepare('SELECT id FROM assessments ORDER BY id').pluck().all() as string[];
    for (let step = 0; step < 200; step += 1) {
      const roll = rnd();
      const existing = assessmentIds();
      const id = () => pick(existing);
      if (roll < 0.4 || existing.length === 0) assess.run(`x${step}`, pick(clients), instrument, pick(days), pick(kinds), pick(['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z']), pick(['1', '2.', '345']));
      else if (roll < 0.55) db.prepare('DELETE FROM assessments WHERE id = ?').run(id());
      else if (roll < 0.65) db.prepare('UPDATE assessments SET taken_on = ? WHERE id = ?').run(pick(days), id());
      else if (roll < 0.75) db.prepare('UPDATE assessments SET kind = ? WHERE id = ?').run(pick(kinds), id());
      else if (roll < 0.85) db.prepare('UPDATE assessments SET score_line = ? WHERE id = ?').run(pick(['5', '.4', '']), id());
      else if (roll < 0.95) db.prepare('UPDATE assessments SET client_id = ?, created_at = ? WHERE id = ?').run(pick(clients), '2026-01-03T00:00:00Z', id());
      else db.prepare("UPDATE assessments SET created_by = 'u1' WHERE id = ?").run(id());
      expect(orders(db), `after assessment step ${step}`).toEqual(fromAssessments(db));
    }
    expect(orders(db).length).toBeGreaterThan(10);

    // Status changes of goals and cases (closed, reopened), dated anywhere (before, between, on the same day
    // as earlier ones): each event's end stays the next event's day.
    db.exec(`
      INSERT INTO goals (id, client_id, domain, title, status, created_at, created_by) VALUES ('g2', 'c2', 'housing', 'y', 'open', '2026-01-05T10:00:00Z', 'u1');
    `);
    const goalStatuses = ['open', 'achieved', 'partly', 'not_achieved', 'withdrawn'];
    for (let step = 0; step < 120; step += 1) {
      const roll = rnd();
      if (roll < 0.45) db.prepare('UPDATE goals SET status = ?, status_on = ? WHERE id = ?').run(pick(goalStatuses), pick(days), pick(['g1', 'g2']));
      else if (roll < 0.75) db.prepare("INSERT INTO case_closures (client_id, closed_on, reason, destination, closed_by) VALUES ('c2', ?, 'goals_met', 'unknown', 'u1')").run(pick(days));
      else db.prepare('UPDATE case_closures SET reopened_on = ? WHERE id = (SELECT max(id) FROM case_closures)').run(pick(days));
      expect(untils(db), `after status step ${step}`).toEqual(fromEvents(db));
    }
    expect(db.prepare('SELECT count(*) FROM status_events').pluck().get()).toBeGreaterThan(60);

    // Removing a case removes its services and, with them, its days.
    db.exec("DELETE FROM clients WHERE id = 'c1'");
    expect(db.prepare("SELECT count(*) FROM service_days WHERE client_id = 'c1'").pluck().get()).toBe(0);
    expect(stored(db)).toEqual(fromServices(db));
    expect(db.prepare("SELECT count(*) FROM assessment_order WHERE client_id = 'c1'").pluck().get()).toBe(0);
    expect(orders(db)).toEqual(fromAssessments(db));
    expect(untils(db)).toEqual(fromEvents(db));

    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    expect(plan("SELECT count(*) FROM goals WHERE client_id = 'c1' AND opened_on <= '2026-12-31'")).toMatch(/COVERING INDEX goals_client_opened/u);
    // The triggers walk one person's days, never a whole category's.
    expect(plan("SELECT max(d.date) FROM service_days d WHERE d.client_id = 'c2' AND +d.category = 'legal' AND d.date < '2026-01-05'")).not.toMatch(/service_days_category/u);
    expect(plan("SELECT sum(encounters), sum(prev_on IS NULL OR prev_on < '2026-01-01') FROM service_days WHERE category = 'legal' AND date BETWEEN '2026-01-01' AND '2026-12-31'")).toMatch(
      /COVERING INDEX service_days_category/u,
    );
    db.close();
  });
});
