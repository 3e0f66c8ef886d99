// Main process (plain Node). Never imports electron.
// A caseworker's week (issue 16): appointments with attendance, one row per contact attempt,
// anonymous outreach contacts for the funder's outreach figures, the reasons given for calendar
// exports, the name words that let a short search word match the start of any name word, and the
// case number without dashes in the search terms.
import type { Migration } from '.';
import { nameWords } from '../repos/name-words';

const migration: Migration = {
  version: 150,
  name: 'week',
  up(db) {
    db.exec(`
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        time TEXT,
        minutes INTEGER,
        place TEXT,
        staff_id TEXT NOT NULL REFERENCES users (id),
        interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
        kind TEXT NOT NULL,
        purpose TEXT,
        goal_id TEXT REFERENCES goals (id) ON DELETE SET NULL,
        milestone_id TEXT REFERENCES milestones (id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'attended', 'no_show', 'cancelled', 'rescheduled')),
        service_id TEXT REFERENCES services (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX appointments_client ON appointments (client_id, date);
      CREATE INDEX appointments_staff ON appointments (staff_id, date);
      CREATE INDEX appointments_booked ON appointments (date) WHERE status = 'booked';

      CREATE TABLE contact_attempts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        method TEXT NOT NULL,
        outcome TEXT NOT NULL,
        minutes INTEGER,
        note TEXT,
        /** 1 when the method was not marked safe in the case's contact flags at the time (the warning shown). */
        unsafe INTEGER NOT NULL DEFAULT 0 CHECK (unsafe IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX contact_attempts_client ON contact_attempts (client_id, date);

      -- Outreach with no case: counts only, never a name.
      CREATE TABLE outreach_contacts (
        id TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        place TEXT,
        minutes INTEGER,
        people INTEGER NOT NULL CHECK (people > 0),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX outreach_contacts_date ON outreach_contacts (date);

      CREATE TABLE calendar_exports (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        at TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;

      -- Each word of each folded name (derived, never synced): "pe" finds "Ana Pérez".
      CREATE TABLE client_name_words (
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        client_rowid INTEGER NOT NULL,
        word TEXT NOT NULL
      ) STRICT;
      CREATE INDEX client_name_words_word ON client_name_words (word, client_rowid);
      CREATE INDEX client_name_words_client ON client_name_words (client_id);
    `);
    // Search terms gain the case number without dashes, as setClientNames now writes them ("SH20260001").
    db.exec(`UPDATE client_search SET terms = terms || ' | ' || (SELECT replace(lower(c.case_number), '-', '') FROM clients c WHERE c.rowid = client_search.rowid)
      WHERE rowid IN (SELECT rowid FROM clients)`);
    // Read whole first: better-sqlite3 allows no write while a read is being iterated.
    const names = db.prepare('SELECT client_id, client_rowid, folded FROM client_names ORDER BY client_id').all() as { client_id: string; client_rowid: number; folded: string }[];
    const insert = db.prepare('INSERT INTO client_name_words (client_id, client_rowid, word) VALUES (?, ?, ?)');
    for (let i = 0; i < names.length; ) {
      const first = names[i]!;
      const words = new Set<string>();
      for (; i < names.length && names[i]!.client_id === first.client_id; i += 1) for (const w of nameWords(names[i]!.folded)) words.add(w);
      for (const w of words) insert.run(first.client_id, first.client_rowid, w);
    }
  },
};

export default migration;
