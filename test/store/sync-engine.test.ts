// The sync engine (main/sync/engine) on real encrypted stores: a case made on one laptop appears on
// the others with its derived rows rebuilt there, concurrent edits of one field are kept and listed
// for review, an edit to a record deleted elsewhere is flagged, clashing unique values never stop a
// sync, and a store that never turned sync on has no triggers.
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../main/store/open';
import { applyRemote, enableSync, isSyncEnabled, listConflicts, resolveConflict, setActor, takeOutbox } from '../../main/sync/engine';
import { ADMIN, createCase, dump, openLaptop, receive, reopen, seedFirst, send, startTeam, write, type Sent } from '../helpers/sync-laptops';

function team() {
  const a = openLaptop('A');
  const b = openLaptop('B');
  const ids = seedFirst(a);
  startTeam(a, [b]);
  return { a, b, ids };
}

describe('sync engine', () => {
  it('starts a second laptop from snapshots with the same rows, and carries a new case across', () => {
    const { a, b } = team();
    expect(dump(b.db)).toEqual(dump(a.db));
    const log: Sent[] = [];
    let id = '';
    write(a, () => {
      id = createCase(a, 'Zoë Example');
    });
    send(a, log);
    expect(log.length).toBeGreaterThan(0);
    const result = receive(b, log);
    expect(result).toMatchObject({ applied: log.length, deferred: 0, newer: 0 });
    expect(b.db.prepare('SELECT chosen_name FROM clients WHERE id = ?').pluck().get(id)).toBe('Zoë Example');
    expect(dump(b.db)).toEqual(dump(a.db));
    // Derived rows are rebuilt on B: the name index finds the case there.
    expect(b.db.prepare("SELECT client_id FROM client_names WHERE folded = 'zoe example'").pluck().all()).toEqual([id]);
  });

  it('keeps both values of a field edited on two laptops and lists them for review, the same on both', () => {
    const { a, b, ids } = team();
    const log: Sent[] = [];
    write(a, (db) => db.prepare("UPDATE clients SET risk_level = 'high' WHERE id = ?").run(ids[0]));
    write(b, (db) => db.prepare("UPDATE clients SET risk_level = 'medium', pronouns = 'they' WHERE id = ?").run(ids[0]));
    send(a, log);
    send(b, log);
    receive(a, log);
    receive(b, log);
    expect(dump(a.db)).toEqual(dump(b.db));
    const onA = listConflicts(a.db);
    expect(onA).toEqual(listConflicts(b.db));
    expect(onA).toHaveLength(1);
    expect(onA[0]).toMatchObject({ caseId: ids[0], table: 'clients', field: 'risk_level', kind: 'values' });
    expect(onA[0]!.candidates.map((c) => c.value).sort()).toEqual(['high', 'medium']);
    expect(onA[0]!.candidates.every((c) => c.by === ADMIN && c.byName === 'Admin Synthetic')).toBe(true);

    // Resolving is a write that follows both: gone everywhere once it syncs.
    a.db.transaction(() => resolveConflict(a.db, onA[0]!.id, 'high', ADMIN)).immediate();
    expect(a.db.prepare('SELECT risk_level FROM clients WHERE id = ?').pluck().get(ids[0])).toBe('high');
    send(a, log);
    receive(b, log);
    expect(listConflicts(a.db)).toEqual([]);
    expect(listConflicts(b.db)).toEqual([]);
    expect(dump(a.db)).toEqual(dump(b.db));
  });

  it('flags an edit to a record another laptop deleted, and restores it on request', () => {
    const { a, b, ids } = team();
    const log: Sent[] = [];
    const service = a.db.prepare('SELECT id FROM services WHERE client_id = ?').pluck().get(ids[1]) as string;
    write(a, (db) => db.prepare('DELETE FROM services WHERE id = ?').run(service));
    write(b, (db) => db.prepare("UPDATE services SET note = 'edited on B' WHERE id = ?").run(service));
    send(a, log);
    send(b, log);
    receive(a, log);
    receive(b, log);
    expect(dump(a.db)).toEqual(dump(b.db));
    expect(a.db.prepare('SELECT count(*) FROM services WHERE id = ?').pluck().get(service)).toBe(0);
    const flagged = listConflicts(b.db);
    expect(flagged).toEqual(listConflicts(a.db));
    expect(flagged).toMatchObject([{ kind: 'edit-on-deleted', table: 'services', recordKey: service }]);
    b.db.transaction(() => resolveConflict(b.db, flagged[0]!.id, 'restore', ADMIN)).immediate();
    send(b, log);
    receive(a, log);
    expect(a.db.prepare('SELECT note FROM services WHERE id = ?').pluck().get(service)).toBe('edited on B');
    expect(listConflicts(a.db)).toEqual([]);
    expect(dump(a.db)).toEqual(dump(b.db));
  });

  it('never stops on a clashing case number: the smaller key keeps it, the other is marked and listed', () => {
    const { a, b } = team();
    const log: Sent[] = [];
    let onA = '';
    let onB = '';
    write(a, () => (onA = createCase(a, 'First Example', 'SH-2026-0900')));
    write(b, () => (onB = createCase(b, 'Second Example', 'SH-2026-0900')));
    send(a, log);
    send(b, log);
    receive(a, log);
    receive(b, log);
    expect(dump(a.db)).toEqual(dump(b.db));
    const numbers = a.db.prepare('SELECT id, case_number FROM clients WHERE id IN (?, ?) ORDER BY id').all(onA, onB) as { id: string; case_number: string }[];
    expect(numbers[0]!.case_number).toBe('SH-2026-0900');
    expect(numbers[1]!.case_number).toMatch(/^SH-2026-0900~[0-9a-f]{8}$/u);
    expect(listConflicts(a.db)).toMatchObject([{ kind: 'duplicate', table: 'clients', field: 'case_number', caseId: numbers[1]!.id }]);
  });

  it('numbers cases in a per-laptop block', () => {
    const { b } = team();
    let id = '';
    write(b, () => (id = createCase(b, 'Block Example')));
    expect(b.db.prepare('SELECT case_number FROM clients WHERE id = ?').pluck().get(id)).toMatch(/^SH-2026-B-\d{4}$/u);
  });

  it('keeps a change whose dependency has not arrived and applies it when it does', () => {
    const { a, b, ids } = team();
    const log: Sent[] = [];
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'she' WHERE id = ?").run(ids[0]));
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'she/her' WHERE id = ?").run(ids[0]));
    send(a, log);
    expect(receive(b, [log[1]!])).toMatchObject({ applied: 0, deferred: 1 });
    reopen(b);
    expect(receive(b, [log[0]!])).toMatchObject({ applied: 2, deferred: 0 });
    expect(b.db.prepare('SELECT pronouns FROM clients WHERE id = ?').pluck().get(ids[0])).toBe('she/her');
  });

  it('a restored store continues under a new actor id without its changes being refused', () => {
    const { a, b, ids } = team();
    const log: Sent[] = [];
    setActor(a.db, 'f'.repeat(32));
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'he' WHERE id = ?").run(ids[0]));
    send(a, log);
    expect(receive(b, log)).toMatchObject({ applied: 1, deferred: 0 });
  });

  it('a store put back from an older copy never reuses a change number another laptop already has', () => {
    const { a, b, ids } = team();
    const log: Sent[] = [];
    closeStore(a.db);
    const copy = `${a.path}.backup`;
    copyFileSync(a.path, copy);
    a.db = openStore({ path: a.path, key: a.key });
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'before restore' WHERE id = ?").run(ids[0]));
    send(a, log);
    expect(receive(b, log)).toMatchObject({ applied: 1 });
    // The backup is restored over the store; work goes on from the older state.
    closeStore(a.db);
    copyFileSync(copy, a.path);
    a.db = openStore({ path: a.path, key: a.key });
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'after restore' WHERE id = ?").run(ids[0]));
    const after: Sent[] = [];
    send(a, after);
    expect(receive(b, after)).toMatchObject({ applied: 1, deferred: 0 });
    expect(listConflicts(b.db)).toMatchObject([{ field: 'pronouns' }]);
  });

  it('refuses a change that reuses a change number without stopping the others in the batch', () => {
    const { a, b, ids } = team();
    const log: Sent[] = [];
    closeStore(a.db);
    const copy = `${a.path}.backup`;
    copyFileSync(a.path, copy);
    a.db = openStore({ path: a.path, key: a.key });
    setActor(a.db, '1'.repeat(32));
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'first' WHERE id = ?").run(ids[0]));
    send(a, log);
    receive(b, log);
    closeStore(a.db);
    copyFileSync(copy, a.path);
    a.db = openStore({ path: a.path, key: a.key });
    // Forced to reuse the same actor (what a restore must never do): the same change number, other content.
    setActor(a.db, '1'.repeat(32));
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'second' WHERE id = ?").run(ids[0]));
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'other case' WHERE id = ?").run(ids[1]));
    const after: Sent[] = [];
    send(a, after);
    expect(receive(b, after)).toMatchObject({ applied: 1, rejected: 1 });
    expect(b.db.prepare('SELECT pronouns FROM clients WHERE id = ?').pluck().get(ids[0])).toBe('first');
    expect(b.db.prepare('SELECT pronouns FROM clients WHERE id = ?').pluck().get(ids[1])).toBe('other case');
  });

  it('leaves a store that never enabled sync without triggers or documents', () => {
    const l = openLaptop('solo');
    seedFirst(l);
    expect(isSyncEnabled(l.db)).toBe(false);
    expect(l.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'syncdirty%'").pluck().get()).toBe(0);
    expect(l.db.prepare('SELECT count(*) FROM sync_dirty').pluck().get()).toBe(0);
    expect(takeOutbox(l.db)).toEqual([]);
    expect(() => applyRemote(l.db, [])).toThrow();
    expect(enableSync(l.db, { actorId: 'e'.repeat(32) }).docs).toBe(2 + 4);
    expect(enableSync(l.db, { actorId: 'e'.repeat(32) }).docs).toBe(2 + 4);
  });
});
