// Main process (plain Node). Never imports electron.
// Service planning: goals and steps, services delivered, partners and referrals, legal and
// immigration milestones, case notes, versioned safety plans, and case closures.
import type { Migration } from '.';

const migration: Migration = {
  version: 40,
  name: 'planning',
  up(db) {
    db.exec(`
      CREATE TABLE goals (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        title TEXT NOT NULL,
        target_date TEXT,
        responsible_id TEXT REFERENCES users (id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'partly', 'not_achieved', 'withdrawn')),
        status_on TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX goals_client ON goals (client_id);
      CREATE INDEX goals_open_target ON goals (target_date) WHERE status = 'open';

      CREATE TABLE goal_steps (
        id TEXT PRIMARY KEY,
        goal_id TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        due_date TEXT,
        done_on TEXT,
        position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX goal_steps_goal ON goal_steps (goal_id, position);
      CREATE INDEX goal_steps_open_due ON goal_steps (due_date) WHERE done_on IS NULL;

      CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        services TEXT NOT NULL CHECK (json_valid(services)),
        contact TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        category TEXT NOT NULL,
        provider TEXT NOT NULL CHECK (provider IN ('in_house', 'partner')),
        partner_id TEXT REFERENCES partners (id),
        minutes INTEGER,
        amount_cents INTEGER,
        goal_id TEXT REFERENCES goals (id) ON DELETE SET NULL,
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX services_client ON services (client_id, date);
      -- Covering index for the report: a period's services by category and person, from the index alone.
      CREATE INDEX services_date ON services (date, category, client_id);

      CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        partner_id TEXT NOT NULL REFERENCES partners (id),
        service TEXT NOT NULL,
        sent_on TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'completed', 'no_response')),
        status_on TEXT,
        accepted_on TEXT,
        shares_identity INTEGER NOT NULL CHECK (shares_identity IN (0, 1)),
        consent_id TEXT REFERENCES consents (id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX referrals_client ON referrals (client_id);
      CREATE INDEX referrals_waiting ON referrals (sent_on) WHERE status = 'sent';

      CREATE TABLE milestones (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('requested', 'granted', 'denied', 'expired')),
        requested_on TEXT,
        decided_on TEXT,
        expires_on TEXT,
        due_on TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX milestones_client ON milestones (client_id);
      CREATE INDEX milestones_due ON milestones (due_on) WHERE due_on IS NOT NULL;

      CREATE TABLE case_notes (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
        author_id TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        edited_at TEXT
      ) STRICT;
      CREATE INDEX case_notes_client ON case_notes (client_id, date);

      CREATE TABLE safety_plans (
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version > 0),
        data TEXT NOT NULL CHECK (json_valid(data)),
        saved_at TEXT NOT NULL,
        saved_by TEXT REFERENCES users (id),
        PRIMARY KEY (client_id, version)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE case_closures (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        closed_on TEXT NOT NULL,
        reason TEXT NOT NULL,
        destination TEXT NOT NULL,
        reopened_on TEXT,
        closed_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX case_closures_client ON case_closures (client_id, id);
      CREATE INDEX case_closures_closed_on ON case_closures (closed_on);
    `);
  },
};

export default migration;
