// Development tooling: team sync, transport side (main/sync/team), on real encrypted stores and a
// real shared folder. Synthetic data only.
// - sync_join_10k_ms: a fresh laptop joins from an invitation holding the snapshot of 10,000 cases
//   with 20 services each (opening the invitation, a new store, loading every document, the first
//   round with the folder). Goal: under 15,000 ms.
// - sync_bytes_per_change: 1,000 interactive edits on random cases, sent in one round: bytes the
//   round added to the shared folder per change (compressed, encrypted twice, signed, padded).
//   Goal: under 100.
// - sync_receive_1000_ms: the other laptop's round that reads, verifies, decrypts and applies them.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeSession, createInstallation, newUserId, openSession, unlockWithPassphrase } from '../../main/core/installation';
import { dataPaths } from '../../main/core/paths';
import { FLOOR_COST } from '../../main/keys/kdf';
import { newRecoveryKey } from '../../main/keys/recovery';
import { nameKey } from '../../main/keys/names';
import { flushLocalWrites } from '../../main/sync/engine';
import { createInvitation, createTeam } from '../../main/sync/team/enrol';
import { joinTeam } from '../../main/sync/team/join';
import { syncRound } from '../../main/sync/team/round';
import type { Emit } from './caseload';

const PASS = 'bench passphrase words';
const SUPERVISOR = 'Bench Supervisor';

function folderBytes(dir: string): number {
  let total = 0;
  for (const laptop of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, laptop))) if (f.endsWith('.shb')) total += statSync(join(dir, laptop, f)).size;
  }
  return total;
}

export async function benchSyncTransport(clients: number, servicesPer: number, edits: number, emit: Emit): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'safehold-bench-team-'));
  const folder = join(root, 'shared');
  mkdirSync(folder);
  try {
    const aPaths = dataPaths(join(root, 'a'));
    mkdirSync(aPaths.dir);
    const now = new Date();
    const { userId } = await createInstallation({ paths: aPaths, agencyName: 'Bench Agency', adminName: 'Bench Admin', passphrase: PASS, recoveryKey: newRecoveryKey(), cost: FLOOR_COST, now });
    const a = (await unlockWithPassphrase(aPaths, 'Bench Admin', PASS))!;
    const db = a.db;
    const at = now.toISOString();
    db.transaction(() => {
      db.prepare('INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, ?, ?, ?, ?)').run(newUserId(), SUPERVISOR, nameKey(SUPERVISOR), 'supervisor', at);
      const client = db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES (?, ?, 'Synthetic Person', ?, ?, ?)");
      const service = db.prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, created_at, created_by) VALUES (?, ?, '2026-10-01', 'case_management', 'in_house', 30, ?, ?)");
      for (let i = 0; i < clients; i += 1) {
        const id = randomBytes(16).toString('hex');
        client.run(id, `SH-2026-${String(i + 1).padStart(5, '0')}`, userId, at, at);
        for (let s = 0; s < servicesPer; s += 1) service.run(randomBytes(16).toString('hex'), id, at, userId);
      }
    })();
    db.transaction(() => createTeam(db, { folder, userId, now }))();
    const supervisorId = db.prepare('SELECT id FROM users WHERE name_key = ?').pluck().get(nameKey(SUPERVISOR)) as string;
    const invitation = await createInvitation(db, { userId: supervisorId, now });
    const invitationFile = join(root, 'invitation.shi');
    writeFileSync(invitationFile, invitation.file);
    syncRound(db, now);

    const bPaths = dataPaths(join(root, 'b'));
    mkdirSync(bPaths.dir);
    let start = performance.now();
    const joined = await joinTeam({ paths: bPaths, invitationFile, code: invitation.code, folder, name: SUPERVISOR, passphrase: PASS, recoveryKey: newRecoveryKey(), cost: FLOOR_COST, now });
    const b = openSession(bPaths, joined.dataKey, joined.userId)!;
    syncRound(b.db, now);
    // Always under the name; a reduced size (SAFEHOLD_BENCH_TEAM_CLIENTS) says so in the unit.
    emit('sync_join_10k_ms', performance.now() - start, clients === 10_000 ? 'ms' : `ms (${clients} cases, not 10,000)`);
    emit('sync_invitation_bytes', invitation.file.length, 'bytes');
    const count = (d: typeof db) => d.prepare('SELECT (SELECT count(*) FROM clients) || \'/\' || (SELECT count(*) FROM services)').pluck().get();
    if (count(b.db) !== count(db)) throw new Error(`joined laptop holds ${String(count(b.db))} cases/services, not ${String(count(db))}`);
    syncRound(db, now);
    syncRound(b.db, now);

    // Interactive edits on the first laptop, each in its own transaction as the dispatcher runs them.
    const ids = db.prepare('SELECT id FROM clients ORDER BY id').pluck().all() as string[];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const insert = db.prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, created_at, created_by) VALUES (?, ?, '2026-11-02', 'legal', 'in_house', 45, ?, ?)");
    for (let i = 0; i < edits; i += 1) {
      db.transaction(() => {
        insert.run(randomUUID().replaceAll('-', ''), ids[next() % ids.length]!, at, userId);
        flushLocalWrites(db, userId);
      }).immediate();
    }
    const before = folderBytes(folder);
    const sent = syncRound(db, now).sent;
    emit('sync_bytes_per_change', (folderBytes(folder) - before) / Math.max(1, sent), 'bytes');
    start = performance.now();
    const received = syncRound(b.db, now).received;
    emit(`sync_receive_${edits}_ms`, performance.now() - start, 'ms');
    if (received !== sent) throw new Error(`received ${received} of ${sent}`);
    closeSession(b);
    closeSession(a);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
