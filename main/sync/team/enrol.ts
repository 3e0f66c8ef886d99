// Main process (plain Node). Never imports electron.
// Making a team, inviting a laptop for a named staff member, and revoking a laptop. Joining (which
// makes a new store) is in join.ts.
import { mkdirSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import * as engine from '../engine';
import type { Db } from '../../store/open';
import { newSetupCode } from '../../keys/setup-code';
import { brokenLogs } from './access-log';
import { keyFileName } from './folder';
import { pauseAt } from './test-pause';
import type { DocFrame } from './frames';
import { newLaptopKeys, newRandomId, newSigningPair, signingKey } from './identity';
import { sealInvitation, type InvitationData } from './invitation';
import { writeKeyFile } from './keyfile';
import { casesForUser, ensureCaseKey } from './scope';
import {
  addEpoch,
  addInvite,
  currentEpoch,
  enqueueEvent,
  markRevoked,
  readEpochs,
  readInvites,
  readLaptops,
  readSelf,
  upsertLaptop,
  writeSelf,
} from './state';

export class TeamError extends Error {
  constructor(
    readonly code: 'NOT_IN_TEAM' | 'ALREADY_IN_TEAM' | 'NOT_MANAGER' | 'NOT_FOUND' | 'BAD_FOLDER' | 'CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

/** Invitations last a week, like setup codes. */
export const INVITE_DAYS = 7;

/** This laptop's block of case numbers (SH-2026-<block>-0001): four letters or digits from its random id. */
export function caseBlockOf(laptopId: string): string {
  return laptopId.slice(0, 4).toUpperCase();
}

export function newActorId(): string {
  return randomBytes(16).toString('hex');
}

function checkFolder(folder: string): void {
  if (!isAbsolute(folder)) throw new TeamError('BAD_FOLDER', 'Give the shared folder as a full path.');
  try {
    mkdirSync(folder, { recursive: true });
    readdirSync(folder);
  } catch {
    throw new TeamError('BAD_FOLDER', 'The shared folder could not be opened or created.');
  }
}

/** The first laptop of a team; an existing store joins with all its data. Run in the caller's transaction. */
export function createTeam(db: Db, input: { folder: string; userId: string; now: Date }): { laptopId: string; docs: number } {
  if (readSelf(db)) throw new TeamError('ALREADY_IN_TEAM', 'This laptop is already part of a team.');
  checkFolder(input.folder);
  const at = input.now.toISOString();
  const keys = newLaptopKeys();
  const docs = engine.isSyncEnabled(db) ? engine.listDocs(db).length : engine.enableSync(db, { actorId: newActorId(), laptopId: keys.laptopId, caseBlock: caseBlockOf(keys.laptopId) }).docs;
  engine.setLaptop(db, keys.laptopId);
  writeSelf(db, { teamId: newRandomId(), folder: input.folder, keys, at });
  upsertLaptop(db, { laptopId: keys.laptopId, signPublic: keys.signPublic, boxPublic: keys.boxPublic, userId: input.userId, manager: true, enrolledAt: at });
  addEpoch(db, { epoch: `1-${keys.laptopId}`, n: 1, key: randomBytes(32) }, at);
  keys.signPrivate.fill(0);
  keys.boxPrivate.fill(0);
  return { laptopId: keys.laptopId, docs };
}

function requireManager(db: Db) {
  const self = readSelf(db);
  if (!self) throw new TeamError('NOT_IN_TEAM', 'This laptop is not part of a team.');
  const me = readLaptops(db).find((l) => l.laptopId === self.laptopId);
  if (!me?.manager) throw new TeamError('NOT_MANAGER', 'Only the laptop that made the team, or one enrolled for an administrator, can do this.');
  return { self, me };
}

/**
 * An invitation for a named staff member: the file (to hand over) and the one-time code (to give
 * separately). The invitation is also queued for the shared folder, so the other laptops accept
 * the new laptop when it appears.
 */
export async function createInvitation(db: Db, input: { userId: string; now: Date }): Promise<{ file: Buffer; code: string; invite: string; expiresAt: string }> {
  const { self } = requireManager(db);
  const user = db.prepare<[string], { id: string; display_name: string; role: string; active: number }>('SELECT id, display_name, role, active FROM users WHERE id = ?').get(input.userId);
  if (!user || user.active !== 1) throw new TeamError('NOT_FOUND', 'That staff member could not be found, or the account is not active.');
  const expiresAt = new Date(input.now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  const invite = newRandomId();
  const enrol = newSigningPair();
  const manager = user.role === 'admin';
  const laptops = readLaptops(db);
  const vector: Record<string, number> = { [self.laptopId]: self.nextSeq - 1 };
  for (const l of laptops) if (l.laptopId !== self.laptopId) vector[l.laptopId] = l.appliedSeq;

  // Rows written since the last document change go into the documents first.
  db.transaction(() => engine.flushLocalWrites(db, null))();
  const frames: DocFrame[] = [];
  const caseKeys: InvitationData['caseKeys'] = [];
  const allowed = new Set(casesForUser(db, user.id));
  for (const { docId, caseId } of engine.listDocs(db)) {
    if (caseId !== null) {
      if (!allowed.has(caseId)) continue;
      const k = ensureCaseKey(db, caseId);
      const holders = db.prepare('SELECT laptop_id FROM team_case_grants WHERE case_id = ? AND key_id = ?').pluck().all(caseId, k.keyId) as string[];
      caseKeys.push({ caseId, keyId: k.keyId, key: k.key.toString('base64'), madeAt: k.madeAt, holders: [...new Set([...holders, self.laptopId])] });
    }
    frames.push({ kind: 'snapshot', docId, keyId: null, payload: Buffer.from(engine.saveDoc(db, docId)) });
  }
  // Agency documents first, so a case's references (staff, partners, instruments) exist when it is loaded.
  frames.sort((a, b) => Number(a.docId.startsWith('case:')) - Number(b.docId.startsWith('case:')));
  const data: InvitationData = {
    v: 1,
    teamId: self.teamId,
    invite,
    userId: user.id,
    displayName: user.display_name,
    manager,
    enrolPrivate: enrol.privateKey.toString('base64url'),
    enrolPublic: enrol.publicKey,
    expiresAt,
    epochs: readEpochs(db).map((e) => ({ epoch: e.epoch, n: e.n, key: e.key.toString('base64') })),
    laptops: laptops.map((l) => ({ laptopId: l.laptopId, signPublic: l.signPublic, boxPublic: l.boxPublic, userId: l.userId, manager: l.manager, status: l.status, lastAcceptedSeq: l.lastAcceptedSeq })),
    invites: readInvites(db),
    vector,
    caseKeys,
  };
  const code = newSetupCode();
  const file = await sealInvitation(code, data, frames);
  enrol.privateKey.fill(0);
  addInvite(db, { invite, userId: user.id, enrolPublic: enrol.publicKey, vector, byLaptop: self.laptopId, manager, expiresAt, usedBy: null });
  enqueueEvent(db, 'invite', { t: 'invite', invite, userId: user.id, enrolPublic: enrol.publicKey, vector, expiresAt, manager });
  return { file, code, invite, expiresAt };
}

/**
 * Revokes a laptop: its files after the last one this laptop applied are refused everywhere, and a
 * new team key is sealed to every remaining laptop, so it can read nothing written from now on.
 */
export function revokeLaptop(db: Db, input: { laptopId: string; now: Date }): { epoch: string } {
  const { self } = requireManager(db);
  if (input.laptopId === self.laptopId) throw new TeamError('CONFLICT', 'This laptop cannot revoke itself. Revoke it from another administrator laptop.');
  const laptops = readLaptops(db);
  const target = laptops.find((l) => l.laptopId === input.laptopId);
  if (!target) throw new TeamError('NOT_FOUND', 'That laptop is not on this team.');
  if (target.status === 'revoked') throw new TeamError('CONFLICT', 'That laptop is already revoked.');
  const at = input.now.toISOString();
  markRevoked(db, target.laptopId, target.appliedSeq);
  const n = currentEpoch(readEpochs(db)).n + 1;
  const epoch = `${n}-${self.laptopId}`;
  const key = randomBytes(32);
  const remaining = laptops.filter((l) => l.status === 'active' && l.laptopId !== target.laptopId);
  const me = laptops.find((l) => l.laptopId === self.laptopId)!;
  const file = writeKeyFile({ team: self.teamId, epoch, n, laptop: self.laptopId, key, recipients: remaining, signKey: signingKey(self.signPrivate, me.signPublic) });
  // Written by the next round, from the store (round.ts): a key file in the folder for an epoch the
  // store never committed (a crash here) would be read by the others, and the next revocation would
  // reuse its name with another key, which they would never learn.
  enqueueEvent(db, 'joinfile', { t: 'joinfile', name: keyFileName(epoch), bytes: file.toString('base64') });
  pauseAt('key-rotation');
  addEpoch(db, { epoch, n, key }, at);
  enqueueEvent(db, 'revoke', { t: 'revoke', laptop: target.laptopId, lastSeq: target.appliedSeq, at });
  return { epoch };
}

export interface TeamStatus {
  inTeam: boolean;
  laptopId: string | null;
  manager: boolean;
  lastSyncAt: string | null;
  pending: number;
  laptops: { laptopId: string; userId: string; status: 'active' | 'revoked'; manager: boolean; lastFileAt: string | null; self: boolean; accessLogIntact: boolean }[];
}

export function teamStatus(db: Db): TeamStatus {
  const self = readSelf(db);
  if (!self) return { inTeam: false, laptopId: null, manager: false, lastSyncAt: null, pending: 0, laptops: [] };
  const laptops = readLaptops(db);
  const broken = new Set(brokenLogs(db));
  const pending = (db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number | undefined) ?? 0;
  return {
    inTeam: true,
    laptopId: self.laptopId,
    manager: laptops.find((l) => l.laptopId === self.laptopId)?.manager ?? false,
    lastSyncAt: self.lastSyncAt,
    pending,
    laptops: laptops.map((l) => ({
      laptopId: l.laptopId,
      userId: l.userId,
      status: l.status,
      manager: l.manager,
      lastFileAt: l.laptopId === self.laptopId ? self.lastSyncAt : l.lastFileAt,
      self: l.laptopId === self.laptopId,
      accessLogIntact: !broken.has(l.laptopId),
    })),
  };
}
