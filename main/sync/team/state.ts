// Main process (plain Node). Never imports electron.
// The team tables (migration 0120): this laptop, the enrolled laptops, team keys by epoch, pending
// invitations, per-case keys and who they were sealed to. Reads and writes only; the caller holds
// the transaction.
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';
import type { LaptopKeys } from './identity';

export interface TeamSelf {
  teamId: string;
  laptopId: string;
  folder: string;
  signPrivate: Buffer;
  boxPrivate: Buffer;
  createdAt: string;
  lastSyncAt: string | null;
  lastSyncOk: boolean | null;
  nextSeq: number;
}

export interface LaptopRow {
  laptopId: string;
  signPublic: string;
  boxPublic: string;
  userId: string;
  manager: boolean;
  status: 'active' | 'revoked';
  lastAcceptedSeq: number | null;
  enrolledAt: string;
  appliedSeq: number;
  seen: Record<string, number>;
  lastFileAt: string | null;
}

export interface EpochRow {
  epoch: string;
  n: number;
  key: Buffer;
}

export interface InviteRow {
  invite: string;
  userId: string;
  enrolPublic: string;
  vector: Record<string, number>;
  byLaptop: string;
  manager: boolean;
  expiresAt: string;
  usedBy: string | null;
}

export function hasTeamTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'team'").get() !== undefined;
}

export function readSelf(db: Db): TeamSelf | null {
  if (!hasTeamTables(db)) return null;
  const row = db
    .prepare<
      [],
      { team_id: string; laptop_id: string; folder: string; sign_private: Buffer; box_private: Buffer; created_at: string; last_sync_at: string | null; last_sync_ok: number | null; next_seq: number }
    >('SELECT * FROM team WHERE id = 1')
    .get();
  if (!row) return null;
  return {
    teamId: row.team_id,
    laptopId: row.laptop_id,
    folder: row.folder,
    signPrivate: row.sign_private,
    boxPrivate: row.box_private,
    createdAt: row.created_at,
    lastSyncAt: row.last_sync_at,
    lastSyncOk: row.last_sync_ok === null ? null : row.last_sync_ok === 1,
    nextSeq: row.next_seq,
  };
}

export function writeSelf(db: Db, input: { teamId: string; folder: string; keys: LaptopKeys; at: string }): void {
  db.prepare('INSERT INTO team (id, team_id, laptop_id, folder, sign_private, box_private, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)').run(
    input.teamId,
    input.keys.laptopId,
    input.folder,
    input.keys.signPrivate,
    input.keys.boxPrivate,
    input.at,
  );
}

interface LaptopDbRow {
  laptop_id: string;
  sign_public: string;
  box_public: string;
  user_id: string;
  manager: number;
  status: 'active' | 'revoked';
  last_accepted_seq: number | null;
  enrolled_at: string;
  applied_seq: number;
  seen: string;
  last_file_at: string | null;
}

const toLaptop = (r: LaptopDbRow): LaptopRow => ({
  laptopId: r.laptop_id,
  signPublic: r.sign_public,
  boxPublic: r.box_public,
  userId: r.user_id,
  manager: r.manager === 1,
  status: r.status,
  lastAcceptedSeq: r.last_accepted_seq,
  enrolledAt: r.enrolled_at,
  appliedSeq: r.applied_seq,
  seen: JSON.parse(r.seen) as Record<string, number>,
  lastFileAt: r.last_file_at,
});

export function readLaptops(db: Db): LaptopRow[] {
  return db.prepare<[], LaptopDbRow>('SELECT * FROM team_laptops ORDER BY enrolled_at, laptop_id').all().map(toLaptop);
}

export function upsertLaptop(db: Db, l: Pick<LaptopRow, 'laptopId' | 'signPublic' | 'boxPublic' | 'userId' | 'manager' | 'enrolledAt'>): void {
  db.prepare(
    `INSERT INTO team_laptops (laptop_id, sign_public, box_public, user_id, manager, status, enrolled_at) VALUES (?, ?, ?, ?, ?, 'active', ?)
     ON CONFLICT (laptop_id) DO NOTHING`,
  ).run(l.laptopId, l.signPublic, l.boxPublic, l.userId, l.manager ? 1 : 0, l.enrolledAt);
}

export function markRevoked(db: Db, laptopId: string, lastSeq: number): void {
  // Two revocations of one laptop: the earlier cut-off holds.
  db.prepare(
    `UPDATE team_laptops SET status = 'revoked', last_accepted_seq = min(coalesce(last_accepted_seq, ?), ?) WHERE laptop_id = ?`,
  ).run(lastSeq, lastSeq, laptopId);
}

export function setApplied(db: Db, laptopId: string, seq: number, at: string): void {
  db.prepare('UPDATE team_laptops SET applied_seq = max(applied_seq, ?), last_file_at = ? WHERE laptop_id = ?').run(seq, at, laptopId);
}

export function setSeen(db: Db, laptopId: string, seen: Record<string, number>): void {
  db.prepare('UPDATE team_laptops SET seen = ? WHERE laptop_id = ?').run(JSON.stringify(seen), laptopId);
}

export function readEpochs(db: Db): EpochRow[] {
  return db.prepare<[], EpochRow>('SELECT epoch, n, key FROM team_epochs ORDER BY n, epoch').all();
}

export function addEpoch(db: Db, e: EpochRow, at: string): void {
  db.prepare('INSERT INTO team_epochs (epoch, n, key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (epoch) DO NOTHING').run(e.epoch, e.n, e.key, at);
}

/** The epoch new files are written under: the highest n, ties broken by the epoch id. */
export function currentEpoch(epochs: readonly EpochRow[]): EpochRow {
  const sorted = [...epochs].sort((a, b) => a.n - b.n || (a.epoch < b.epoch ? -1 : a.epoch > b.epoch ? 1 : 0));
  const last = sorted.at(-1);
  if (!last) throw new Error('no team key');
  return last;
}

export function readInvites(db: Db): InviteRow[] {
  return db
    .prepare<[], { invite_id: string; user_id: string; enrol_public: string; vector: string; by_laptop: string; manager: number; expires_at: string; used_by: string | null }>(
      'SELECT * FROM team_invites',
    )
    .all()
    .map((r) => ({
      invite: r.invite_id,
      userId: r.user_id,
      enrolPublic: r.enrol_public,
      vector: JSON.parse(r.vector) as Record<string, number>,
      byLaptop: r.by_laptop,
      manager: r.manager === 1,
      expiresAt: r.expires_at,
      usedBy: r.used_by,
    }));
}

export function addInvite(db: Db, i: InviteRow): void {
  db.prepare('INSERT INTO team_invites (invite_id, user_id, enrol_public, vector, by_laptop, manager, expires_at, used_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (invite_id) DO NOTHING').run(
    i.invite,
    i.userId,
    i.enrolPublic,
    JSON.stringify(i.vector),
    i.byLaptop,
    i.manager ? 1 : 0,
    i.expiresAt,
    i.usedBy,
  );
}

export function useInvite(db: Db, invite: string, laptopId: string): void {
  db.prepare('UPDATE team_invites SET used_by = ? WHERE invite_id = ? AND used_by IS NULL').run(laptopId, invite);
}

export interface CaseKeyRow {
  caseId: string;
  keyId: string;
  key: Buffer;
  /** When it was made (ms): the newest of a case's keys encrypts what is sent. */
  madeAt: number;
}

export function readCaseKeys(db: Db): CaseKeyRow[] {
  return db.prepare<[], CaseKeyRow>('SELECT case_id AS caseId, key_id AS keyId, key, made_at AS madeAt FROM team_case_keys ORDER BY made_at, key_id').all();
}

export function addCaseKey(db: Db, k: CaseKeyRow): void {
  // Prepared once per store: a join and an invitation write one per case.
  stmt(db, 'INSERT INTO team_case_keys (key_id, case_id, key, made_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING').run(k.keyId, k.caseId, k.key, k.madeAt);
}

export function addGrant(db: Db, caseId: string, laptopId: string, keyId: string): void {
  stmt(db, 'INSERT INTO team_case_grants (case_id, laptop_id, key_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(caseId, laptopId, keyId);
}

export function enqueueEvent(db: Db, kind: string, body: unknown): void {
  db.prepare('INSERT INTO team_outbox (kind, body) VALUES (?, ?)').run(kind, JSON.stringify(body));
}

export function readQueuedEvents(db: Db): { seq: number; body: unknown }[] {
  return db
    .prepare<[], { seq: number; body: string }>('SELECT seq, body FROM team_outbox ORDER BY seq')
    .all()
    .map((r) => ({ seq: r.seq, body: JSON.parse(r.body) as unknown }));
}

export function clearQueuedEvents(db: Db, upto: number): void {
  db.prepare('DELETE FROM team_outbox WHERE seq <= ?').run(upto);
}
