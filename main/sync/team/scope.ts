// Main process (plain Node). Never imports electron.
// Minimum necessary: which laptops may hold which case. A laptop enrolled for an admin, supervisor or
// auditor holds every case; a laptop enrolled for a caseworker holds the cases assigned to (as
// primary or secondary worker) or created by that caseworker. Enforced by who is given each case's key, not by filtering.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/open';
import { addCaseKey, addGrant, type CaseKeyRow } from './state';

/** Records that this laptop holds a key it made, so no one seals it back to us. */
function holdOwn(db: Db, k: CaseKeyRow): void {
  const me = db.prepare('SELECT laptop_id FROM team WHERE id = 1').pluck().get() as string | undefined;
  if (me) addGrant(db, k.caseId, me, k.keyId);
}

export const ALL_CASES_LAPTOP_ROLES = ['admin', 'supervisor', 'auditor'] as const;
const ROLE_LIST = ALL_CASES_LAPTOP_ROLES.map((r) => `'${r}'`).join(', ');

/** The case's newest key. */
export function caseKeyOf(db: Db, caseId: string): CaseKeyRow | undefined {
  return db
    .prepare<[string], CaseKeyRow>('SELECT case_id AS caseId, key_id AS keyId, key, made_at AS madeAt FROM team_case_keys WHERE case_id = ? ORDER BY made_at DESC, key_id DESC LIMIT 1')
    .get(caseId);
}

/** A new key for the case, newer than any it had: what is sent from now on is encrypted under it. */
export function rotateCaseKey(db: Db, caseId: string): CaseKeyRow {
  const latest = caseKeyOf(db, caseId);
  const row = { caseId, keyId: randomBytes(8).toString('hex'), key: randomBytes(32), madeAt: Math.max(Date.now(), (latest?.madeAt ?? 0) + 1) };
  addCaseKey(db, row);
  holdOwn(db, row);
  return row;
}

const LATEST = `(SELECT k2.key_id FROM team_case_keys k2 WHERE k2.case_id = c.id ORDER BY k2.made_at DESC, k2.key_id DESC LIMIT 1)`;

/**
 * Cases whose newest key was sealed to a laptop that may no longer hold them (the case was
 * reassigned, or the person's role changed): they get a new key, sealed only to the laptops allowed.
 */
export function casesToRekey(db: Db, me: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT c.id FROM clients c
       JOIN team_case_grants g ON g.case_id = c.id AND g.key_id = ${LATEST}
       JOIN team_laptops l ON l.laptop_id = g.laptop_id
       JOIN users u ON u.id = l.user_id
       WHERE l.status = 'active' AND l.laptop_id <> ?
         AND NOT (u.role IN (${ROLE_LIST}) OR c.assigned_worker_id IS u.id OR c.secondary_worker_id IS u.id OR c.created_by IS u.id)`,
    )
    .pluck()
    .all(me) as string[];
}

/** This case's key, made now if the case has none yet (the first laptop to send it makes it). */
export function ensureCaseKey(db: Db, caseId: string): CaseKeyRow {
  const existing = caseKeyOf(db, caseId);
  if (existing) return existing;
  const row = { caseId, keyId: randomBytes(8).toString('hex'), key: randomBytes(32), madeAt: Date.now() };
  addCaseKey(db, row);
  holdOwn(db, row);
  return row;
}

/** May this user's laptop hold this case? */
export function userMayHold(db: Db, userId: string, caseId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM users u, clients c WHERE u.id = ? AND c.id = ?
         AND (u.role IN (${ROLE_LIST}) OR c.assigned_worker_id IS u.id OR c.secondary_worker_id IS u.id OR c.created_by IS u.id)`,
      )
      .get(userId, caseId) !== undefined
  );
}

/** The cases a user's laptop may hold (for an invitation's snapshot). */
export function casesForUser(db: Db, userId: string): string[] {
  return db
    .prepare(
      `SELECT c.id FROM users u, clients c WHERE u.id = ?
       AND (u.role IN (${ROLE_LIST}) OR c.assigned_worker_id IS u.id OR c.secondary_worker_id IS u.id OR c.created_by IS u.id) ORDER BY c.id`,
    )
    .pluck()
    .all(userId) as string[];
}

/**
 * Pairs (case, laptop) where the laptop may hold a case whose key we have, but no one has sealed
 * the key to it yet: a new laptop, a case reassigned to another worker, a role change.
 */
export function missingGrants(db: Db, me: string, limit = 5000): { caseId: string; laptopId: string; boxPublic: string; keyId: string }[] {
  return db
    .prepare<[string, number], { caseId: string; laptopId: string; boxPublic: string; keyId: string }>(
      `SELECT c.id AS caseId, l.laptop_id AS laptopId, l.box_public AS boxPublic, k.key_id AS keyId
       FROM team_laptops l
       JOIN users u ON u.id = l.user_id
       JOIN clients c
       JOIN team_case_keys k ON k.key_id = ${LATEST}
       WHERE l.status = 'active' AND l.laptop_id <> ?
         AND (u.role IN (${ROLE_LIST}) OR c.assigned_worker_id IS u.id OR c.secondary_worker_id IS u.id OR c.created_by IS u.id)
         AND NOT EXISTS (SELECT 1 FROM team_case_grants g WHERE g.case_id = c.id AND g.laptop_id = l.laptop_id AND g.key_id = k.key_id)
       LIMIT ?`,
    )
    .all(me, limit);
}
