// A round of remote changes over many documents keeps none of them in memory afterwards (apply.ts,
// KEEP_DOCS): each one is freed once its rows are written, so Automerge's WASM memory is reused
// instead of grown (every growth of a large WASM memory cost a garbage collection: most of
// sync_apply_1000_ms). A small round keeps its documents for the next edits. Either way the rows
// and every derived row are the ones the same edits made locally.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_DOCS } from '../../main/sync/engine/apply';
import { fieldKey, loadDoc } from '../../main/sync/engine/docs';
import { closeStore } from '../../main/store/open';
import { getClient, setClientNames } from '../../main/store/repos/clients';
import { ADMIN, dump, openLaptop, receive, seedFirst, send, startTeam, write, type Laptop, type Sent } from '../helpers/sync-laptops';

const open: Laptop[] = [];
afterEach(() => {
  for (const l of open.splice(0)) closeStore(l.db);
});

function addService(l: Laptop, clientId: string, date: string): string {
  const id = randomBytes(16).toString('hex');
  write(l, (db) =>
    db
      .prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, note, created_at, created_by) VALUES (?, ?, ?, 'case_management', 'in_house', 30, NULL, ?, ?)")
      .run(id, clientId, date, new Date().toISOString(), ADMIN),
  );
  return id;
}

/** The derived rows a remote service feeds (migrations 0210 and 0220), beside dump's names, facts and search. */
function derived(l: Laptop): Record<string, unknown[]> {
  return {
    serviceDays: l.db.prepare('SELECT * FROM service_days ORDER BY client_id, date, category').all(),
    lastContact: l.db.prepare('SELECT id, last_contact_on FROM clients ORDER BY id').all(),
  };
}

describe('applying a round of remote changes', () => {
  it('keeps the documents of a small round in memory and frees those of a large one, with the same rows and derived rows', () => {
    const a = openLaptop('a');
    const b = openLaptop('b');
    open.push(a, b);
    const ids = seedFirst(a, KEEP_DOCS + 2);
    startTeam(a, [b]);

    // A small round: the document b held in memory is the one it keeps.
    const first = `case:${ids[0]}`;
    const small: Sent[] = [];
    const s1 = addService(a, ids[0]!, '2026-04-01');
    send(a, small);
    const held = loadDoc(b.db, first);
    expect(receive(b, small).applied).toBe(1);
    expect(loadDoc(b.db, first)).toBe(held);
    expect(held.get(fieldKey('services', s1, 'date'))).toBe('2026-04-01');

    // A large round (more documents than KEEP_DOCS): none stays in memory, the store has them all.
    const large: Sent[] = [];
    const added = ids.map((id, i) => addService(a, id, `2026-04-${String(2 + (i % 20)).padStart(2, '0')}`));
    addService(a, ids[1]!, '2026-03-30'); // before the case's other day: the next day's prev_on follows
    send(a, large);
    expect(new Set(large.map((s) => s.docId)).size).toBeGreaterThan(KEEP_DOCS);
    expect(receive(b, large).applied).toBe(large.length);
    expect(() => held.heads()).toThrow();
    const again = loadDoc(b.db, first);
    expect(again).not.toBe(held);
    expect(again.get(fieldKey('services', added[0]!, 'date'))).toBe('2026-04-02');

    // Remote edits derive on b exactly what the same edits derived locally on a.
    expect(dump(b.db)).toEqual(dump(a.db));
    expect(derived(b)).toEqual(derived(a));

    // A change of the name (not only updated_at) rebuilds the names and search terms on b.
    const renamed: Sent[] = [];
    write(a, (db) => {
      db.prepare("UPDATE clients SET chosen_name = 'Renamed Person', updated_at = ? WHERE id = ?").run(new Date().toISOString(), ids[2]);
      setClientNames(db, getClient(db, ids[2]!)!, [{ kind: 'chosen', name: 'Renamed Person' }]);
    });
    addService(a, ids[3]!, '2026-05-01');
    send(a, renamed);
    expect(receive(b, renamed).applied).toBe(renamed.length);
    expect(b.db.prepare('SELECT folded FROM client_names WHERE client_id = ?').pluck().all(ids[2])).toEqual(['renamed person']);
    expect(dump(b.db)).toEqual(dump(a.db));
    expect(derived(b)).toEqual(derived(a));
  });
});
