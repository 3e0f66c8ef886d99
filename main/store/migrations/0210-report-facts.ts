// Main process (plain Node). Never imports electron.
// The outcome report at 100,000 cases with history in place (issue 12, report_ms in npm run bench):
// - service_days: one row per person, service category and day with services, with how many
//   (encounters) and the person's previous day in that category (prev_on, NULL for the first). A
//   person is counted once per category in a period on the one row of the period whose prev_on is
//   before its first day (or NULL), so "clients per category" is a count over one index range
//   instead of a distinct set of half a million services; keyed by person and day, so one person's
//   period is one range. Derived, never synced
//   (main/sync/engine/tables.ts): kept by triggers on services, so every writer keeps it (handlers,
//   import, the demo generator, team sync's projection, which writes rows with plain SQL, and a
//   case removed with its services); each laptop keeps its own, and a restored store carries it.
// - assessment_order: each assessment's place among the person's assessments on its instrument
//   (order_key: day, kind as intake 0 / follow-up 1 / exit 2, entry time, entry order as 10^14 +
//   rowid; the store is never VACUUMed, so rowids stay) followed by '|' and its score line, so the
//   first and latest assessment per person and instrument are the least and greatest key of one
//   index range, with no key built per row while the report runs. Derived and kept by triggers on
//   assessments like service_days (the score line is written with the row, and again when rebuilt).
// - status_events.until_on: the day the subject's next event (by day, then entry order) took effect,
//   NULL for its latest. The status on day D is the one event with effective_on <= D and no next
//   event by D (until_on NULL or after D), so "every goal's status on the last day" is one range of
//   an index over goal events by effective_on that never reads events dated after the period, however
//   many there are. Kept by a trigger as events are appended (they are only ever appended, by the
//   triggers of migration 0100, and removed with their case).
// - goals are indexed by person and the day each was opened, so "goals opened by the last day" for
//   a set of people is read from the index alone.
import type { Migration } from '.';

/** The service_days row (alias `d`, or none) of `row`'s person, category and day. */
const dayOf = (row: 'NEW' | 'OLD', d = '') => `${d}client_id = ${row}.client_id AND ${d}category = ${row}.category AND ${d}date = ${row}.date`;
/**
 * The nearest day before / after `row`'s day with services of the same person and category: a walk
 * along the person's days (the key), never along the category's ('+' keeps the category index out).
 */
const neighbour = (row: 'NEW' | 'OLD', side: 'before' | 'after') =>
  `(SELECT ${side === 'before' ? 'max' : 'min'}(d.date) FROM service_days d
    WHERE d.client_id = ${row}.client_id AND +d.category = ${row}.category AND d.date ${side === 'before' ? '<' : '>'} ${row}.date)`;

/** A service added to its day: the day is made (after its previous day) or counted once more, and the next day follows it. */
const add = `
  INSERT INTO service_days (client_id, category, date, encounters, prev_on)
    VALUES (NEW.client_id, NEW.category, NEW.date, 1, ${neighbour('NEW', 'before')})
    ON CONFLICT (client_id, date, category) DO UPDATE SET encounters = encounters + 1;
  UPDATE service_days SET prev_on = NEW.date
    WHERE client_id = NEW.client_id AND category = NEW.category AND date = ${neighbour('NEW', 'after')};`;

/** A service taken from its day: the day's last service removes the day, and the next day follows the one before. */
const remove = `
  UPDATE service_days SET prev_on = (SELECT d.prev_on FROM service_days d WHERE ${dayOf('OLD', 'd.')})
    WHERE client_id = OLD.client_id AND category = OLD.category AND date = ${neighbour('OLD', 'after')}
      AND (SELECT d.encounters FROM service_days d WHERE ${dayOf('OLD', 'd.')}) = 1;
  DELETE FROM service_days WHERE ${dayOf('OLD')} AND encounters <= 1;
  UPDATE service_days SET encounters = encounters - 1 WHERE ${dayOf('OLD')};`;

/** `row`'s order key and score line (see above). */
const orderKey = (row: string) =>
  `${row}.taken_on || (CASE ${row}.kind WHEN 'intake' THEN 0 WHEN 'follow_up' THEN 1 ELSE 2 END) || ${row}.created_at || (100000000000000 + ${row}.rowid) || '|' || ${row}.score_line`;
const addOrder = `INSERT INTO assessment_order (client_id, instrument_id, taken_on, order_key) VALUES (NEW.client_id, NEW.instrument_id, NEW.taken_on, ${orderKey('NEW')});`;
const removeOrder = `DELETE FROM assessment_order
  WHERE client_id = OLD.client_id AND instrument_id = OLD.instrument_id AND taken_on = OLD.taken_on AND order_key = ${orderKey('OLD')};`;

export const ASSESSMENT_ORDER_FROM_ASSESSMENTS = `SELECT client_id, instrument_id, taken_on, ${orderKey('assessments')} FROM assessments`;

/** The same subject's events after / before NEW in (effective_on, id) order. */
const sameSubject = `n.subject = NEW.subject AND n.subject_id = NEW.subject_id`;
const after = `(n.effective_on > NEW.effective_on OR (n.effective_on = NEW.effective_on AND n.id > NEW.id))`;
const before = `(n.effective_on < NEW.effective_on OR (n.effective_on = NEW.effective_on AND n.id < NEW.id))`;

export const UNTIL_FROM_EVENTS = `SELECT id, lead(effective_on) OVER (PARTITION BY subject, subject_id ORDER BY effective_on, id) AS until_on FROM status_events`;

export const SERVICE_DAYS_FROM_SERVICES = `
  SELECT client_id, category, date, n, lag(date) OVER (PARTITION BY client_id, category ORDER BY date)
  FROM (SELECT client_id, category, date, count(*) AS n FROM services GROUP BY client_id, category, date)`;

const migration: Migration = {
  version: 210,
  name: 'report-facts',
  up(db) {
    db.exec(`
      CREATE TABLE service_days (
        client_id TEXT NOT NULL,
        category TEXT NOT NULL,
        date TEXT NOT NULL,
        encounters INTEGER NOT NULL CHECK (encounters > 0),
        prev_on TEXT,
        PRIMARY KEY (client_id, date, category)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO service_days (client_id, category, date, encounters, prev_on)
        ${SERVICE_DAYS_FROM_SERVICES}
        ORDER BY client_id, date, category;
      CREATE INDEX service_days_category ON service_days (category, date, prev_on, encounters);

      CREATE TRIGGER services_days_insert AFTER INSERT ON services BEGIN ${add} END;
      CREATE TRIGGER services_days_delete AFTER DELETE ON services BEGIN ${remove} END;
      CREATE TRIGGER services_days_update AFTER UPDATE OF client_id, category, date ON services
        WHEN NEW.client_id IS NOT OLD.client_id OR NEW.category IS NOT OLD.category OR NEW.date IS NOT OLD.date BEGIN
        ${remove}
        ${add}
      END;

      CREATE TABLE assessment_order (
        client_id TEXT NOT NULL,
        instrument_id TEXT NOT NULL,
        taken_on TEXT NOT NULL,
        order_key TEXT NOT NULL,
        PRIMARY KEY (client_id, instrument_id, taken_on, order_key)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO assessment_order (client_id, instrument_id, taken_on, order_key)
        ${ASSESSMENT_ORDER_FROM_ASSESSMENTS} ORDER BY client_id, instrument_id, taken_on;
      CREATE TRIGGER assessments_order_insert AFTER INSERT ON assessments BEGIN ${addOrder} END;
      CREATE TRIGGER assessments_order_delete AFTER DELETE ON assessments BEGIN ${removeOrder} END;
      CREATE TRIGGER assessments_order_update AFTER UPDATE OF client_id, instrument_id, taken_on, kind, created_at, score_line ON assessments BEGIN
        ${removeOrder}
        ${addOrder}
      END;

      ALTER TABLE status_events ADD COLUMN until_on TEXT;
      CREATE TEMP TABLE next_event AS ${UNTIL_FROM_EVENTS};
      UPDATE status_events SET until_on = n.until_on FROM temp.next_event n WHERE n.id = status_events.id AND n.until_on IS NOT NULL;
      DROP TABLE temp.next_event;
      -- Goals only (the report reads their status this way): any other subject's query keeps its
      -- per-subject or per-person index, never a walk along a range of days.
      CREATE INDEX status_events_goal_until ON status_events (effective_on, until_on, status, client_id) WHERE subject = 'goal';
      CREATE TRIGGER status_events_until_insert AFTER INSERT ON status_events BEGIN
        UPDATE status_events SET until_on = (SELECT min(n.effective_on) FROM status_events n WHERE ${sameSubject} AND ${after}) WHERE id = NEW.id;
        UPDATE status_events SET until_on = NEW.effective_on
          WHERE id = (SELECT n.id FROM status_events n WHERE ${sameSubject} AND ${before} ORDER BY n.effective_on DESC, n.id DESC LIMIT 1);
      END;

      CREATE INDEX goals_client_opened ON goals (client_id, opened_on);
    `);
  },
};

export default migration;
