// Main process (plain Node). Never imports electron.
// The access log across laptops. Each laptop keeps its own HMAC chain (main/audit) that only it can
// check; what it publishes is a copy of its entries (ids and actions only) tied by a SHA-256 hash
// chain, whose head travels in the signed bundle. Every other laptop checks the copy: numbers with no
// gap, each entry hashed onto the one before, the head as signed. An entry changed, removed or
// reordered on the laptop that wrote it, after it was published, no longer matches what the others
// hold; one changed in the folder fails the bundle's signature.
import { createHash } from 'node:crypto';
import type { Db } from '../../store/open';

export interface PublishedEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetId: string | null;
  outcome: string;
}

export interface PublishedLog {
  /** The hash of the entry before the first one here ('' for the first entry of the log). */
  from: string;
  entries: PublishedEntry[];
  head: string;
}

/** Entries per bundle at most; the rest go in the next round. */
const BATCH = 20_000;

export function entryHash(previous: string, e: PublishedEntry): string {
  return createHash('sha256').update(previous).update(JSON.stringify([e.seq, e.at, e.actorId, e.action, e.targetId, e.outcome]), 'utf8').digest('hex');
}

/** This laptop's entries not yet published, chained on from what was. */
export function unpublished(db: Db): PublishedLog | null {
  const self = db.prepare<[], { audit_sent_seq: number; audit_head: string }>('SELECT audit_sent_seq, audit_head FROM team WHERE id = 1').get();
  if (!self) return null;
  const rows = db
    .prepare<[number, number], { seq: number; at: string; actor_id: string | null; action: string; target_id: string | null; outcome: string }>(
      'SELECT seq, at, actor_id, action, target_id, outcome FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
    )
    .all(self.audit_sent_seq, BATCH);
  if (rows.length === 0) return null;
  let head = self.audit_head;
  const entries = rows.map((r) => {
    const e = { seq: r.seq, at: r.at, actorId: r.actor_id, action: r.action, targetId: r.target_id, outcome: r.outcome };
    head = entryHash(head, e);
    return e;
  });
  return { from: self.audit_head, entries, head };
}

export function markPublished(db: Db, log: PublishedLog): void {
  db.prepare('UPDATE team SET audit_sent_seq = ?, audit_head = ? WHERE id = 1').run(log.entries.at(-1)!.seq, log.head);
}

/**
 * Checks another laptop's published entries against what we hold of its chain and keeps them.
 * Returns false (and marks the laptop's log as broken) when they do not continue it.
 */
export function receive(db: Db, laptopId: string, log: PublishedLog): boolean {
  const known = db.prepare<[string], { audit_seq: number; audit_head: string; audit_broken: number }>('SELECT audit_seq, audit_head, audit_broken FROM team_laptops WHERE laptop_id = ?').get(laptopId);
  if (!known) return false;
  // The first copy from a laptop we hold nothing of (we joined after it started) starts our view.
  const fresh = known.audit_seq === 0 && known.audit_head === '';
  let head = fresh ? String(log.from ?? '') : known.audit_head;
  let seq = known.audit_seq;
  let ok = Array.isArray(log.entries) && log.from === head;
  const insert = db.prepare(
    'INSERT INTO team_remote_audit (laptop_id, seq, at, actor_id, action, target_id, outcome, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  if (ok) {
    for (const e of log.entries) {
      // A log only grows: each entry the next number after the last, hashed onto it.
      if (e.seq !== seq + 1 && !(fresh && seq === 0 && Number.isSafeInteger(e.seq) && e.seq >= 1)) {
        ok = false;
        break;
      }
      head = entryHash(head, e);
      seq = e.seq;
      insert.run(laptopId, e.seq, e.at, e.actorId, e.action, e.targetId, e.outcome, head);
    }
  }
  ok = ok && head === log.head;
  if (ok) db.prepare('UPDATE team_laptops SET audit_seq = ?, audit_head = ? WHERE laptop_id = ?').run(seq, head, laptopId);
  else db.prepare('UPDATE team_laptops SET audit_broken = 1 WHERE laptop_id = ?').run(laptopId);
  return ok;
}

/** Which laptops' published access logs do not hold together (their ids). */
export function brokenLogs(db: Db): string[] {
  return db.prepare('SELECT laptop_id FROM team_laptops WHERE audit_broken = 1 ORDER BY laptop_id').pluck().all() as string[];
}
