// Rows with a local integer key (case history, closures, access reasons) written on this laptop are
// named by a range of their own session (sync_key_ranges) instead of a sync_keys row each: the names
// in the documents are the same as before (`actor.rid`), other laptops get the same rows, a change
// from elsewhere to such a row finds it, a rolled-back write leaves no range, and a case copy removed
// from this laptop takes its names with it, so a rid used again never takes an old record's name.
import { describe, expect, it } from 'vitest';
import { flushLocalWrites, listDocs, saveDoc } from '../../main/sync/engine';
import { keyOfRow, rowOfKey } from '../../main/sync/engine/keys';
import { removeCaseCopy } from '../../main/sync/team/evict';
import { recordChanges } from '../../main/store/repos/clients';
import * as A from '@automerge/automerge';
import type { Db } from '../../main/store/open';
import { ADMIN, dump, openLaptop, receive, reopen, seedFirst, send, startTeam, write, type Sent } from '../helpers/sync-laptops';

const history = (db: Db, caseId: string, field: string) => recordChanges(db, caseId, '2026-03-05T10:00:00.000Z', ADMIN, 'profile', [field]);
const count = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const docKeys = (db: Db, docId: string) => A.getBackend(A.load(saveDoc(db, docId))).keys('_root');

function team() {
  const a = openLaptop('A');
  const b = openLaptop('B');
  const ids = seedFirst(a);
  startTeam(a, [b]);
  return { a, b, ids };
}

describe('names of local integer rows by range', () => {
  it('names new rows by one range row, not a sync_keys row each, and other laptops get the same rows', () => {
    const { a, b, ids } = team();
    const keysBefore = count(a.db, 'sync_keys');
    for (let i = 0; i < 5; i += 1) write(a, (db) => history(db, ids[0]!, `f${i}`));
    expect(count(a.db, 'sync_keys')).toBe(keysBefore);
    const ranges = a.db.prepare("SELECT first_rid, last_rid, actor FROM sync_key_ranges WHERE tbl = 'client_changes'").all() as { first_rid: number; last_rid: number; actor: string }[];
    expect(ranges).toHaveLength(1);
    const rids = a.db.prepare("SELECT id FROM client_changes WHERE field LIKE 'f%' ORDER BY id").pluck().all() as number[];
    expect(ranges[0]).toEqual({ first_rid: rids[0], last_rid: rids.at(-1), actor: a.actor });
    // The documents hold the same names as before: actor.rid.
    const keys = docKeys(a.db, `case:${ids[0]}`);
    for (const rid of rids) {
      expect(keyOfRow(a.db, 'client_changes', rid)).toBe(`${a.actor}.${rid}`);
      expect(keys.some((k) => k.startsWith(`client_changes\u001e${a.actor}.${rid}\u001e`))).toBe(true);
    }
    const log: Sent[] = [];
    send(a, log);
    receive(b, log);
    expect(dump(b.db)).toEqual(dump(a.db));
  });

  it('finds its own row when another laptop changes it, with no duplicate', () => {
    const { a, b, ids } = team();
    write(a, (db) => history(db, ids[0]!, 'mine'));
    const rid = a.db.prepare("SELECT id FROM client_changes WHERE field = 'mine'").pluck().get() as number;
    const log: Sent[] = [];
    send(a, log);
    receive(b, log);
    write(b, (db) => db.prepare("UPDATE client_changes SET field = 'edited' WHERE field = 'mine'").run());
    send(b, log);
    receive(a, log);
    expect(rowOfKey(a.db, 'client_changes', `${a.actor}.${rid}`)).toBe(rid);
    expect(a.db.prepare("SELECT id, field FROM client_changes WHERE field IN ('mine', 'edited')").all()).toEqual([{ id: rid, field: 'edited' }]);
    expect(dump(a.db)).toEqual(dump(b.db));
  });

  it('keeps the names given in an earlier session, and a new session starts a range of its own', () => {
    const { a, ids } = team();
    write(a, (db) => history(db, ids[0]!, 'first'));
    const first = a.db.prepare("SELECT id FROM client_changes WHERE field = 'first'").pluck().get() as number;
    reopen(a);
    write(a, (db) => history(db, ids[0]!, 'second'));
    const second = a.db.prepare("SELECT id FROM client_changes WHERE field = 'second'").pluck().get() as number;
    expect(keyOfRow(a.db, 'client_changes', first)).toBe(`${a.actor}.${first}`);
    const actor2 = keyOfRow(a.db, 'client_changes', second)!.split('.')[0]!;
    expect(actor2).not.toBe(a.actor);
    expect(a.db.prepare("SELECT count(*) FROM sync_key_ranges WHERE tbl = 'client_changes'").pluck().get()).toBe(2);
    // The names are the ones in the document.
    const keys = docKeys(a.db, `case:${ids[0]}`);
    expect(keys.some((k) => k.startsWith(`client_changes\u001e${actor2}.${second}\u001e`))).toBe(true);
  });

  it('leaves no range behind when the write is rolled back', () => {
    const { a, ids } = team();
    const outbox = count(a.db, 'sync_outbox');
    // The flush ran (the range grew, the change went to the outbox), then the write failed.
    expect(() =>
      a.db.transaction(() => {
        history(a.db, ids[0]!, 'gone');
        expect(flushLocalWrites(a.db, ADMIN)).toBe(1);
        expect(count(a.db, 'sync_key_ranges')).toBe(1);
        throw new Error('refused');
      }).immediate(),
    ).toThrow('refused');
    expect(count(a.db, 'sync_key_ranges')).toBe(0);
    expect(count(a.db, 'sync_outbox')).toBe(outbox);
  });

  it('forgets the names of a removed case copy, so a rid used again gets a new name', () => {
    const { a, ids } = team();
    write(a, (db) => history(db, ids[0]!, 'keep'));
    write(a, (db) => history(db, ids[1]!, 'leaves'));
    const leaving = a.db.prepare("SELECT id FROM client_changes WHERE field = 'leaves'").pluck().get() as number;
    const oldName = keyOfRow(a.db, 'client_changes', leaving)!;
    a.db.transaction(() => removeCaseCopy(a.db, ids[1]!))();
    expect(keyOfRow(a.db, 'client_changes', leaving)).toBeUndefined();
    expect(rowOfKey(a.db, 'client_changes', oldName)).toBeUndefined();
    // The highest rid was removed, so SQLite gives it again: the new row is not the removed record.
    reopen(a);
    write(a, (db) => history(db, ids[0]!, 'again'));
    const again = a.db.prepare("SELECT id FROM client_changes WHERE field = 'again'").pluck().get() as number;
    expect(again).toBe(leaving);
    expect(keyOfRow(a.db, 'client_changes', again)).not.toBe(oldName);
    expect(rowOfKey(a.db, 'client_changes', oldName)).toBeUndefined();
    expect(listDocs(a.db).some((d) => d.docId === `case:${ids[1]}`)).toBe(false);
  });

  it('in the same session, a rid used again after a case copy left never takes the removed record name', () => {
    // Security review 5: the app keeps its session (and so its actor) open while a round evicts a
    // case; the removed highest rid is given again to the next row of another case. Under the same
    // actor it was named as the removed record, so if that case came back its record would be
    // projected onto the other case's row.
    const { a, ids } = team();
    write(a, (db) => history(db, ids[0]!, 'keep'));
    write(a, (db) => history(db, ids[1]!, 'leaves'));
    const leaving = a.db.prepare("SELECT id FROM client_changes WHERE field = 'leaves'").pluck().get() as number;
    const oldName = keyOfRow(a.db, 'client_changes', leaving)!;
    a.db.transaction(() => removeCaseCopy(a.db, ids[1]!))();
    write(a, (db) => history(db, ids[0]!, 'again'));
    const again = a.db.prepare("SELECT id FROM client_changes WHERE field = 'again'").pluck().get() as number;
    expect(again).toBe(leaving);
    expect(keyOfRow(a.db, 'client_changes', again)).not.toBe(oldName);
    expect(rowOfKey(a.db, 'client_changes', oldName)).toBeUndefined();
    const keep = a.db.prepare("SELECT id FROM client_changes WHERE field = 'keep'").pluck().get() as number;
    expect(keyOfRow(a.db, 'client_changes', keep)).toBe(`${a.actor}.${keep}`);
  });
});
