// Main process (plain Node). Never imports electron.
// Global names of rows whose primary key is a local integer (closures, access reasons, case history):
// a row is named `actor.rid` by the laptop that wrote it. Rows named one by one (team creation, rows
// received from other laptops) have a row in sync_keys. Rows this laptop writes afterwards are named
// by a range instead (sync_key_ranges, migration 0270): every rid from first_rid to last_rid that has
// no sync_keys row is named `actor.rid`. A new row then extends its session's range (one small row
// rewritten) instead of adding a row to two b-trees. A name, once given, never changes: a row
// covered by a range keeps that range's name, as a sync_keys row would keep it.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';
import { useActor } from './docs';
import type { SyncedTable } from './tables';

interface Range {
  first_rid: number;
  last_rid: number;
  actor: string;
}

/** Stores without sync_key_ranges (a schema older than 0270, opened by code that does not migrate, as in tests) name every row in sync_keys. */
const hasRanges = new WeakMap<Db, boolean>();

function rangesTable(db: Db): boolean {
  let has = hasRanges.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sync_key_ranges'").get() !== undefined;
    hasRanges.set(db, has);
  }
  return has;
}

/** The range covering rid, if any (ranges never overlap). */
function rangeOf(db: Db, tbl: string, rid: number): Range | undefined {
  const r = stmt<[string, number], Range>(db, 'SELECT first_rid, last_rid, actor FROM sync_key_ranges WHERE tbl = ? AND first_rid <= ? ORDER BY first_rid DESC LIMIT 1').get(tbl, rid);
  return r !== undefined && r.last_rid >= rid ? r : undefined;
}

/** A row's sync_keys name, and the range starting nearest at or below it (which may not reach it). */
function lookup(db: Db, tbl: string, rid: number): { known: string | null; below: Range | undefined } {
  if (!rangesTable(db)) {
    return { known: stmt<[string, number], string>(db, 'SELECT key FROM sync_keys WHERE tbl = ? AND rid = ?').pluck().get(tbl, rid) ?? null, below: undefined };
  }
  // One statement: the name, then the range (a new row's name costs one read and one write).
  const r = stmt<[{ tbl: string; rid: number }], { known: string | null } & Partial<Range>>(
    db,
    `SELECT (SELECT key FROM sync_keys WHERE tbl = @tbl AND rid = @rid) AS known, g.first_rid, g.last_rid, g.actor
     FROM (SELECT 1) LEFT JOIN (SELECT first_rid, last_rid, actor FROM sync_key_ranges WHERE tbl = @tbl AND first_rid <= @rid ORDER BY first_rid DESC LIMIT 1) g`,
  ).get({ tbl, rid })!;
  return { known: r.known, below: r.actor === undefined || r.actor === null ? undefined : (r as Range) };
}

/** The row's global name, or undefined when it has none yet. */
export function keyOfRow(db: Db, tbl: string, rid: number): string | undefined {
  const { known, below } = lookup(db, tbl, rid);
  if (known !== null) return known;
  return below !== undefined && below.last_rid >= rid ? `${below.actor}.${rid}` : undefined;
}

/**
 * The global name of a row written on this laptop: the one it has, or (exists: the row is there) a
 * new one under this store's actor (`fresh`: given just now, so no document holds it yet). Null for
 * a removed row that never had one.
 */
export function nameLocalRow(db: Db, t: SyncedTable, rid: number, actor: string, exists: boolean): { rk: string; fresh: boolean } | null {
  const { known, below } = lookup(db, t.name, rid);
  if (known !== null) return { rk: known, fresh: false };
  if (below !== undefined && below.last_rid >= rid) return { rk: `${below.actor}.${rid}`, fresh: false };
  if (!exists) return null;
  const key = `${actor}.${rid}`;
  if (!rangesTable(db)) {
    stmt(db, 'INSERT INTO sync_keys (tbl, rid, key) VALUES (?, ?, ?)').run(t.name, rid, key);
  } else if (below !== undefined && below.actor === actor) {
    // The range just below is this session's: it grows to rid (no range starts in between, since it
    // is the nearest). Otherwise (the first row of a session, or a rid SQLite gave again after the
    // highest rows were removed) rid starts a range of its own.
    stmt(db, 'UPDATE sync_key_ranges SET last_rid = ? WHERE tbl = ? AND first_rid = ?').run(rid, t.name, below.first_rid);
  } else {
    stmt(db, 'INSERT INTO sync_key_ranges (tbl, first_rid, last_rid, actor) VALUES (?, ?, ?, ?)').run(t.name, rid, rid, actor);
  }
  return { rk: key, fresh: true };
}

/** The local row a global name refers to, or undefined when this laptop has none. */
export function rowOfKey(db: Db, tbl: string, key: string): number | undefined {
  const rid = stmt<[string, string], number>(db, 'SELECT rid FROM sync_keys WHERE tbl = ? AND key = ?').pluck().get(tbl, key);
  if (rid !== undefined || !rangesTable(db)) return rid;
  const m = /^([0-9a-f]+)\.([0-9]+)$/u.exec(key);
  if (!m) return undefined;
  const n = Number(m[2]);
  if (!Number.isSafeInteger(n)) return undefined;
  // A row covered by a range but named in sync_keys (a row received from another laptop) has that name instead.
  if (rangeOf(db, tbl, n)?.actor !== m[1]) return undefined;
  return stmt(db, 'SELECT 1 FROM sync_keys WHERE tbl = ? AND rid = ?').get(tbl, n) === undefined ? n : undefined;
}

/**
 * Forgets the names of rows about to be removed with their case (its copy leaves this laptop): a
 * rid used again later gets a new name, and the case's records, if it comes back, new rows.
 */
export function forgetRowNames(db: Db, tbl: string, rids: readonly number[]): void {
  if (rids.length === 0) return;
  // SQLite gives a removed highest rid again; under the same actor that row would be named as the
  // removed record (`actor.rid`), which its case's document still holds. This connection continues
  // under a new actor (as a new session would), so no name is given twice.
  useActor(db, randomBytes(16).toString('hex'));
  for (const rid of rids) stmt(db, 'DELETE FROM sync_keys WHERE tbl = ? AND rid = ?').run(tbl, rid);
  if (!rangesTable(db)) return;
  for (const rid of rids) {
    const r = rangeOf(db, tbl, rid);
    if (!r) continue;
    // The range loses rid: it ends before it, and what followed it becomes a range of its own.
    if (r.first_rid === rid) stmt(db, 'DELETE FROM sync_key_ranges WHERE tbl = ? AND first_rid = ?').run(tbl, rid);
    else stmt(db, 'UPDATE sync_key_ranges SET last_rid = ? WHERE tbl = ? AND first_rid = ?').run(rid - 1, tbl, r.first_rid);
    if (r.last_rid > rid) stmt(db, 'INSERT INTO sync_key_ranges (tbl, first_rid, last_rid, actor) VALUES (?, ?, ?, ?)').run(tbl, rid + 1, r.last_rid, r.actor);
  }
}

/** SQL for a row's global name (sync_keys, else its range), for a local-integer table aliased `r`. */
export function keySql(t: SyncedTable): string {
  const id = `r.${t.pk[0]}`;
  return `COALESCE((SELECT k.key FROM sync_keys k WHERE k.tbl = '${t.name}' AND k.rid = ${id}),
    (SELECT g.actor || '.' || ${id} FROM sync_key_ranges g WHERE g.tbl = '${t.name}' AND g.first_rid <= ${id} AND g.last_rid >= ${id}))`;
}
