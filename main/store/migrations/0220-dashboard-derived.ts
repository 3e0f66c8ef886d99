// Main process (plain Node). Never imports electron.
// The supervisor dashboard at 100,000 clients (issue 16 §4, dashboard_ms in npm run bench): two counts
// joined or merged large sets on every visit. Each now reads one index over columns derived from
// other rows, kept by triggers so every writer keeps them (handlers, import, the demo generator, and
// team sync's projection, which writes rows from documents with plain SQL). Both columns are
// derived, never synced (main/sync/engine/tables.ts): each laptop keeps its own.
//  - goal_steps.client_id and goal_steps.goal_open: the step's case and whether its goal is open, so
//    "overdue steps" is a range of one partial index instead of a join to goals per step.
//  - clients.last_contact_on: the latest date of a contact-log entry, service or case note, so
//    "no contact in N days" is a range of one index instead of merging every recent row's case.
import type { Migration } from '.';

const CONTACT_TABLES = ['services', 'contact_attempts', 'case_notes'] as const;

/** The case's latest contact date, from all three tables (NULL when there is none). */
function latestContact(client: string): string {
  return `(SELECT max(d) FROM (${CONTACT_TABLES.map((t) => `SELECT max(date) AS d FROM ${t} WHERE client_id = ${client}`).join(' UNION ALL ')}))`;
}

function contactTriggers(t: (typeof CONTACT_TABLES)[number]): string {
  const recompute = (row: 'OLD' | 'NEW') => `UPDATE clients SET last_contact_on = ${latestContact(`${row}.client_id`)} WHERE id = ${row}.client_id;`;
  return `
    CREATE TRIGGER ${t}_last_contact_insert AFTER INSERT ON ${t} BEGIN
      UPDATE clients SET last_contact_on = NEW.date
        WHERE id = NEW.client_id AND (last_contact_on IS NULL OR last_contact_on < NEW.date);
    END;
    CREATE TRIGGER ${t}_last_contact_update AFTER UPDATE OF date, client_id ON ${t}
      WHEN NEW.date IS NOT OLD.date OR NEW.client_id IS NOT OLD.client_id BEGIN
      ${recompute('OLD')}
      ${recompute('NEW')}
    END;
    CREATE TRIGGER ${t}_last_contact_delete AFTER DELETE ON ${t} BEGIN
      ${recompute('OLD')}
    END;`;
}

const STEP_FROM_GOAL = `(SELECT g.client_id, g.status = 'open' FROM goals g WHERE g.id = NEW.goal_id)`;

const migration: Migration = {
  version: 220,
  name: 'dashboard-derived',
  up(db) {
    db.exec(`
      ALTER TABLE goal_steps ADD COLUMN client_id TEXT;
      ALTER TABLE goal_steps ADD COLUMN goal_open INTEGER;
      UPDATE goal_steps SET (client_id, goal_open) = (SELECT g.client_id, g.status = 'open' FROM goals g WHERE g.id = goal_steps.goal_id);
      CREATE INDEX goal_steps_overdue ON goal_steps (due_date, client_id) WHERE done_on IS NULL AND goal_open = 1;

      CREATE TRIGGER goal_steps_derive_insert AFTER INSERT ON goal_steps BEGIN
        UPDATE goal_steps SET (client_id, goal_open) = ${STEP_FROM_GOAL} WHERE id = NEW.id;
      END;
      CREATE TRIGGER goal_steps_derive_move AFTER UPDATE OF goal_id ON goal_steps WHEN NEW.goal_id IS NOT OLD.goal_id BEGIN
        UPDATE goal_steps SET (client_id, goal_open) = ${STEP_FROM_GOAL} WHERE id = NEW.id;
      END;
      CREATE TRIGGER goals_derive_steps AFTER UPDATE OF status, client_id ON goals
        WHEN NEW.status IS NOT OLD.status OR NEW.client_id IS NOT OLD.client_id BEGIN
        UPDATE goal_steps SET client_id = NEW.client_id, goal_open = NEW.status = 'open' WHERE goal_id = NEW.id;
      END;

      ALTER TABLE clients ADD COLUMN last_contact_on TEXT;
      CREATE TEMP TABLE latest_contact AS
        SELECT client_id, max(d) AS d FROM (${CONTACT_TABLES.map((t) => `SELECT client_id, max(date) AS d FROM ${t} GROUP BY client_id`).join(' UNION ALL ')})
        GROUP BY client_id;
      UPDATE clients SET last_contact_on = l.d FROM temp.latest_contact l WHERE l.client_id = clients.id;
      DROP TABLE temp.latest_contact;
      CREATE INDEX clients_status_contact ON clients (status, last_contact_on);
      ${CONTACT_TABLES.map(contactTriggers).join('\n')}
    `);
  },
};

export default migration;
