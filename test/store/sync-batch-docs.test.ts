// The fast paths of team creation and snapshot loading give exactly what the slow ones gave:
// a new document built by one batch insert (putNew) holds the same operations, types and saved bytes
// as one put per field; a whole document read from its materialized root (no concurrent changes)
// holds the same fields as a diff, and a document with concurrent changes still lists its conflicts.
import { describe, expect, it } from 'vitest';
import * as A from '@automerge/automerge';
import { fieldKey, newHandle, SyncDoc } from '../../main/sync/engine/docs';
import { allFields } from '../../main/sync/engine/project';

const ACTOR = '0123456789abcdef0123456789abcdef';
const VALUES: unknown[] = [
  'text',
  '',
  null,
  0,
  -0,
  1,
  -7,
  30,
  2 ** 31,
  2 ** 53 - 1,
  -(2 ** 53 - 1),
  2 ** 60,
  1.5,
  -0.25,
  Buffer.from([1, 2, 3]),
  7n,
  -3n,
  { json: true },
];
const fields = VALUES.map((v, i) => [fieldKey('services', `r${String(i).padStart(2, '0')}`, 'v'), v] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));

function typed(doc: SyncDoc): string[] {
  return fields.map(([key]) => JSON.stringify(doc.h.getWithType('_root', key), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
}

describe('batch-built documents', () => {
  it('hold the same typed values and save to the same bytes as one put per field', () => {
    const slow = new SyncDoc(newHandle(ACTOR));
    for (const [key, value] of fields) slow.put(key, value);
    slow.h.commit('m', 1_700_000_000);
    const fast = new SyncDoc(newHandle(ACTOR));
    fast.putNew(fields);
    fast.h.commit('m', 1_700_000_000);
    expect(typed(fast)).toEqual(typed(slow));
    // Zero and negative integers stay integers (a plain number there would be stored as a float).
    expect(fast.h.getWithType('_root', fields.find(([, v]) => v === 0)![0])).toEqual(['int', 0]);
    expect(fast.h.getWithType('_root', fields.find(([, v]) => v === -7)![0])).toEqual(['int', -7]);
    // Without an out-of-range integer (put on its own after the batch), the bytes are the same.
    const inRange = fields.filter(([, v]) => v !== 2 ** 60);
    const a = new SyncDoc(newHandle(ACTOR));
    for (const [key, value] of inRange) a.put(key, value);
    a.h.commit('m', 1_700_000_000);
    const b = new SyncDoc(newHandle(ACTOR));
    b.putNew(inRange);
    b.h.commit('m', 1_700_000_000);
    expect(Buffer.from(b.h.save()).equals(Buffer.from(a.h.save()))).toBe(true);
  });
});

function byDiff(doc: SyncDoc): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const p of doc.h.diff([], doc.h.getHeads()) as { action: string; path: unknown[]; value?: unknown }[]) {
    if (p.action !== 'put' || p.path.length !== 1) continue;
    const v = p.value;
    out.set(String(p.path[0]), A.isImmutableString(v) ? v.val : v instanceof Uint8Array ? Buffer.from(v) : typeof v === 'string' ? null : v);
  }
  return out;
}

describe('reading a whole document', () => {
  it('gives the same fields as a diff for a document edited in one line of changes', () => {
    const doc = new SyncDoc(newHandle(ACTOR));
    doc.putNew(fields.filter(([, v]) => v !== 2 ** 60));
    doc.h.commit('m', 1);
    doc.put(fields[0]![0], 'later');
    doc.put(fieldKey('clients', 'c1', '$del'), null);
    doc.h.commit('m', 2);
    // A collaborative text object (never written by Safehold) reads as null, as a single-key read does.
    doc.h.putObject('_root', fieldKey('notes', 'n1', 'body'), 'typed text');
    doc.h.commit('m', 3);
    const all = allFields(doc);
    expect(all.conflicted).toEqual([]);
    expect([...all.fields.entries()].sort()).toEqual([...byDiff(doc).entries()].sort());
    expect(all.fields.get(fields[0]![0])).toBe('later');
    expect(all.fields.get(fieldKey('notes', 'n1', 'body'))).toBeNull();
  });

  it('still lists the fields two laptops changed at once', () => {
    const a = new SyncDoc(newHandle('aa'.repeat(16)));
    a.putNew([[fieldKey('clients', 'c1', 'pronouns'), 'she']]);
    a.h.commit('m', 1);
    const b = new SyncDoc(a.h.clone('bb'.repeat(16)));
    b.put(fieldKey('clients', 'c1', 'pronouns'), 'they');
    b.h.commit('m', 2);
    a.put(fieldKey('clients', 'c1', 'pronouns'), 'he');
    a.h.commit('m', 2);
    a.h.merge(b.h);
    const all = allFields(a);
    expect(all.conflicted).toEqual([fieldKey('clients', 'c1', 'pronouns')]);
    expect(all.fields.get(fieldKey('clients', 'c1', 'pronouns'))).toBe(a.get(fieldKey('clients', 'c1', 'pronouns')));
    // Merged again into one line, the values are still concurrent: the merge change has two parents.
    a.put(fieldKey('clients', 'c1', 'pronouns.note'), 'x');
    a.h.commit('m', 3);
    expect(allFields(a).conflicted).toEqual([fieldKey('clients', 'c1', 'pronouns')]);
  });
});
