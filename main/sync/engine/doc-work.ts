// Main process or its document worker thread (plain Node). Never imports electron. Never opens the store.
// The Automerge work of building and reading whole documents, with no store in reach, so it can run
// in a worker thread (pool.ts) while the main thread writes SQL, or in this thread when there is no
// built worker (tests from source) or the batch is small. Same code either way.
import * as A from '@automerge/automerge';
import { newHandle, SyncDoc } from './docs';

/** A new document from its fields (in key order), as one change: its saved bytes and heads. */
export interface BuildJob {
  kind: 'build';
  actor: string;
  message: string;
  time: number;
  fields: [string, unknown][];
}

/** A whole stored document (a snapshot): its heads and, when no key can hold concurrent values, its fields. */
export interface ReadJob {
  kind: 'read';
  bytes: Uint8Array;
}

export type DocJob = BuildJob | ReadJob;

export type DocResult =
  | { kind: 'build'; bytes: Uint8Array; heads: string }
  | { kind: 'read'; heads: string; fields: [string, unknown][] | null }
  | { kind: 'error'; message: string };

export function buildDocBytes(job: BuildJob): { bytes: Uint8Array; heads: string } {
  const doc = new SyncDoc(newHandle(job.actor));
  try {
    doc.putNew(job.fields);
    doc.h.commit(job.message, job.time);
    return { bytes: doc.h.save(), heads: doc.heads() };
  } finally {
    doc.h.free();
  }
}

/** fields null: the document has concurrent changes (or deletions), read it on the store's side. */
export function readDocBytes(job: ReadJob): { heads: string; fields: [string, unknown][] | null } {
  const doc = new SyncDoc(newHandle(undefined));
  try {
    doc.h.loadIncremental(job.bytes);
    const fields = linearFields(doc);
    return { heads: doc.heads(), fields: fields ? [...fields] : null };
  } finally {
    doc.h.free();
  }
}

export function runDocJob(job: DocJob): DocResult {
  try {
    return job.kind === 'build' ? { kind: 'build', ...buildDocBytes(job) } : { kind: 'read', ...readDocBytes(job) };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : 'document work failed' };
  }
}

/**
 * True when the document's changes form one line (one first change, each later one depending on the
 * one before, one head). Every change was then made by a laptop that held all the earlier ones, so
 * each put replaced every value its key had: no key can hold concurrent values.
 */
export function linearHistory(doc: SyncDoc): boolean {
  if (doc.h.getHeads().length > 1) return false;
  let roots = 0;
  for (const change of doc.h.getChangesMeta([])) {
    if (change.deps.length > 1) return false;
    if (change.deps.length === 0) roots += 1;
  }
  return roots <= 1;
}

/**
 * Every field of a document with a one-line history, from Automerge's materialized root (a fraction
 * of a diff's cost: a diff builds a patch object per field); null when the history is not one line.
 */
export function linearFields(doc: SyncDoc): Map<string, unknown> | null {
  if (!linearHistory(doc)) return null;
  const fields = new Map<string, unknown>();
  const root = doc.h.materialize('_root') as Record<string, unknown>;
  for (const key of Object.keys(root)) fields.set(key, fromMaterialized(root[key]));
  return fields;
}

/** A materialized value as SQL takes it. A plain JS string there is a collaborative text object,
 * which Safehold never writes: read as null, as reading that key alone (fromRaw) does. */
export function fromMaterialized(v: unknown): unknown {
  return typeof v === 'string' ? null : fromPlain(v);
}

function fromPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  // A scalar string ('str') comes out of a diff or a materialized document as Automerge's ImmutableString.
  if (A.isImmutableString(v)) return v.val;
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (v instanceof Date) return v.toISOString();
  return null;
}
