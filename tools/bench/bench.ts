// Development tooling (plain Node): `npm run bench` prints one JSON object a line:
// {"name": ..., "value": ..., "unit": ...}. Ratios are measured side by side in one run, on the same
// rows, so they compare like with like on whatever machine runs them. Synthetic data only.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { calibrateKdf } from '../../main/keys/kdf';
import { newKeyring, withPassphraseSlot, writeKeyring } from '../../main/keys/keyring';
import { newRecoveryKey } from '../../main/keys/recovery';
import { closeSession, newUserId, unlockWithPassphrase } from '../../main/core/installation';
import { dataPaths } from '../../main/core/paths';
import { STORE_CIPHER } from '../../main/store/cipher';
import { closeStore, openStore } from '../../main/store/open';
import { benchCaseload } from './caseload';
import { benchImport } from './import';
import { benchAuditVerify, benchSignInTiming } from './security';
import { benchSyncTransport } from './sync-transport';
import { benchSync, benchTeamCreateSeeded } from './sync';
import { benchDocuments } from './documents';

const ROWS = Number(process.env.SAFEHOLD_BENCH_ROWS ?? 100_000);

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ name, value: Number(value.toFixed(3)), unit })}\n`);
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A small deterministic generator, so every run inserts the same rows. */
function rows(count: number): Array<[string, string, string, number]> {
  let seed = 20261129;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const words = ['harbor', 'maple', 'river', 'lantern', 'orchard', 'meadow', 'copper', 'willow', 'stone', 'ember'];
  return Array.from({ length: count }, (_, i) => [
    `SH-2026-${String(i).padStart(6, '0')}`,
    `${words[next() % 10]} ${words[next() % 10]}`,
    `${words[next() % 10]} ${words[next() % 10]} ${words[next() % 10]} `.repeat(8),
    next() % 4,
  ]);
}

const SCHEMA = `
  CREATE TABLE cases (id INTEGER PRIMARY KEY, case_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, notes TEXT NOT NULL, risk INTEGER NOT NULL) STRICT;
  CREATE INDEX cases_risk ON cases (risk, case_number);
`;

interface Figures {
  insertMs: number;
  queryMs: number;
}

function workload(db: Database.Database, data: ReturnType<typeof rows>): Figures {
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO cases (case_number, name, notes, risk) VALUES (?, ?, ?, ?)');
  const insertMs = time(() => {
    for (let i = 0; i < data.length; i += 1000) db.transaction(() => data.slice(i, i + 1000).forEach((r) => insert.run(...r)))();
  });
  const byNumber = db.prepare('SELECT * FROM cases WHERE case_number = ?');
  const byRisk = db.prepare('SELECT case_number, name FROM cases WHERE risk = ? ORDER BY case_number LIMIT 50');
  const scan = db.prepare("SELECT count(*) FROM cases WHERE notes LIKE '%ember willow%'");
  const queryMs = time(() => {
    for (let i = 0; i < 10_000; i += 1) byNumber.get(data[(i * 7919) % data.length]![0]);
    for (let i = 0; i < 1000; i += 1) byRisk.all(i % 4);
    for (let i = 0; i < 5; i += 1) scan.get();
  });
  return { insertMs, queryMs };
}

function plainDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  return db;
}

async function main(): Promise<void> {
  // SAFEHOLD_BENCH_ONLY=audit: only the access-log verification, quick and exact side by side.
  if (process.env.SAFEHOLD_BENCH_ONLY === 'audit') {
    benchAuditVerify(Number(process.env.SAFEHOLD_BENCH_AUDIT ?? 1_000_000), emit, { exact: true });
    return;
  }
  // SAFEHOLD_BENCH_ONLY=join: only the team join (sync_join_10k_ms and the transport figures);
  // =team: only team creation on SAFEHOLD_BENCH_CLIENTS seeded cases; =sync: only the document-side sync figures.
  if (process.env.SAFEHOLD_BENCH_ONLY === 'join') {
    await benchSyncTransport(Number(process.env.SAFEHOLD_BENCH_TEAM_CLIENTS ?? 10_000), 20, Number(process.env.SAFEHOLD_BENCH_TEAM_EDITS ?? 1_000), emit);
    return;
  }
  if (process.env.SAFEHOLD_BENCH_ONLY === 'team') {
    await benchTeamCreateSeeded(Number(process.env.SAFEHOLD_BENCH_CLIENTS ?? 100_000), emit);
    return;
  }
  if (process.env.SAFEHOLD_BENCH_ONLY === 'sync') {
    await benchSync(Number(process.env.SAFEHOLD_BENCH_SYNC_CLIENTS ?? 2_000), Number(process.env.SAFEHOLD_BENCH_SYNC_EDITS ?? 1_000), emit);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-'));
  try {
    const data = rows(ROWS);
    // Plain and encrypted, with the same pragmas and rows, alternated to even out the machine's drift.
    const plain: Figures[] = [];
    const encrypted: Figures[] = [];
    for (let round = 0; round < 2; round += 1) {
      const p = plainDb(join(dir, `plain-${round}.db`));
      plain.push(workload(p, data));
      p.close();
      const e = openStore({ path: join(dir, `enc-${round}.db`), key: randomBytes(32), create: true });
      encrypted.push(workload(e, data));
      closeStore(e);
    }
    const best = (list: Figures[], key: keyof Figures) => Math.min(...list.map((f) => f[key]));
    emit('insert_plain_ms', best(plain, 'insertMs'), 'ms');
    emit(`insert_${STORE_CIPHER}_ms`, best(encrypted, 'insertMs'), 'ms');
    emit('insert_encrypted_plain_ratio', best(encrypted, 'insertMs') / best(plain, 'insertMs'), 'ratio');
    emit('query_plain_ms', best(plain, 'queryMs'), 'ms');
    emit(`query_${STORE_CIPHER}_ms`, best(encrypted, 'queryMs'), 'ms');
    emit('query_encrypted_plain_ratio', best(encrypted, 'queryMs') / best(plain, 'queryMs'), 'ratio');
    emit('bench_rows', ROWS, 'rows');

    // open_ms: open + key + first read + pragma checks + migration check, with a raw key.
    const key = randomBytes(32);
    const storePath = join(dir, 'open.db');
    closeStore(openStore({ path: storePath, key: Buffer.from(key), create: true }));
    const opens = Array.from({ length: 15 }, () => time(() => closeStore(openStore({ path: storePath, key: Buffer.from(key) }))));
    emit('open_ms', median(opens), 'ms');

    // unlock_ms: Argon2id at this machine's calibrated cost + AES-GCM unwrap + open, as a person signs in.
    const installDir = join(dir, 'install');
    const paths = dataPaths(installDir);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(installDir);
    const cost = await calibrateKdf();
    emit('kdf_memory_kib', cost.memoryKiB, 'KiB');
    emit('kdf_iterations', cost.iterations, 'passes');
    const dataKey = randomBytes(32);
    const userId = newUserId();
    const db = openStore({ path: paths.store, key: Buffer.from(dataKey), create: true });
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, 'Bench Admin', 'bench admin', 'admin', '2026-01-01T00:00:00Z')").run(userId);
    closeStore(db);
    const keyring = await withPassphraseSlot(newKeyring(dataKey, newRecoveryKey()), {
      userId,
      name: 'Bench Admin',
      passphrase: 'bench passphrase words',
      dataKey,
      cost,
    });
    writeKeyring(paths.keyring, keyring);
    const unlocks: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      const session = await unlockWithPassphrase(paths, 'Bench Admin', 'bench passphrase words');
      unlocks.push(performance.now() - start);
      if (!session) throw new Error('bench unlock failed');
      closeSession(session);
    }
    emit('unlock_ms', median(unlocks), 'ms');

    await benchSignInTiming(emit);
    benchAuditVerify(Number(process.env.SAFEHOLD_BENCH_AUDIT ?? 1_000_000), emit);
    await benchCaseload(Number(process.env.SAFEHOLD_BENCH_CLIENTS ?? 100_000), emit);
    await benchImport(Number(process.env.SAFEHOLD_BENCH_IMPORT_ROWS ?? 50_000), emit);
    await benchSyncTransport(Number(process.env.SAFEHOLD_BENCH_TEAM_CLIENTS ?? 10_000), 20, Number(process.env.SAFEHOLD_BENCH_TEAM_EDITS ?? 1_000), emit);
    await benchSync(Number(process.env.SAFEHOLD_BENCH_SYNC_CLIENTS ?? 2_000), Number(process.env.SAFEHOLD_BENCH_SYNC_EDITS ?? 1_000), emit);
    await benchDocuments(Number(process.env.SAFEHOLD_BENCH_DOCUMENT_MB ?? 25), emit);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
