// Main process (plain Node). Never imports electron.
// Whose keys the access log vouches for. A 'key.identity' entry records a person's public signing and
// sealing keys and whether they may vouch for others (active administrators); it is signed by an
// administrator already vouched for, by the recovery key for a recovered administrator, or, once, by
// the founding administrator's own key (the root). The same entries tell restricted notes whom to be
// sealed to, so a colleague cannot slip their own key in for a supervisor's.
import type { IdentityPublic } from '../keys/identity';
import type { Db } from '../store/open';
import { entryMac, KEY_ACTION, KeyBook, signatureMessage, type AuditLog, type LogRow } from './chain';
import { verifySignature } from '../keys/identity';

export interface KeyRecord {
  /** The person the keys belong to; null for the recovery key's own identity. */
  user: string | null;
  identity: IdentityPublic;
  admin: boolean;
  active: boolean;
  role: string;
  root?: boolean;
  recovery?: boolean;
}

/** Appends the entry vouching for (or registering) a person's keys, signed by the log's signer. */
export function recordKeys(log: AuditLog, actorId: string | null, record: KeyRecord): void {
  log.append({
    actorId,
    action: KEY_ACTION,
    targetId: record.user,
    detail: {
      user: record.user,
      signingKey: record.identity.signingKey,
      sealingKey: record.identity.sealingKey,
      admin: record.admin,
      active: record.active,
      role: record.role,
      ...(record.root ? { root: true } : {}),
      ...(record.recovery ? { recovery: true } : {}),
    },
  });
}


/** The signing key of the log's root entry, if there is one (trusted on first use by keys made without one). */
export function logRoot(db: Db): string | null {
  const row = db
    .prepare<[], { signer: string | null }>(`SELECT signer FROM audit_log WHERE action = '${KEY_ACTION}' AND detail LIKE '%"root":true%' ORDER BY seq LIMIT 1`)
    .get();
  return row?.signer ?? null;
}

/**
 * Reads only the key entries (an index keeps this quick at millions of entries), checking each one's
 * MAC against the entry before it and its signature, and returns the keys they vouch for. A key
 * entry that does not hold is skipped, so a forged one vouches for nothing.
 */
export function vouchedKeys(db: Db, auditKey: Buffer, root: string | null): KeyBook {
  const book = new KeyBook(root);
  const previousMac = db.prepare<[number], { mac: Buffer }>('SELECT mac FROM audit_log WHERE seq = ?');
  const rows = db.prepare<[], LogRow>(`SELECT seq, at, actor_id, action, target_id, outcome, mac, detail, signer, sig FROM audit_log WHERE action = '${KEY_ACTION}' ORDER BY seq`);
  for (const row of rows.iterate()) {
    const previous = row.seq === 1 ? Buffer.alloc(32) : previousMac.get(row.seq - 1)?.mac;
    if (!previous || !entryMac(auditKey, previous, row).equals(row.mac)) continue;
    if (!row.signer || !row.sig || !verifySignature(row.signer, signatureMessage(row.mac), row.sig)) continue;
    book.apply(row);
  }
  return book;
}
