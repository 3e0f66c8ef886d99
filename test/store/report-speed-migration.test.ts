// 0070-report-speed: a store at version 60 keeps its assessments and cases, each assessment gains
// its score line (domain order, '.' for a domain not scored), every case gains a facts row with the
// day it was opened, and the report's first/latest pass reads only the per-person index.
import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../main/cases/dates';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0070-report-speed', () => {
  it('writes each assessment score line and a facts row for every case', () => {
    const db = bareStore();
    migrate(db, 60);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'admin', '2026-01-01T00:00:00Z')").run();
    const insertClient = db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES (?, ?, 'Synthetic', 'u1', ?, ?)");
    insertClient.run('c1', 'SH-2025-0001', '2025-03-04T23:30:00Z', '2025-03-04T23:30:00Z');
    insertClient.run('c2', 'SH-2026-0002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    db.prepare("INSERT INTO client_facts (client_id, intake_date) VALUES ('c2', '2025-12-30')").run();
    const instrument = db.prepare("SELECT id FROM instruments WHERE code = 'ssm'").pluck().get() as string;
    const domains = db.prepare('SELECT id FROM instrument_domains WHERE instrument_id = ? ORDER BY position').pluck().all(instrument) as string[];
    db.prepare("INSERT INTO assessments (id, client_id, instrument_id, taken_on, kind, created_at, created_by) VALUES ('a1', 'c1', ?, '2025-03-05', 'intake', '2025-03-05T10:00:00Z', 'u1')").run(instrument);
    const score = db.prepare("INSERT INTO assessment_scores (assessment_id, domain_id, score) VALUES ('a1', ?, ?)");
    score.run(domains[0], 2);
    score.run(domains[2], 5);
    score.run(domains[9], 1);

    migrate(db, 70);
    expect(storeVersion(db)).toBe(70);
    expect(db.prepare("SELECT score_line FROM assessments WHERE id = 'a1'").pluck().get()).toBe('2.5......1');
    expect(db.prepare('SELECT client_id, intake_date, opened_on FROM client_facts ORDER BY client_id').all()).toEqual([
      // The day on this computer's calendar (the test may run in any time zone).
      { client_id: 'c1', intake_date: null, opened_on: localIsoDate(new Date('2025-03-04T23:30:00Z')) },
      { client_id: 'c2', intake_date: '2025-12-30', opened_on: localIsoDate(new Date('2026-01-01T00:00:00Z')) },
    ]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT client_id, instrument_id, min(taken_on || created_at || id || '|' || score_line) FROM assessments WHERE taken_on <= '2025-12-31' GROUP BY client_id, instrument_id")
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
    expect(plan).toMatch(/COVERING INDEX assessments_client/u);
    expect(plan).not.toMatch(/TEMP B-TREE/u);
    db.close();
  });
});
