// Local edits keep at most CACHE_DOCS documents in memory (docs.ts): editing more cases than that
// evicts the least recently used one and frees it, so Automerge's WASM memory is reused instead of
// grown (past about 20 MiB, every growth cost a garbage collection inside an edit: DESIGN-sync §5,
// seventh pass). An evicted document is loaded again from the store, with every change in it.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_DOCS, fieldKey, loadDoc } from '../../main/sync/engine/docs';
import { closeStore } from '../../main/store/open';
import { ADMIN, openLaptop, seedFirst, startTeam, write, type Laptop } from '../helpers/sync-laptops';

const open: Laptop[] = [];
afterEach(() => {
  for (const l of open.splice(0)) closeStore(l.db);
});

function addService(l: Laptop, clientId: string): string {
  const id = randomBytes(16).toString('hex');
  write(l, (db) =>
    db
      .prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, note, created_at, created_by) VALUES (?, ?, '2026-04-01', 'case_management', 'in_house', 30, NULL, ?, ?)")
      .run(id, clientId, new Date().toISOString(), ADMIN),
  );
  return id;
}

describe('the document cache of local edits', () => {
  it('keeps the most recently edited documents, and frees and reloads the one edited longest ago', () => {
    const a = openLaptop('a');
    open.push(a);
    const ids = seedFirst(a, CACHE_DOCS + 2);
    startTeam(a, []);

    const firstId = addService(a, ids[0]!);
    const first = loadDoc(a.db, `case:${ids[0]}`);
    expect(loadDoc(a.db, `case:${ids[0]}`)).toBe(first);
    for (const id of ids.slice(1)) addService(a, id);

    // The last edited documents are still the ones in memory.
    const last = `case:${ids.at(-1)}`;
    expect(loadDoc(a.db, last)).toBe(loadDoc(a.db, last));
    // The first one was evicted and freed; loading it again gives a new copy with its change.
    expect(() => first.heads()).toThrow();
    const again = loadDoc(a.db, `case:${ids[0]}`);
    expect(again).not.toBe(first);
    expect(again.get(fieldKey('services', firstId, 'date'))).toBe('2026-04-01');
  });
});
