// Main process (plain Node). Never imports electron.
// Local writes -> document changes. Handlers write plain SQL; the triggers note each written row;
// before the transaction commits, each noted row is compared with its document and only the fields
// that differ become operations (one Automerge change per document), which go to the outbox and the
// saved document in the same transaction. A removed row becomes a delete marker plus a fingerprint
// of what this laptop saw, so a concurrent edit elsewhere is flagged instead of lost.
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';
import { scanConflicts, fingerprint } from './conflicts';
import { actorOf, appendOutbox, changeMessage, DELETED, fieldKey, fromRaw, getMeta, loadDocState, recordPrefix, SEEN, sameValue, storeDoc, US, type SyncDoc } from './docs';
import { nameLocalRow } from './keys';
import { quietly } from './project';
import { isLocalSetting, tableByName, tableShape, type SyncedTable } from './tables';
import { getClash, markedValue, releaseUnique, removeClash, uniqueSets } from './unique';

interface Dirty {
  tbl: string;
  pk: string;
  doc_id: string | null;
}

/**
 * The record key of a row: its primary key, or for a local integer key the row's global name.
 * `fresh`: a name given just now, which no document can hold yet (the record is new).
 */
function recordKey(db: Db, t: SyncedTable, pk: unknown[], actor: string, exists: boolean): { rk: string; fresh: boolean } | null {
  if (!t.localIntegerKey) return { rk: pk.map(String).join(US), fresh: false };
  return nameLocalRow(db, t, Number(pk[0]), actor, exists);
}

interface Write {
  t: SyncedTable;
  rk: string;
  /** The record's name was given just now: the document has none of its fields. */
  fresh: boolean;
  row: Record<string, unknown> | undefined;
}

/**
 * Turns the rows this laptop wrote since the last call into document changes. Call inside the
 * writing transaction (the dispatcher does, for every write). Returns the number of changes made.
 */
export function flushLocalWrites(db: Db, by: string | null): number {
  const dirty = stmt<[], Dirty>(db, 'SELECT tbl, pk, doc_id FROM sync_dirty').all();
  if (dirty.length === 0) return 0;
  stmt(db, 'DELETE FROM sync_dirty').run();
  if (getMeta(db, 'enabled') !== '1') return 0;
  const actor = actorOf(db);
  const laptop = getMeta(db, 'laptop');
  const byDoc = new Map<string, Write[]>();
  for (const d of dirty) {
    const t = tableByName.get(d.tbl);
    // A row whose case could not be named (its parent was removed first) has nowhere to go.
    if (!t || d.doc_id === null) continue;
    const pk = JSON.parse(d.pk) as unknown[];
    if (t.name === 'settings' && isLocalSetting(String(pk[0]))) continue;
    const where = t.pk.map((c) => `${c} = ?`).join(' AND ');
    const row = stmt<unknown[], Record<string, unknown>>(db, `SELECT * FROM ${t.name} WHERE ${where}`).get(...pk);
    const named = recordKey(db, t, pk, actor, row !== undefined);
    if (named === null) continue;
    const list = byDoc.get(d.doc_id) ?? [];
    list.push({ t, rk: named.rk, fresh: named.fresh, row });
    byDoc.set(d.doc_id, list);
  }
  let made = 0;
  const at = new Date();
  for (const [docId, writes] of byDoc) {
    const { doc, stored } = loadDocState(db, docId);
    const after = stored?.heads ?? '';
    const touched: string[] = [];
    const releases: (() => void)[] = [];
    try {
      for (const w of writes) touched.push(...writeRecord(db, doc, w, at, releases));
    } catch (error) {
      doc.h.rollback();
      throw error;
    }
    if (!doc.commit(changeMessage(by, laptop))) continue;
    const change = doc.lastLocalChange();
    appendOutbox(db, docId, change);
    storeDoc(db, docId, doc, true, { after, change, heads: doc.committed!, stored });
    if (releases.length > 0) {
      quietly(db, () => {
        for (const release of releases) release();
      });
    }
    // A local write follows every value this laptop knows of, so it can only settle conflicts: there
    // is nothing to look at when the document has none listed.
    if (stmt(db, 'SELECT 1 FROM sync_conflicts WHERE doc_id = ? LIMIT 1').get(docId) !== undefined) scanConflicts(db, docId, doc, touched);
    made += 1;
  }
  return made;
}

function writeRecord(db: Db, d: SyncDoc, w: Write, at: Date, releases: (() => void)[]): string[] {
  const { t, rk, row } = w;
  const touched: string[] = [];
  const set = (col: string, value: unknown) => {
    const key = fieldKey(t.name, rk, col);
    d.put(key, value);
    touched.push(key);
  };
  const shape = tableShape(db, t);
  const delKey = fieldKey(t.name, rk, DELETED);
  if (row === undefined) {
    const known = shape.columns.some((c) => d.has(fieldKey(t.name, rk, c)));
    if (!known || d.get(delKey) !== null) return touched;
    set(SEEN, fingerprint(d, t.name, rk));
    set(DELETED, at.toISOString());
    for (const u of uniqueSets(t)) {
      const marked = getClash(db, t, rk, u.col) !== undefined;
      removeClash(db, t, rk, u.col);
      const wanted = u.cols.map((c) => (t.pk.includes(c) ? rk.split(US)[t.pk.indexOf(c)] : d.get(fieldKey(t.name, rk, c))));
      if (!marked) releases.push(() => releaseUnique(db, t, u, wanted, shape.pkInteger));
    }
    return touched;
  }
  const clashes = new Map<string, string>();
  for (const u of uniqueSets(t)) {
    const wanted = getClash(db, t, rk, u.col);
    if (wanted !== undefined) clashes.set(u.col, wanted);
  }
  // A null is never written into a field the document does not have where the column's default is
  // null: an absent field projects as that default (and is left alone on an existing row), so it
  // already reads as null everywhere. A new record always gets one field, so it is never empty.
  const held = w.fresh ? shape.columns.map(() => null) : shape.columns.map((c) => d.h.getWithType('_root', fieldKey(t.name, rk, c)));
  const fresh = held.every((raw) => raw === null);
  const anyValue = shape.columns.some((c) => row[c] !== null && row[c] !== undefined);
  for (const [i, col] of shape.columns.entries()) {
    let value = row[col];
    const raw = held[i]!;
    if ((value === null || value === undefined) && shape.nullByDefault.has(col) && (anyValue || !fresh) && raw === null) continue;
    const clash = clashes.get(col);
    if (clash !== undefined) {
      const wanted = (JSON.parse(clash) as unknown[]).at(-1);
      // The row shows the marked value; the document keeps the wanted one until someone edits it.
      if (value === markedValue(String(wanted), rk)) value = wanted;
      else removeClash(db, t, rk, col);
    }
    const had = raw === null ? undefined : fromRaw(raw);
    if (had !== undefined && sameValue(had, value)) continue;
    if (had !== undefined && clash === undefined) {
      const u = uniqueSets(t).find((s) => s.col === col);
      if (u) {
        const old = u.cols.map((c) => (c === col ? had : t.pk.includes(c) ? rk.split(US)[t.pk.indexOf(c)] : d.get(fieldKey(t.name, rk, c))));
        releases.push(() => releaseUnique(db, t, u, old, shape.pkInteger));
      }
    }
    set(col, value);
  }
  if (!w.fresh && d.get(delKey) !== null) set(DELETED, null);
  return touched;
}

export { recordPrefix };
