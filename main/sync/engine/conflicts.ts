// Main process (plain Node). Never imports electron.
// What needs review, read from the document alone (so every laptop holding the same changes lists
// the same): a field with more than one concurrent value (Automerge keeps them all), and a record
// deleted on one laptop while another edited it (the deleter's fingerprint of what they saw no
// longer matches). Unique-value clashes are listed by unique.ts.
import { createHash } from 'node:crypto';
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';
import { DELETED, fieldKey, readMessage, recordPrefix, SEEN, splitKey, type SyncDoc } from './docs';
import { docCaseId, tableByName } from './tables';

/**
 * Bookkeeping columns: every save writes them, so concurrent values there are expected, not news.
 * purged_at: two administrators purging the same case at once agree on everything that matters.
 */
const NOT_REVIEWED = new Set(['updated_at', 'updated_by', 'edited_at', 'saved_at', 'saved_by', 'purged_at']);

export interface Candidate {
  value: unknown;
  actor: string;
  by: string | null;
  laptop: string | null;
  at: string | null;
}

export function conflictId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 32);
}

/** A fingerprint of a record's fields (not its delete markers), for "edited after it was deleted". */
export function fingerprint(doc: SyncDoc, table: string, rk: string, keys?: readonly string[]): string {
  const prefix = recordPrefix(table, rk);
  const own = (keys ?? doc.keys()).filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).startsWith('$')).sort();
  const body = own.map((k) => [k.slice(prefix.length), jsonable(doc.get(k))]);
  return createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
}

function jsonable(v: unknown): unknown {
  return Buffer.isBuffer(v) ? v.toString('base64') : v;
}

/** Who wrote an operation: the change holding it (by actor and op counter), read only when needed. */
type ChangeMeta = ReturnType<SyncDoc['h']['getChangesMeta']>[number];

class Authors {
  private byActor: Map<string, ChangeMeta[]> | null = null;
  constructor(private readonly doc: SyncDoc) {}

  of(opId: string): Omit<Candidate, 'value'> {
    const at = opId.indexOf('@');
    const counter = Number(opId.slice(0, at));
    const actor = opId.slice(at + 1);
    if (!this.byActor) {
      this.byActor = new Map();
      for (const meta of this.doc.h.getChangesMeta([])) {
        const list = this.byActor.get(meta.actor) ?? [];
        list.push(meta);
        this.byActor.set(meta.actor, list);
      }
    }
    const change = (this.byActor.get(actor) ?? []).find((m) => m.startOp <= counter && counter <= m.maxOp);
    if (!change) return { actor, by: null, laptop: null, at: null };
    const message = readMessage(change.message);
    return { actor, by: message.by, laptop: message.l, at: change.time ? new Date(change.time * 1000).toISOString() : null };
  }
}

function upsertConflict(
  db: Db,
  row: { id: string; docId: string; table: string; rk: string; col: string | null; kind: 'values' | 'edit-on-deleted'; shown: unknown; candidates: Candidate[] },
): void {
  stmt(
    db,
    `INSERT INTO sync_conflicts (id, doc_id, client_id, tbl, rk, col, kind, shown, candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET shown = excluded.shown, candidates = excluded.candidates, kind = excluded.kind`,
  ).run(row.id, row.docId, docCaseId(row.docId), row.table, row.rk, row.col, row.kind, JSON.stringify(jsonable(row.shown)), JSON.stringify(row.candidates));
}

/** Re-checks the given field keys and records of one document. */
export function scanConflicts(db: Db, docId: string, doc: SyncDoc, fieldKeys: Iterable<string>, allKeys?: readonly string[]): void {
  const authors = new Authors(doc);
  // Nothing listed for this document yet: only new conflicts can appear, no row needs removing.
  const listed = stmt(db, "SELECT 1 FROM sync_conflicts WHERE doc_id = ? AND kind != 'duplicate' LIMIT 1").get(docId) !== undefined;
  const records = new Map<string, { table: string; rk: string }>();
  for (const key of fieldKeys) {
    const parts = splitKey(key);
    if (!parts || !tableByName.has(parts.table)) continue;
    records.set(recordPrefix(parts.table, parts.rk), { table: parts.table, rk: parts.rk });
    if (parts.col.startsWith('$') || NOT_REVIEWED.has(parts.col)) continue;
    const all = doc.all(key);
    if (all.length < 2 && !listed) continue;
    const id = conflictId(docId, key);
    const candidates = all
      .sort((a, b) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0))
      .map(({ opId, value }) => ({ value: jsonable(value), ...authors.of(opId) }));
    const distinct = new Set(candidates.map((c) => JSON.stringify(c.value)));
    if (distinct.size > 1) {
      upsertConflict(db, { id, docId, table: parts.table, rk: parts.rk, col: parts.col, kind: 'values', shown: doc.get(key), candidates });
    } else {
      stmt(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(id);
    }
  }
  for (const { table, rk } of records.values()) {
    const deletedKey = fieldKey(table, rk, DELETED);
    const deleted = doc.get(deletedKey) !== null;
    if (!deleted && !listed) continue;
    const id = conflictId(docId, table, rk, DELETED);
    const seen = doc.get(fieldKey(table, rk, SEEN));
    if (deleted && seen !== fingerprint(doc, table, rk, allKeys)) {
      const candidates = doc
        .all(deletedKey)
        .map((d) => d.opId)
        .sort()
        .map((opId) => ({ value: 'deleted', ...authors.of(opId) }));
      upsertConflict(db, { id, docId, table, rk, col: null, kind: 'edit-on-deleted', shown: 'deleted', candidates });
    } else {
      stmt(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(id);
    }
  }
}

/** Every field of the document, from scratch (after a snapshot is loaded). One pass over the
 * document (`all`, from allFields) marks the keys holding concurrent values; only those, and delete
 * markers, are read again. */
export function scanAllConflicts(db: Db, docId: string, doc: SyncDoc, all: { fields: ReadonlyMap<string, unknown>; conflicted: readonly string[] }): void {
  stmt(db, "DELETE FROM sync_conflicts WHERE doc_id = ? AND kind != 'duplicate'").run(docId);
  const keys = [...all.fields.keys()];
  const check = [...all.conflicted, ...keys.filter((k) => k.endsWith(DELETED))];
  if (check.length > 0) scanConflicts(db, docId, doc, check, keys);
}
