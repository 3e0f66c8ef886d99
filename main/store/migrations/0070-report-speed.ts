// Main process (plain Node). Never imports electron.
// Keeps the outcome report fast at a large caseload (100,000 cases, 2,000,000 services):
// - each assessment also carries its scores as one short line (one character a domain, in the
//   instrument's domain order: '1'-'5', or '.' when that domain was not scored), and the per-person
//   index holds that line, so "first and latest assessment" is one pass over an index instead of
//   millions of score lookups. assessment_scores stays the record; the line is written beside it by
//   the one assessment writer (store/repos/assessments.ts). Domains are only ever appended to an
//   instrument, so an older line is simply shorter.
// - every case has a client_facts row from the day it is opened, with that day (opened_on, the
//   fallback intake date), so the served population is one ordered pass over that narrow table.
// - services are indexed by category first (then date and person), so a period's services are read
//   category by category, already grouped, with no sort of half a million rows; and by person, date
//   and category, so a report for one worker's caseload reads only that caseload's services.
import type { Migration } from '.';

const migration: Migration = {
  version: 70,
  name: 'report-speed',
  up(db) {
    db.exec(`
      ALTER TABLE assessments ADD COLUMN score_line TEXT NOT NULL DEFAULT '';
      UPDATE assessments SET score_line = (
        SELECT group_concat(coalesce(s.score, '.'), '' ORDER BY d.position)
        FROM instrument_domains d
        LEFT JOIN assessment_scores s ON s.assessment_id = assessments.id AND s.domain_id = d.id
        WHERE d.instrument_id = assessments.instrument_id
      );
      DROP INDEX assessments_client;
      CREATE INDEX assessments_client ON assessments (client_id, instrument_id, taken_on, created_at, id, score_line);

      ALTER TABLE client_facts ADD COLUMN opened_on TEXT;
      INSERT INTO client_facts (client_id) SELECT id FROM clients WHERE id NOT IN (SELECT client_id FROM client_facts);
      UPDATE client_facts SET opened_on = (SELECT date(c.created_at, 'localtime') FROM clients c WHERE c.id = client_facts.client_id);

      DROP INDEX services_client;
      CREATE INDEX services_client ON services (client_id, date, category);
      DROP INDEX services_date;
      CREATE INDEX services_category ON services (category, date, client_id);
    `);
  },
};

export default migration;
