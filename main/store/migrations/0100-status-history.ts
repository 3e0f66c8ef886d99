// Main process (plain Node). Never imports electron.
// Dated status history, so a report for a closed period reads every status as it stood on the
// period's last day, and re-running it after any later change gives the same figures.
// - status_events: one row each time a goal, referral, legal milestone or case takes a status, with
//   the agency's calendar day it took effect (effective_on) and entry order (id). Append-only: the
//   store's triggers write it beside every insert and status change of those tables, whoever writes
//   them (screens, import, demo data), so no writer can forget it. Before its first event a goal is
//   open (from opened_on), a referral is sent (from sent_on) and a case is open (from its intake date).
// - goals.opened_on: the day a goal started, on this computer's calendar (the earlier of the day it
//   was entered and any status dated before that).
// - assessments are ordered by day, then kind (intake, follow-up, exit), then entry order: the
//   per-person index carries the kind so that order is read from the index alone.
// - referrals are indexed by the day they were sent, for the report's period.
// Existing rows get the history their columns still show (see backfill below).
import type { Migration } from '.';

/** The day a milestone's status took effect: its own date for that status, else the day it was written. */
const milestoneDay = (row: 'NEW', fallback: string) =>
  `coalesce(CASE ${row}.status WHEN 'requested' THEN ${row}.requested_on WHEN 'expired' THEN ${row}.expires_on ELSE ${row}.decided_on END, ${fallback})`;

const migration: Migration = {
  version: 100,
  name: 'status-history',
  up(db) {
    db.exec(`
      CREATE TABLE status_events (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        subject TEXT NOT NULL CHECK (subject IN ('case', 'goal', 'referral', 'milestone')),
        subject_id TEXT NOT NULL,
        status TEXT NOT NULL,
        effective_on TEXT NOT NULL CHECK (effective_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      -- One subject's history in order (the report's "status on the last day"), and one person's.
      CREATE INDEX status_events_subject ON status_events (subject, subject_id, effective_on, id, status, client_id);
      CREATE INDEX status_events_client ON status_events (client_id, subject, subject_id, effective_on, id, status);

      ALTER TABLE goals ADD COLUMN opened_on TEXT;
      CREATE INDEX goals_opened_on ON goals (opened_on);
      CREATE INDEX referrals_sent_on ON referrals (sent_on, client_id, id);

      DROP INDEX assessments_client;
      CREATE INDEX assessments_client ON assessments (client_id, instrument_id, taken_on, kind, created_at, id, score_line);
    `);

    // Backfill, oldest entry first: what each row's columns still say about its past.
    db.exec(`
      UPDATE goals SET opened_on = min(date(created_at, 'localtime'), coalesce(CASE WHEN status <> 'open' THEN status_on END, '9999-12-31'));
      INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
        SELECT client_id, 'goal', id, status, coalesce(status_on, opened_on) FROM goals WHERE status <> 'open' ORDER BY rowid;

      -- A referral accepted and later declined or completed still shows the day it was accepted.
      INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
        SELECT client_id, 'referral', id, status, effective_on FROM (
          SELECT client_id, id, 'accepted' AS status, accepted_on AS effective_on, rowid AS r, 0 AS o FROM referrals
            WHERE accepted_on IS NOT NULL AND NOT (status IN ('accepted', 'completed') AND coalesce(status_on, sent_on) = accepted_on)
          UNION ALL
          SELECT client_id, id, status, coalesce(status_on, sent_on), rowid, 1 FROM referrals WHERE status <> 'sent'
        ) ORDER BY r, o;

      INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
        SELECT client_id, 'milestone', id, status, effective_on FROM (
          SELECT client_id, id, 'requested' AS status, requested_on AS effective_on, rowid AS r, 0 AS o FROM milestones
            WHERE requested_on IS NOT NULL AND status <> 'requested'
          UNION ALL
          SELECT client_id, id, status, coalesce(CASE status WHEN 'requested' THEN requested_on WHEN 'expired' THEN expires_on ELSE decided_on END, date(created_at, 'localtime')), rowid, 1 FROM milestones
          UNION ALL
          -- An expired grant was granted first.
          SELECT client_id, id, 'granted', decided_on, rowid, 0 FROM milestones WHERE status = 'expired' AND decided_on IS NOT NULL
        ) ORDER BY r, o;

      INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
        SELECT client_id, 'case', client_id, status, effective_on FROM (
          SELECT client_id, 'closed' AS status, closed_on AS effective_on, id AS r, 0 AS o FROM case_closures
          UNION ALL
          SELECT client_id, 'open', reopened_on, id, 1 FROM case_closures WHERE reopened_on IS NOT NULL
        ) ORDER BY r, o;
    `);

    // From now on, every writer's inserts and status changes append their event here.
    db.exec(`
      CREATE TRIGGER goals_history_insert AFTER INSERT ON goals BEGIN
        UPDATE goals SET opened_on = min(date(NEW.created_at, 'localtime'), coalesce(CASE WHEN NEW.status <> 'open' THEN NEW.status_on END, '9999-12-31')) WHERE id = NEW.id;
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          SELECT NEW.client_id, 'goal', NEW.id, NEW.status, coalesce(NEW.status_on, date(NEW.created_at, 'localtime')) WHERE NEW.status <> 'open';
      END;
      CREATE TRIGGER goals_history_update AFTER UPDATE OF status, status_on ON goals
        WHEN NEW.status IS NOT OLD.status OR NEW.status_on IS NOT OLD.status_on BEGIN
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          VALUES (NEW.client_id, 'goal', NEW.id, NEW.status, coalesce(NEW.status_on, date('now', 'localtime')));
        UPDATE goals SET opened_on = min(opened_on, coalesce(NEW.status_on, opened_on)) WHERE id = NEW.id;
      END;

      CREATE TRIGGER referrals_history_insert AFTER INSERT ON referrals WHEN NEW.status <> 'sent' BEGIN
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          SELECT NEW.client_id, 'referral', NEW.id, 'accepted', NEW.accepted_on
          WHERE NEW.accepted_on IS NOT NULL AND NOT (NEW.status IN ('accepted', 'completed') AND coalesce(NEW.status_on, NEW.sent_on) = NEW.accepted_on);
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          VALUES (NEW.client_id, 'referral', NEW.id, NEW.status, coalesce(NEW.status_on, NEW.sent_on));
      END;
      CREATE TRIGGER referrals_history_update AFTER UPDATE OF status, status_on ON referrals
        WHEN NEW.status IS NOT OLD.status OR NEW.status_on IS NOT OLD.status_on BEGIN
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          VALUES (NEW.client_id, 'referral', NEW.id, NEW.status, coalesce(NEW.status_on, date('now', 'localtime')));
      END;

      CREATE TRIGGER milestones_history_insert AFTER INSERT ON milestones BEGIN
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          SELECT NEW.client_id, 'milestone', NEW.id, 'requested', NEW.requested_on WHERE NEW.requested_on IS NOT NULL AND NEW.status <> 'requested';
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          SELECT NEW.client_id, 'milestone', NEW.id, 'granted', NEW.decided_on WHERE NEW.status = 'expired' AND NEW.decided_on IS NOT NULL;
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          VALUES (NEW.client_id, 'milestone', NEW.id, NEW.status, ${milestoneDay('NEW', "date(NEW.created_at, 'localtime')")});
      END;
      CREATE TRIGGER milestones_history_update AFTER UPDATE OF status, requested_on, decided_on, expires_on ON milestones
        WHEN NEW.status IS NOT OLD.status
          OR ${milestoneDay('NEW', "''")} IS NOT coalesce(CASE NEW.status WHEN 'requested' THEN OLD.requested_on WHEN 'expired' THEN OLD.expires_on ELSE OLD.decided_on END, '') BEGIN
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on)
          VALUES (NEW.client_id, 'milestone', NEW.id, NEW.status, ${milestoneDay('NEW', "date('now', 'localtime')")});
      END;

      CREATE TRIGGER case_closures_history_insert AFTER INSERT ON case_closures BEGIN
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on) VALUES (NEW.client_id, 'case', NEW.client_id, 'closed', NEW.closed_on);
      END;
      CREATE TRIGGER case_closures_history_reopen AFTER UPDATE OF reopened_on ON case_closures
        WHEN NEW.reopened_on IS NOT NULL AND NEW.reopened_on IS NOT OLD.reopened_on BEGIN
        INSERT INTO status_events (client_id, subject, subject_id, status, effective_on) VALUES (NEW.client_id, 'case', NEW.client_id, 'open', NEW.reopened_on);
      END;
    `);
  },
};

export default migration;
