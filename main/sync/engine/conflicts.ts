// Main process (plain Node). Never imports electron.
// What needs review, read from the document alone (so every laptop holding the same changes lists
// the same): a field with more than one concurrent value (Automerge keeps them all), and a record
// deleted on one laptop while another edited it (the deleter's fingerprint of what they saw no
// longer matches). Unique-value clashes are listed by unique.ts.
import { createHash } from 'node:crypto';
import * as A from '@automerge/automerge';
import type { Db } from '../../store/open';
import { stmt } from '../../store/repos/statements';
import { DELETED, fieldKey, fromDocValue, readMessage, recordPrefix, SEEN, splitKey, type SyncDoc } from './docs';
import { docCaseId, tableByName } from './tables';

/** Bookkeeping columns: every save writes them, so concurrent values there are expected, not news. */
const NOT_REVIEWED = new Set(['updated_at', 'updated_by', 'edited_at', 'saved_at', 'saved_by']);

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
export function fingerprint(doc: A.Doc<SyncDoc>, table: string, rk: string, keys?: readonly string[]): string {
  const prefix = recordPrefix(table, rk);
  const own = (keys ?? Object.keys(doc)).filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).startsWith('$')).sort();
  const body = own.map((k) => [k.slice(prefix.length), jsonable(fromDocValue(doc[k]))]);
  return createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
}

function jsonable(v: unknown): unknown {
  return Buffer.isBuffer(v) ? v.toString('base64') : v;
}

/** Who wrote an operation: the change holding it (by actor and op counter), read only when needed. */
class Authors {
  private byActor: Map<string, A.ChangeMetadata[]> | null = null;
  constructor(private readonly doc: A.Doc<SyncDoc>) {}

  of(opId: string): Omit<Candidate, 'value'> {
    const at = opId.indexOf('@');
    const counter = Number(opId.slice(0, at));
    const actor = opId.slice(at + 1);
    if (!this.byActor) {
      this.byActor = new Map();
      for (const meta of A.getChangesMetaSince(this.doc, [])) {
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
export function scanConflicts(db: Db, docId: string, doc: A.Doc<SyncDoc>, fieldKeys: Iterable<string>, allKeys?: readonly string[]): void {
  const authors = new Authors(doc);
  const records = new Map<string, { table: string; rk: string }>();
  for (const key of fieldKeys) {
    const parts = splitKey(key);
    if (!parts || !tableByName.has(parts.table)) continue;
    records.set(recordPrefix(parts.table, parts.rk), { table: parts.table, rk: parts.rk });
    if (parts.col.startsWith('$') || NOT_REVIEWED.has(parts.col)) continue;
    const id = conflictId(docId, key);
    const all = A.getConflicts(doc, key);
    const candidates = all
      ? Object.entries(all)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([opId, value]) => ({ value: jsonable(fromDocValue(value)), ...authors.of(opId) }))
      : [];
    const distinct = new Set(candidates.map((c) => JSON.stringify(c.value)));
    if (distinct.size > 1) {
      upsertConflict(db, { id, docId, table: parts.table, rk: parts.rk, col: parts.col, kind: 'values', shown: fromDocValue(doc[key]), candidates });
    } else {
      stmt(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(id);
    }
  }
  for (const { table, rk } of records.values()) {
    const id = conflictId(docId, table, rk, DELETED);
    const deletedKey = fieldKey(table, rk, DELETED);
    const deleted = fromDocValue(doc[deletedKey]) !== null;
    const seen = fromDocValue(doc[fieldKey(table, rk, SEEN)]);
    if (deleted && seen !== fingerprint(doc, table, rk, allKeys)) {
      const deleters = A.getConflicts(doc, deletedKey) ?? {};
      const candidates = Object.keys(deleters)
        .sort()
        .map((opId) => ({ value: 'deleted', ...authors.of(opId) }));
      upsertConflict(db, { id, docId, table, rk, col: null, kind: 'edit-on-deleted', shown: 'deleted', candidates });
    } else {
      stmt(db, 'DELETE FROM sync_conflicts WHERE id = ?').run(id);
    }
  }
}

/** Every field of the document, from scratch (after a snapshot is loaded). */
export function scanAllConflicts(db: Db, docId: string, doc: A.Doc<SyncDoc>): void {
  stmt(db, "DELETE FROM sync_conflicts WHERE doc_id = ? AND kind != 'duplicate'").run(docId);
  const keys = Object.keys(doc);
  scanConflicts(db, docId, doc, keys, keys);
}
