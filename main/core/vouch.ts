// Main process (plain Node). Never imports electron.
// An administrator's session vouches for staff keys in the access log (audit/identities.ts): keys made
// for a new account or a reset, role changes, deactivations, and keys people made for themselves at
// their first sign-in after the update that introduced personal keys.
import { KEY_ACTION, parseKeyDetail, type KeyBook } from '../audit/chain';
import { recordKeys, vouchedKeys } from '../audit/identities';
import { bringNotesUpToDate } from '../cases/sealed-notes';
import type { Identity } from '../keys/identity';
import { readKeyring } from '../keys/keyring';
import type { Db } from '../store/open';
import { auditLog, type AuditLog } from '../audit/chain';
import type { OpenSession } from './installation';
import type { DataPaths } from './paths';

interface Voucher {
  db: Db;
  auditKey: Buffer;
  identity: Identity | null;
}

/** The keys the log vouches for, as this person sees them, and whether they may vouch for others. */
export function keyBookFor(v: Voucher): { book: KeyBook; canVouch: boolean } {
  const book = vouchedKeys(v.db, v.auditKey, v.identity?.root || null);
  return { book, canVouch: v.identity !== null && book.vouched(v.identity.signingKey)?.admin === true };
}

/** Keys registered by their owners (and held in their own key slot) get an administrator's word. */
export function vouchPendingKeys(session: OpenSession, paths: DataPaths, now: () => Date): number {
  const { book, canVouch } = keyBookFor(session);
  if (!canVouch) return 0;
  const slots = readKeyring(paths.keyring).slots;
  const log = auditLog(session.db, session.auditKey, now);
  const users = session.db.prepare<[string], { role: string; active: number }>('SELECT role, active FROM users WHERE id = ?');
  let vouched = 0;
  const rows = session.db.prepare<[], { detail: string | null; signer: string | null }>(`SELECT detail, signer FROM audit_log WHERE action = '${KEY_ACTION}' ORDER BY seq`).all();
  for (const row of rows) {
    const d = parseKeyDetail(row.detail);
    if (!d || d.user === null || d.root || row.signer !== d.signingKey) continue;
    if (book.keys.get(d.signingKey)?.certified || book.current.has(d.user)) continue;
    const user = users.get(d.user);
    const inSlot = slots.some((s) => s.kind === 'passphrase' && s.userId === d.user && s.identity?.signingKey === d.signingKey && s.identity.sealingKey === d.sealingKey);
    if (!user || user.active !== 1 || !inSlot) continue;
    recordKeys(log, session.user.id, { user: d.user, identity: d, admin: user.role === 'admin', active: true, role: user.role });
    book.current.set(d.user, d.signingKey);
    vouched += 1;
  }
  return vouched;
}

/** After a role change or a deactivation: the log says so (signed), and restricted notes follow. */
export function recordStaffChange(v: Voucher & { userId: string; audit: AuditLog }, target: { id: string; role: string; active: boolean }): void {
  const { book, canVouch } = keyBookFor(v);
  const signingKey = book.current.get(target.id);
  if (!canVouch || !signingKey) return;
  recordKeys(v.audit, v.userId, {
    user: target.id,
    identity: { signingKey, sealingKey: book.sealing.get(target.id)! },
    admin: target.role === 'admin' && target.active,
    active: target.active,
    role: target.role,
  });
  const after = keyBookFor(v).book;
  if (v.identity) bringNotesUpToDate(v.db, after, { userId: v.userId, identity: v.identity });
}
