// Main process (plain Node). Never imports electron.
// The access log: one row per event, each MAC'd over the previous row's MAC with the store's audit key.
// Editing, deleting, inserting or reordering rows breaks the chain at the first bad row. Rows hold
// ids and action names only, never personal data.
import { createHmac } from 'node:crypto';
import type { Db } from '../store/open';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  targetId?: string | null;
  outcome?: AuditOutcome;
}

interface Row {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_id: string | null;
  outcome: string;
  mac: Buffer;
}

const GENESIS = Buffer.alloc(32);

/**
 * The chain's MAC key: 32 random bytes made with the store and kept inside it (encrypted), so the
 * chain stays verifiable across data-key rotations.
 */
export function auditKeyOf(db: Db): Buffer {
  const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'audit_key'").get();
  if (!row || !/^[0-9a-f]{64}$/u.test(row.value)) throw new Error('The access log key is missing from the store.');
  return Buffer.from(row.value, 'hex');
}

function entryMac(key: Buffer, previous: Buffer, row: Omit<Row, 'mac'>): Buffer {
  const body = JSON.stringify([row.seq, row.at, row.actor_id, row.action, row.target_id, row.outcome]);
  return createHmac('sha256', key).update(previous).update(body, 'utf8').digest();
}

export interface AuditLog {
  append(event: AuditEvent): void;
  head(): string;
}

/** Must be called inside the caller's transaction so the entry commits with the change it records. */
export function auditLog(db: Db, key: Buffer, now: () => Date): AuditLog {
  const last = db.prepare<[], { seq: number; mac: Buffer }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor_id, action, target_id, outcome, mac) VALUES (@seq, @at, @actor_id, @action, @target_id, @outcome, @mac)',
  );
  return {
    append(event) {
      const previous = last.get();
      const row = {
        seq: (previous?.seq ?? 0) + 1,
        at: now().toISOString(),
        actor_id: event.actorId,
        action: event.action,
        target_id: event.targetId ?? null,
        outcome: event.outcome ?? 'ok',
      };
      insert.run({ ...row, mac: entryMac(key, previous?.mac ?? GENESIS, row) });
    },
    head() {
      return (last.get()?.mac ?? GENESIS).toString('hex');
    },
  };
}

export interface ChainReport {
  intact: boolean;
  entries: number;
  firstBadSeq: number | null;
  head: string;
}

/** Walks the whole chain; the first row whose sequence or MAC does not follow is named. */
export function verifyChain(db: Db, key: Buffer): ChainReport {
  let previous: Buffer = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.prepare<[], Row>('SELECT seq, at, actor_id, action, target_id, outcome, mac FROM audit_log ORDER BY seq').iterate()) {
    entries += 1;
    const mac = entryMac(key, previous, row);
    if (row.seq !== expectedSeq || !Buffer.isBuffer(row.mac) || !mac.equals(row.mac)) {
      return { intact: false, entries, firstBadSeq: Math.max(1, Math.min(row.seq, expectedSeq)), head: previous.toString('hex') };
    }
    previous = row.mac;
    expectedSeq += 1;
  }
  return { intact: true, entries, firstBadSeq: null, head: previous.toString('hex') };
}
