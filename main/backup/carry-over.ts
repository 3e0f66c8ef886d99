// Main process (plain Node). Never imports electron.
// What a restore over an existing store carries from the store here now into the restored one, so an
// old backup brings back records but never old access:
// - staff: every current account with its current role and active state (an admin demoted or
//   deactivated since the backup stays so; accounts added since keep working); accounts only the
//   backup knows (another installation's staff) are closed;
// - the access log: entries written here since the backup are kept. When the backup's log is the
//   start of the current one (the usual case: same installation), the newer entries are copied as
//   they are, MACs included, so the restored log IS the current log and verifies unchanged. Otherwise
//   (another installation, or a log that went another way) a marker entry is appended and each
//   current entry after the shared start is appended again through the normal path, with its time,
//   actor, action, target and outcome;
// - case numbers: each year's sequence continues from the highest number issued here, so no case
//   number is ever given out twice.
// - purged cases: a case deleted permanently here since the backup stays deleted (its tombstone is
//   carried and the backup's copy of the case removed, as on a team laptop that receives one).
// Runs inside the staged store's transaction; the live store is only read.
import { auditLog, type AuditEvent } from '../audit/chain';
import { applyPurgeTombstones } from '../cases/purge';
import { tableExists } from '../sync/engine/tables';
import type { Db } from '../store/open';
import { sameKey } from './authority';

interface StaffRow {
  id: string;
  display_name: string;
  name_key: string;
  role: string;
  active: number;
  created_at: string;
}

type Note = (event: AuditEvent) => void;

const STAFF = 'SELECT id, display_name, name_key, role, active, created_at FROM users';

function closeAccount(staged: Db, id: string): void {
  staged.prepare('UPDATE users SET active = 0 WHERE id = ?').run(id);
  staged.prepare('UPDATE clients SET assigned_worker_id = NULL WHERE assigned_worker_id = ?').run(id);
}

/** Current staff, roles and deactivations onto the restored store. Returns the accounts it closed. */
export function reapplyStaff(staged: Db, live: Db, record: Note): { closed: string[] } {
  const current = new Map(live.prepare<[], StaffRow>(STAFF).all().map((u) => [u.id, u]));
  const currentNames = new Set([...current.values()].map((u) => u.name_key));
  const closed: string[] = [];
  // Accounts only the backup has: no role here, so closed, and their sign-in name moved aside.
  for (const user of staged.prepare<[], StaffRow>(STAFF).all()) {
    if (current.has(user.id)) continue;
    if (user.active === 1) {
      closeAccount(staged, user.id);
      closed.push(user.id);
      record({ actorId: null, action: 'backup.restore.deactivated', targetId: user.id });
    }
    if (currentNames.has(user.name_key)) staged.prepare('UPDATE users SET name_key = ? WHERE id = ?').run(`${user.name_key} #${user.id}`, user.id);
  }
  const find = staged.prepare<[string], StaffRow>(`${STAFF} WHERE id = ?`);
  for (const user of current.values()) {
    const had = find.get(user.id);
    if (!had) {
      staged
        .prepare('INSERT INTO users (id, display_name, name_key, role, active, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(user.id, user.display_name, user.name_key, user.role, user.active, user.created_at);
      record({ actorId: null, action: 'backup.restore.account-kept', targetId: user.id });
      continue;
    }
    if (had.display_name !== user.display_name || had.name_key !== user.name_key) {
      staged.prepare('UPDATE users SET display_name = ?, name_key = ? WHERE id = ?').run(user.display_name, user.name_key, user.id);
    }
    if (had.role !== user.role) {
      staged.prepare('UPDATE users SET role = ? WHERE id = ?').run(user.role, user.id);
      record({ actorId: null, action: 'backup.restore.role', targetId: user.id });
    }
    if (had.active === 1 && user.active === 0) {
      closeAccount(staged, user.id);
      closed.push(user.id);
      record({ actorId: null, action: 'backup.restore.deactivated', targetId: user.id });
    } else if (had.active === 0 && user.active === 1) {
      staged.prepare('UPDATE users SET active = 1 WHERE id = ?').run(user.id);
      record({ actorId: null, action: 'backup.restore.reactivated', targetId: user.id });
    }
  }
  return { closed };
}

const CASE_NUMBER = /^SH-(\d{4})-(?:[A-Za-z0-9]+-)?(\d+)$/u;

/** Each year's case-number sequence continues from the highest issued in either store. */
export function carryCaseNumbers(staged: Db, live: Db): void {
  const highest = new Map<string, number>();
  const raise = (year: string, n: number) => {
    if (Number.isSafeInteger(n) && n > (highest.get(year) ?? 0)) highest.set(year, n);
  };
  for (const db of [live, staged]) {
    for (const row of db.prepare<[], { key: string; value: string }>("SELECT key, value FROM settings WHERE key GLOB 'case_seq_[0-9][0-9][0-9][0-9]'").iterate()) {
      raise(row.key.slice('case_seq_'.length), Number(row.value));
    }
    for (const caseNumber of db.prepare<[], string>('SELECT case_number FROM clients').pluck().iterate()) {
      const match = CASE_NUMBER.exec(caseNumber);
      if (match) raise(match[1]!, Number(match[2]));
    }
  }
  const set = staged.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [year, n] of highest) set.run(`case_seq_${year}`, String(n));
}

const headOf = (db: Db) => db.prepare<[], { seq: number; mac: Buffer }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get();
const macAt = (db: Db, seq: number) => db.prepare<[number], { mac: Buffer }>('SELECT mac FROM audit_log WHERE seq = ?').get(seq)?.mac;

/** How many entries the two logs share from the start (the chain makes "same MAC at n" mean "same first n"). */
function sharedStart(staged: Db, live: Db, upTo: number): number {
  let low = 0;
  let high = upTo;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const a = macAt(staged, mid);
    const b = macAt(live, mid);
    if (a && b && a.equals(b)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function columns(db: Db): string[] {
  return db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('audit_log') ORDER BY cid").all().map((c) => c.name);
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface CarriedLog {
  /** Entries written here since the backup, now in the restored log. */
  entries: number;
  /** true when they were copied as they are (MACs included); false when appended again after a marker. */
  verbatim: boolean;
}

/** Carries the current access log's newer entries into the restored store's log. */
export function carryAccessLog(staged: Db, stagedAuditKey: Buffer, live: Db, liveAuditKey: Buffer, actorId: string | null, now: Date): CarriedLog {
  const restoredHead = headOf(staged);
  const liveHead = headOf(live);
  if (!liveHead) return { entries: 0, verbatim: true };
  const restoredSeq = restoredHead?.seq ?? 0;
  const shared = sameKey(stagedAuditKey, liveAuditKey) ? sharedStart(staged, live, Math.min(restoredSeq, liveHead.seq)) : 0;

  if (shared === restoredSeq && sameKey(stagedAuditKey, liveAuditKey)) {
    // The backup's log is where the current one started: copy the rest exactly as it is.
    const names = columns(staged).filter((name) => columns(live).includes(name));
    const list = names.map((n) => `"${n}"`).join(', ');
    const insert = staged.prepare(`INSERT INTO audit_log (${list}) VALUES (${names.map(() => '?').join(', ')})`);
    let entries = 0;
    for (const row of live.prepare(`SELECT ${list} FROM audit_log WHERE seq > ? ORDER BY seq`).raw().iterate(shared)) {
      insert.run(...(row as unknown[]));
      entries += 1;
    }
    return { entries, verbatim: true };
  }

  // Another history: say so, then append each newer current entry again, with its own time.
  let at = now;
  const log = auditLog(staged, stagedAuditKey, () => at);
  log.append({ actorId, action: 'backup.restore.log-carried', targetId: liveHead.mac.toString('hex').slice(0, 32) });
  let entries = 0;
  const hasDetail = columns(live).includes('detail');
  const rows = live
    .prepare<[number], { at: string; actor_id: string | null; action: string; target_id: string | null; outcome: 'ok' | 'denied' | 'failed'; detail: string | null }>(
      `SELECT at, actor_id, action, target_id, outcome, ${hasDetail ? 'detail' : 'NULL AS detail'} FROM audit_log WHERE seq > ? ORDER BY seq`,
    )
    .iterate(shared);
  for (const row of rows) {
    const when = new Date(row.at);
    at = Number.isNaN(when.getTime()) ? now : when;
    // Marked as carried: its original signature stays with the previous store's log (kept in previous-<time>/).
    const event = { actorId: row.actor_id, action: row.action, targetId: row.target_id, outcome: row.outcome, detail: parseDetail(row.detail), carried: true };
    log.append(event);
    entries += 1;
  }
  at = now;
  return { entries, verbatim: false };
}

/** Cases purged here stay purged in the restored store. Returns how many the backup still held. */
export function carryPurges(staged: Db, live: Db, at: string, record: Note): number {
  if (!tableExists(live, 'case_purges') || !tableExists(staged, 'case_purges')) return 0;
  const tombstones = live.prepare<[], { case_id: string; purged_at: string }>('SELECT case_id, purged_at FROM case_purges').all();
  if (tombstones.length === 0) return 0;
  const held = new Set(staged.prepare<[], string>('SELECT id FROM clients').pluck().all());
  // Not quietly: a purge made here just before the restore may not have been sent yet (its change
  // was in the live store's outbox); written as a local change, the next round sends the tombstone
  // (the same value again where the team already has it).
  const insert = staged.prepare('INSERT INTO case_purges (case_id, purged_at) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING');
  for (const t of tombstones) insert.run(t.case_id, t.purged_at);
  applyPurgeTombstones(staged, at);
  const removed = tombstones.filter((t) => held.has(t.case_id));
  for (const t of removed) record({ actorId: null, action: 'backup.restore.purge-kept', targetId: t.case_id });
  return removed.length;
}
