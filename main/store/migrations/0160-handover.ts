// Main process (plain Node). Never imports electron.
// Handover and tasks (issue 16 §3): an optional secondary worker per case, a dated assignment history
// (from whom, to whom, when, by whom; synced with the case), what each person has already read of a
// handover or of others' changes to their cases (kept on this laptop), and tasks with a due date.
// Existing assignments get a first history row, dated when the case was opened, by its creator.
import type { Migration } from '.';

const migration: Migration = {
  version: 160,
  name: 'handover',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN secondary_worker_id TEXT REFERENCES users (id);
      CREATE INDEX clients_secondary ON clients (secondary_worker_id, status) WHERE secondary_worker_id IS NOT NULL;

      CREATE TABLE case_assignments (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        position TEXT NOT NULL CHECK (position IN ('primary', 'secondary')),
        from_user TEXT REFERENCES users (id),
        to_user TEXT REFERENCES users (id),
        at TEXT NOT NULL,
        by_user TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX case_assignments_client ON case_assignments (client_id, at);

      CREATE TABLE handover_seen (
        user_id TEXT NOT NULL REFERENCES users (id),
        assignment_id TEXT NOT NULL REFERENCES case_assignments (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        PRIMARY KEY (user_id, assignment_id)
      ) STRICT;

      CREATE TABLE case_change_notices (
        user_id TEXT NOT NULL REFERENCES users (id),
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        last_by TEXT REFERENCES users (id),
        changes INTEGER NOT NULL,
        PRIMARY KEY (user_id, client_id)
      ) STRICT;

      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        assignee_id TEXT NOT NULL REFERENCES users (id),
        client_id TEXT REFERENCES clients (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        due_on TEXT NOT NULL,
        done_on TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tasks_open_assignee ON tasks (assignee_id, due_on) WHERE done_on IS NULL;
      CREATE INDEX tasks_open_due ON tasks (due_on) WHERE done_on IS NULL;

      -- The supervisor dashboard counts from date indexes that also hold the case, so no count
      -- reads a table row (issue 16 §4, dashboard_ms in npm run bench).
      CREATE INDEX goals_open_target_client ON goals (target_date, client_id) WHERE status = 'open';
      CREATE INDEX goal_steps_open_due_goal ON goal_steps (due_date, goal_id) WHERE done_on IS NULL;
      CREATE INDEX goals_id_status_client ON goals (id, status, client_id);
      CREATE INDEX milestones_due_client ON milestones (due_on, status, client_id) WHERE due_on IS NOT NULL;
      CREATE INDEX referrals_waiting_client ON referrals (sent_on, client_id) WHERE status = 'sent';
      CREATE INDEX consents_open_expiry_client ON consents (expiry_date, client_id) WHERE revoked_on IS NULL;
      CREATE INDEX case_notes_date_client ON case_notes (date, client_id);
      CREATE INDEX services_date_client ON services (date, client_id);
      CREATE INDEX clients_status_id ON clients (status, id);
    `);
    // The contact log and appointments (migration 0150) read by date: "no contact in N days", "this week".
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'contact_attempts'").get()) {
      db.exec('CREATE INDEX contact_attempts_date_client ON contact_attempts (date, client_id)');
      db.exec('CREATE INDEX appointments_date_client ON appointments (date, client_id, status)');
    }
    db.exec(`
      INSERT INTO case_assignments (id, client_id, position, from_user, to_user, at, by_user)
      SELECT lower(hex(randomblob(16))), id, 'primary', NULL, assigned_worker_id, created_at, created_by
      FROM clients WHERE assigned_worker_id IS NOT NULL
    `);
  },
};

export default migration;
