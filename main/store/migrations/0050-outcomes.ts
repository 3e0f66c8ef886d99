// Main process (plain Node). Never imports electron.
// Outcome assessments: instruments of domains scored 1-5 with anchored levels (the default one is
// seeded here), assessments taken over time, the report settings and the installation's report
// signing key (Ed25519; the private half stays inside the encrypted store).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { defaultInstrument } from '../../../shared/outcomes/default-instrument';
import type { Migration } from '.';

const migration: Migration = {
  version: 50,
  name: 'outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE instruments (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (json_valid(name)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE instrument_domains (
        id TEXT PRIMARY KEY,
        instrument_id TEXT NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        position INTEGER NOT NULL,
        label TEXT NOT NULL CHECK (json_valid(label)),
        levels TEXT NOT NULL CHECK (json_valid(levels)),
        UNIQUE (instrument_id, code)
      ) STRICT;

      CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        instrument_id TEXT NOT NULL REFERENCES instruments (id),
        taken_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('intake', 'follow_up', 'exit')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      -- Covering index: each person's first and latest assessment per instrument, read in order.
      CREATE INDEX assessments_client ON assessments (client_id, instrument_id, taken_on, created_at, id);
      CREATE INDEX assessments_taken_on ON assessments (taken_on);

      CREATE TABLE assessment_scores (
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        domain_id TEXT NOT NULL REFERENCES instrument_domains (id),
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        PRIMARY KEY (assessment_id, domain_id)
      ) STRICT, WITHOUT ROWID;
    `);
    const now = new Date().toISOString();
    const instrumentId = randomBytes(16).toString('hex');
    db.prepare('INSERT INTO instruments (id, code, name, created_at) VALUES (?, ?, ?, ?)').run(
      instrumentId,
      defaultInstrument.code,
      JSON.stringify(defaultInstrument.name),
      now,
    );
    const insertDomain = db.prepare('INSERT INTO instrument_domains (id, instrument_id, code, position, label, levels) VALUES (?, ?, ?, ?, ?, ?)');
    defaultInstrument.domains.forEach((d, position) =>
      insertDomain.run(randomBytes(16).toString('hex'), instrumentId, d.code, position, JSON.stringify(d.label), JSON.stringify(d.levels)),
    );
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const setting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    setting.run('report_signing_private', privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    setting.run('report_signing_public', publicKey.export({ format: 'pem', type: 'spki' }).toString());
    setting.run('suppression_threshold', '10');
    setting.run('assessment_interval_days', '90');
  },
};

export default migration;
