// Main process (plain Node). Never imports electron.
// Document -> SQL rows (the read model handlers, search and reports use). A record's row is a pure
// function of the document (plus, for unique values, of which records want them), so laptops holding
// the same changes hold the same rows. Runs with the triggers quiet. A row that cannot be written yet
// (it refers to a record from another document that has not arrived) is retried later, never lost:
// the document keeps it.
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';
import { fromMaterialized, linearFields } from './doc-work';
import { DELETED, fieldKey, fromRaw, recordPrefix, splitKey, US, type SyncDoc } from './docs';
import { rowOfKey } from './keys';
import { docCaseId, isLocalSetting, syncedTables, tableByName, tableShape, type SyncedTable } from './tables';
import { getClash, releaseUnique, settleUnique, uniqueSets } from './unique';

export function setApplying(db: Db, on: boolean): void {
  stmt(db, 'UPDATE sync_state SET applying = ? WHERE id = 1').run(on ? 1 : 0);
}

/** Runs fn with the triggers quiet, restoring the previous state after. */
export function quietly<T>(db: Db, fn: () => T): T {
  const before = stmt<[], number>(db, 'SELECT applying FROM sync_state WHERE id = 1').pluck().get();
  if (before === 1) return fn();
  setApplying(db, true);
  try {
    return fn();
  } finally {
    setApplying(db, false);
  }
}

export function pkValuesOf(db: Db, t: SyncedTable, rk: string): unknown[] | null {
  if (t.localIntegerKey) {
    const rid = rowOfKey(db, t.name, rk);
    return rid === undefined ? null : [rid];
  }
  const { pkInteger } = tableShape(db, t);
  const parts = rk.split(US);
  return parts.map((p, i) => (pkInteger[i] ? Number(p) : p));
}

export type Outcome = 'written' | 'deleted' | 'absent' | 'waiting';

function isConstraint(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Every field of a document read in one pass (Automerge's diff from the empty document), as SQL takes
 * the values; a key that is absent is not in the map. Reading key by key costs a call into the
 * engine per field, which is most of a whole-document projection.
 */
export type Fields = ReadonlyMap<string, unknown>;

export function allFields(doc: SyncDoc): { fields: Map<string, unknown>; conflicted: string[] } {
  // No two changes concurrent: no key holds more than one value, and the materialized root is cheaper.
  const fields = linearFields(doc);
  if (fields) return { fields, conflicted: [] };
  return allFieldsByDiff(doc);
}

function allFieldsByDiff(doc: SyncDoc): { fields: Map<string, unknown>; conflicted: string[] } {
  const fields = new Map<string, unknown>();
  const conflicted: string[] = [];
  for (const p of doc.h.diff([], doc.h.getHeads()) as { action: string; path: unknown[]; value?: unknown; conflict?: boolean }[]) {
    if (p.action !== 'put' || p.path.length !== 1) continue;
    const key = String(p.path[0]);
    fields.set(key, fromMaterialized(p.value));
    if (p.conflict === true) conflicted.push(key);
  }
  return { fields, conflicted };
}

function readField(doc: SyncDoc | null, fields: Fields | undefined, key: string): { present: boolean; value: unknown } {
  if (fields) return fields.has(key) ? { present: true, value: fields.get(key) } : { present: false, value: null };
  const raw = doc!.h.getWithType('_root', key);
  return raw === null ? { present: false, value: null } : { present: true, value: fromRaw(raw) };
}

/**
 * Writes (or removes) one record's row from the document (its fields read from `fields` when given).
 * guarded: inside its own savepoint, a row that cannot be written yet is 'waiting'; unguarded (the
 * caller holds a savepoint around many records), the constraint error is thrown to the caller.
 */
export function projectRecord(db: Db, docId: string, doc: SyncDoc | null, t: SyncedTable, rk: string, fields?: Fields, guarded = true): Outcome {
  if (t.name === 'settings' && isLocalSetting(rk)) return 'absent';
  const shape = tableShape(db, t);
  const present: string[] = [];
  const values: Record<string, unknown> = {};
  for (const col of shape.columns) {
    const f = readField(doc, fields, fieldKey(t.name, rk, col));
    if (f.present) {
      present.push(col);
      values[col] = f.value;
    }
  }
  const deleted = readField(doc, fields, fieldKey(t.name, rk, DELETED)).value !== null;
  let pk = pkValuesOf(db, t, rk);
  const where = t.pk.map((c) => `${c} = ?`).join(' AND ');
  const sets = uniqueSets(t);

  // Unique values the row holds now, to hand on if it stops wanting them.
  const before = pk && sets.length > 0 ? stmt<unknown[], Record<string, unknown>>(db, `SELECT * FROM ${t.name} WHERE ${where}`).get(...pk) : undefined;

  if (deleted || present.length === 0) {
    if (pk) stmt(db, `DELETE FROM ${t.name} WHERE ${where}`).run(...pk);
    for (const u of sets) {
      const wasMarked = getClash(db, t, rk, u.col) !== undefined;
      removeClashFor(db, t, rk, u.col);
      if (before && !wasMarked) releaseUnique(db, t, u, u.cols.map((c) => before[c]), shape.pkInteger);
    }
    return deleted ? 'deleted' : 'absent';
  }

  const releases: { u: (typeof sets)[number]; wanted: unknown[] }[] = [];
  if (guarded) stmt(db, 'SAVEPOINT sync_row').run();
  try {
    for (const u of sets) {
      if (!u.cols.every((c) => present.includes(c) || t.pk.includes(c))) continue;
      const wanted = u.cols.map((c) => (t.pk.includes(c) ? pk?.[t.pk.indexOf(c)] : values[c]));
      const wasMarked = getClash(db, t, rk, u.col);
      const heldBefore = before && wasMarked === undefined ? u.cols.map((c) => before[c]) : null;
      values[u.col] = settleUnique(db, t, u, rk, wanted, docId, docCaseId(docId), shape.pkInteger);
      if (heldBefore && JSON.stringify(heldBefore) !== JSON.stringify(wanted)) {
        // Written below with the new value first, then the old one is handed on.
        releases.push({ u, wanted: heldBefore });
      }
    }
    if (t.localIntegerKey) {
      const cols = present;
      let changed = 0;
      if (pk) {
        changed = stmt(db, `UPDATE ${t.name} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${t.pk[0]} = @__rid`).run({ ...values, __rid: pk[0] }).changes;
      }
      if (changed === 0) {
        const info = stmt(db, `INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(values);
        const rid = Number(info.lastInsertRowid);
        stmt(db, 'INSERT INTO sync_keys (tbl, rid, key) VALUES (?, ?, ?) ON CONFLICT (tbl, rid) DO UPDATE SET key = excluded.key').run(t.name, rid, rk);
        pk = [rid];
      }
    } else {
      const cols = [...t.pk, ...present];
      const row: Record<string, unknown> = { ...values };
      t.pk.forEach((c, i) => (row[c] = pk![i]));
      const update = present.length > 0 ? `DO UPDATE SET ${present.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'DO NOTHING';
      stmt(db, `INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ON CONFLICT (${t.pk.join(', ')}) ${update}`).run(row);
    }
    for (const r of releases) releaseUnique(db, t, r.u, r.wanted, shape.pkInteger);
    if (guarded) stmt(db, 'RELEASE sync_row').run();
    return 'written';
  } catch (error) {
    if (!guarded) throw error;
    stmt(db, 'ROLLBACK TO sync_row').run();
    stmt(db, 'RELEASE sync_row').run();
    if (isConstraint(error)) return 'waiting';
    throw error;
  }
}

function removeClashFor(db: Db, t: SyncedTable, rk: string, col: string): void {
  stmt(db, 'DELETE FROM sync_unique_clash WHERE tbl = ? AND pk = ? AND col = ?').run(t.name, rk, col);
  stmt(db, "DELETE FROM sync_conflicts WHERE kind = 'duplicate' AND tbl = ? AND rk = ? AND col = ?").run(t.name, rk, col);
}

/** Every record of the document, grouped by table, as "table -> record keys". */
export function recordsOf(doc: SyncDoc | null, keys: Iterable<string> = doc!.keys()): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const parts = splitKey(key);
    if (!parts) continue;
    let set = out.get(parts.table);
    if (!set) out.set(parts.table, (set = new Set()));
    set.add(parts.rk);
  }
  return out;
}

/**
 * Writes the given records (all of the document's when `only` is omitted), parents first, removals
 * children first. Returns whether every row could be written.
 */
export function projectRecords(db: Db, docId: string, doc: SyncDoc | null, only?: Map<string, Set<string>>, fields?: Fields): boolean {
  const records = only ?? recordsOf(doc, fields?.keys());
  const writes: [SyncedTable, string][] = [];
  const removals: [SyncedTable, string][] = [];
  for (const t of syncedTables) {
    const rks = records.get(t.name);
    if (!rks) continue;
    for (const rk of [...rks].sort()) {
      if (readField(doc, fields, fieldKey(t.name, rk, DELETED)).value !== null) removals.push([t, rk]);
      else writes.push([t, rk]);
    }
  }
  removals.reverse();
  // Usually every row can be written: all of them under one savepoint. If one cannot (it refers to a
  // record not here yet), that is undone and each row is written under its own, as below.
  if (writes.length + removals.length > 1) {
    stmt(db, 'SAVEPOINT sync_rows').run();
    try {
      for (const [t, rk] of [...writes, ...removals]) projectRecord(db, docId, doc, t, rk, fields, false);
      stmt(db, 'RELEASE sync_rows').run();
      return true;
    } catch (error) {
      stmt(db, 'ROLLBACK TO sync_rows').run();
      stmt(db, 'RELEASE sync_rows').run();
      if (!isConstraint(error)) throw error;
    }
  }
  let complete = true;
  for (const [t, rk] of writes) if (projectRecord(db, docId, doc, t, rk, fields) === 'waiting') complete = false;
  for (const [t, rk] of removals) projectRecord(db, docId, doc, t, rk, fields);
  return complete;
}

/** Removes rows of an agency document's tables that the document does not hold (a joining laptop's own seed rows). */
export function pruneAgencyRows(db: Db, docId: string, doc: SyncDoc): void {
  const records = recordsOf(doc);
  for (const t of [...syncedTables].reverse()) {
    if (t.doc.kind !== 'agency' || t.doc.doc !== docId || t.localIntegerKey) continue;
    const held = records.get(t.name) ?? new Set<string>();
    const rows = stmt<[], Record<string, unknown>>(db, `SELECT ${t.pk.join(', ')} FROM ${t.name}`).all();
    for (const row of rows) {
      const rk = t.pk.map((c) => String(row[c])).join(US);
      if (held.has(rk) || (t.name === 'settings' && isLocalSetting(rk))) continue;
      db.exec('SAVEPOINT sync_prune');
      try {
        stmt(db, `DELETE FROM ${t.name} WHERE ${t.pk.map((c) => `${c} = ?`).join(' AND ')}`).run(...t.pk.map((c) => row[c]));
        db.exec('RELEASE sync_prune');
      } catch (error) {
        db.exec('ROLLBACK TO sync_prune');
        db.exec('RELEASE sync_prune');
        if (!isConstraint(error)) throw error;
      }
    }
  }
}

export { recordPrefix, tableByName };
