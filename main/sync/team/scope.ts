// Main process (plain Node). Never imports electron.
// Minimum necessary: which laptops may hold which case. A laptop enrolled for an admin, supervisor or
// auditor holds every case; a laptop enrolled for a caseworker holds the cases assigned to or
// created by that caseworker. Enforced by who is given each case's key, not by filtering.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/open';
import { addCaseKey, type CaseKeyRow } from './state';

export const ALL_CASES_LAPTOP_ROLES = ['admin', 'supervisor', 'auditor'] as const;
const ROLE_LIST = ALL_CASES_LAPTOP_ROLES.map((r) => `'${r}'`).join(', ');

export function caseKeyOf(db: Db, caseId: string): CaseKeyRow | undefined {
  return db.prepare<[string], CaseKeyRow>('SELECT case_id AS caseId, key_id AS keyId, key FROM team_case_keys WHERE case_id = ?').get(caseId);
}

/** This case's key, made now if the case has none yet (the first laptop to send it makes it). */
export function ensureCaseKey(db: Db, caseId: string): CaseKeyRow {
  const existing = caseKeyOf(db, caseId);
  if (existing) return existing;
  const row = { caseId, keyId: randomBytes(8).toString('hex'), key: randomBytes(32) };
  addCaseKey(db, row);
  return row;
}

/** May this user's laptop hold this case? */
export function userMayHold(db: Db, userId: string, caseId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM users u, clients c WHERE u.id = ? AND c.id = ?
         AND (u.role IN (${ROLE_LIST}) OR c.assigned_worker_id = u.id OR c.created_by = u.id)`,
      )
      .get(userId, caseId) !== undefined
  );
}

/** The cases a user's laptop may hold (for an invitation's snapshot). */
export function casesForUser(db: Db, userId: string): string[] {
  return db
    .prepare(
      `SELECT c.id FROM users u, clients c WHERE u.id = ?
       AND (u.role IN (${ROLE_LIST}) OR c.assigned_worker_id = u.id OR c.created_by = u.id) ORDER BY c.id`,
    )
    .pluck()
    .all(userId) as string[];
}

/**
 * Pairs (case, laptop) where the laptop may hold a case whose key we have, but no one has sealed
 * the key to it yet: a new laptop, a case reassigned to another worker, a role change.
 */
export function missingGrants(db: Db, me: string, limit = 5000): { caseId: string; laptopId: string; boxPublic: string }[] {
  return db
    .prepare<[string, number], { caseId: string; laptopId: string; boxPublic: string }>(
      `SELECT k.case_id AS caseId, l.laptop_id AS laptopId, l.box_public AS boxPublic
       FROM team_laptops l
       JOIN users u ON u.id = l.user_id
       JOIN team_case_keys k
       JOIN clients c ON c.id = k.case_id
       WHERE l.status = 'active' AND l.laptop_id <> ?
         AND (u.role IN (${ROLE_LIST}) OR c.assigned_worker_id = u.id OR c.created_by = u.id)
         AND NOT EXISTS (SELECT 1 FROM team_case_grants g WHERE g.case_id = k.case_id AND g.laptop_id = l.laptop_id)
       LIMIT ?`,
    )
    .all(me, limit);
}
