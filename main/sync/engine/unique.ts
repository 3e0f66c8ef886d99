// Main process (plain Node). Never imports electron.
// Unique values two laptops gave to different records (a case number from an old store, a staff
// name). Never an error that stops a sync: of the records that want the value, the one with the
// smallest key holds it and the others are shown under a marked value ("SH-2026-0042~3fa2c1d0")
// and listed for review. Depends only on which records want which value, so every laptop ends the
// same whatever order the changes came in.
import { createHash } from 'node:crypto';
import type { Db } from '../../store/open';
import { rebuildDerived } from '../../store/repos/derived';
import { stmt } from '../../store/repos/statements';
import { US } from './docs';
import type { SyncedTable } from './tables';

export function markedValue(wanted: string, rk: string): string {
  return `${wanted}~${createHash('sha256').update(rk).digest('hex').slice(0, 8)}`;
}

export interface UniqueSet {
  cols: readonly string[];
  /** The column that carries the mark (the last one). */
  col: string;
}

export function uniqueSets(t: SyncedTable): UniqueSet[] {
  return (t.unique ?? []).map((cols) => ({ cols, col: cols.at(-1)! }));
}

function pkWhere(t: SyncedTable): string {
  return t.pk.map((c) => `${c} = ?`).join(' AND ');
}

export function rkOfRow(t: SyncedTable, row: Record<string, unknown>): string {
  return t.pk.map((c) => String(row[c])).join(US);
}

/** The value key of a unique set, or null when a column is null (SQL NULLs never clash). */
export function wantedKey(values: readonly unknown[]): string | null {
  return values.some((v) => v === null || v === undefined) ? null : JSON.stringify(values);
}

function clashId(t: SyncedTable, rk: string, col: string): string {
  return createHash('sha256').update(`dup${US}${t.name}${US}${rk}${US}${col}`).digest('hex').slice(0, 32);
}

export function getClash(db: Db, t: SyncedTable, rk: string, col: string): string | undefined {
  return stmt<[string, string, string], string>(db, 'SELECT wanted FROM sync_unique_clash WHERE tbl = ? AND pk = ? AND col = ?')
    .pluck()
    .get(t.name, rk, col);
}

function addClash(db: Db, t: SyncedTable, rk: string, col: string, wanted: string, docId: string, clientId: string | null, marked: string): void {
  stmt(
    db,
    'INSERT INTO sync_unique_clash (tbl, pk, col, wanted, doc_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tbl, pk, col) DO UPDATE SET wanted = excluded.wanted, doc_id = excluded.doc_id',
  ).run(t.name, rk, col, wanted, docId);
  const last = (JSON.parse(wanted) as unknown[]).at(-1);
  stmt(
    db,
    `INSERT INTO sync_conflicts (id, doc_id, client_id, tbl, rk, col, kind, shown, candidates) VALUES (?, ?, ?, ?, ?, ?, 'duplicate', ?, ?)
     ON CONFLICT (id) DO UPDATE SET shown = excluded.shown, candidates = excluded.candidates, doc_id = excluded.doc_id, client_id = excluded.client_id`,
  ).run(clashId(t, rk, col), docId, clientId, t.name, rk, col, JSON.stringify(marked), JSON.stringify([{ value: last }]));
}

export function removeClash(db: Db, t: SyncedTable, rk: string, col: string): void {
  stmt(db, 'DELETE FROM sync_unique_clash WHERE tbl = ? AND pk = ? AND col = ?').run(t.name, rk, col);
  stmt(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(clashId(t, rk, col));
}

function pkValues(t: SyncedTable, rk: string, pkInteger: boolean[]): unknown[] {
  return rk.split(US).map((p, i) => (pkInteger[i] ? Number(p) : p));
}

/**
 * Decides the value a record is written with for one unique set: the wanted one when this record
 * has the smallest key among those wanting it (moving the current holder, if any, to a marked
 * value), the marked one otherwise. Returns the value to write into the set's last column.
 */
export function settleUnique(
  db: Db,
  t: SyncedTable,
  u: UniqueSet,
  rk: string,
  wanted: readonly unknown[],
  docId: string,
  clientId: string | null,
  pkInteger: boolean[],
): unknown {
  const key = wantedKey(wanted);
  const last = wanted.at(-1);
  if (key === null) {
    removeClash(db, t, rk, u.col);
    return last;
  }
  const where = u.cols.map((c) => `${c} = ?`).join(' AND ');
  const holders = stmt<unknown[], Record<string, unknown>>(db, `SELECT ${t.pk.join(', ')} FROM ${t.name} WHERE ${where}`)
    .all(...wanted)
    .map((r) => rkOfRow(t, r))
    .filter((h) => h !== rk);
  const wanters = stmt<[string, string, string, string], string>(db, 'SELECT pk FROM sync_unique_clash WHERE tbl = ? AND col = ? AND wanted = ? AND pk != ?')
    .pluck()
    .all(t.name, u.col, key, rk);
  const smallest = [...holders, ...wanters].every((other) => rk < other);
  if (!smallest) {
    const marked = markedValue(String(last), rk);
    addClash(db, t, rk, u.col, key, docId, clientId, marked);
    return marked;
  }
  for (const holder of holders) {
    const marked = markedValue(String(last), holder);
    stmt(db, `UPDATE ${t.name} SET ${u.col} = ? WHERE ${pkWhere(t)}`).run(marked, ...pkValues(t, holder, pkInteger));
    const holderDoc = holderDocId(db, t, holder, pkInteger) ?? docId;
    const holderCase = holderDoc.startsWith('case:') ? holderDoc.slice(5) : null;
    addClash(db, t, holder, u.col, key, holderDoc, holderCase, marked);
    // The moved record's search terms carry its number.
    if (holderCase !== null) rebuildDerived(db, holderCase);
  }
  removeClash(db, t, rk, u.col);
  return last;
}

function holderDocId(db: Db, t: SyncedTable, rk: string, pkInteger: boolean[]): string | null {
  if (t.doc.kind === 'agency') return t.doc.doc;
  const expr = t.doc.expr.replaceAll('R.', 'r.');
  const id = stmt<unknown[], string | null>(db, `SELECT ${expr} FROM ${t.name} r WHERE ${t.pk.map((c) => `r.${c} = ?`).join(' AND ')}`)
    .pluck()
    .get(...pkValues(t, rk, pkInteger));
  return id ? `case:${id}` : null;
}

/** A value no longer wanted by its holder goes to the record with the smallest key still wanting it. */
export function releaseUnique(db: Db, t: SyncedTable, u: UniqueSet, wanted: readonly unknown[], pkInteger: boolean[]): void {
  const key = wantedKey(wanted);
  if (key === null) return;
  const where = u.cols.map((c) => `${c} = ?`).join(' AND ');
  if (stmt(db, `SELECT 1 FROM ${t.name} WHERE ${where}`).get(...wanted) !== undefined) return;
  const next = stmt<[string, string, string], string>(db, 'SELECT pk FROM sync_unique_clash WHERE tbl = ? AND col = ? AND wanted = ? ORDER BY pk LIMIT 1')
    .pluck()
    .get(t.name, u.col, key);
  if (next === undefined) return;
  const docId = stmt<[string, string, string], string>(db, 'SELECT doc_id FROM sync_unique_clash WHERE tbl = ? AND pk = ? AND col = ?').pluck().get(t.name, next, u.col);
  stmt(db, `UPDATE ${t.name} SET ${u.col} = ? WHERE ${pkWhere(t)}`).run(wanted.at(-1), ...pkValues(t, next, pkInteger));
  removeClash(db, t, next, u.col);
  if (docId?.startsWith('case:')) rebuildDerived(db, docId.slice(5));
}
