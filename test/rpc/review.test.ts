// "Needs review" through the dispatcher: every write on a store with sync on becomes a document
// change in its own transaction (none on a store without); a field changed on two laptops is listed
// for the case's worker, supervisors and admins (not for another caseworker), and settling it is an
// ordinary logged write that syncs.
import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { applyRemote, clearOutbox, enableSync, listConflicts, listDocs, loadSnapshot, saveDoc, takeOutbox } from '../../main/sync/engine';
import { serverTextKey } from '../../renderer/src/i18n/serverText';
import { addStaff, setUpCore, type TestCore } from '../helpers/core';
import { openLaptop, receive, send, write, type Sent } from '../helpers/sync-laptops';

const db = (t: TestCore) => t.control.current!.db;

async function teamWithConflict() {
  const t = await setUpCore();
  const worker = await addStaff(t, 'caseworker', 'Casey Synthetic');
  const other = await addStaff(t, 'caseworker', 'Other Synthetic');
  const supervisor = await addStaff(t, 'supervisor', 'Sam Synthetic');
  const workerId = db(t).prepare("SELECT id FROM users WHERE display_name = 'Casey Synthetic'").pluck().get() as string;
  const { id } = await t.ok('clients.create', { chosenName: 'Review Example' });
  await t.ok('clients.assign', { clientId: id, workerId });
  enableSync(db(t), { actorId: 'a'.repeat(32) });
  const b = openLaptop('B');
  enableSync(b.db, { actorId: 'b'.repeat(32), joining: true });
  for (const { docId } of listDocs(db(t))) loadSnapshot(b.db, docId, saveDoc(db(t), docId));
  // The same field, changed on both laptops before either hears of the other.
  await t.ok('intake.saveSection', { clientId: id, section: 'needs', baseVersion: 1, data: { riskLevel: 'high', urgentSafety: false } });
  write(b, (d) => d.prepare("UPDATE clients SET risk_level = 'low' WHERE id = ?").run(id));
  const log: Sent[] = [];
  send(b, log);
  db(t).transaction(() => applyRemote(db(t), log.map(({ docId, change }) => ({ docId, change })))).immediate();
  return { t, b, id, worker, other, supervisor };
}

describe('sync.conflicts and sync.resolve', () => {
  it('turns each dispatched write into one change on a store with sync on, and none without', async () => {
    const t = await setUpCore();
    await t.ok('clients.create', { chosenName: 'No Sync Example' });
    expect(db(t).prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    expect(db(t).prepare('SELECT count(*) FROM sync_docs').pluck().get()).toBe(0);
    enableSync(db(t), { actorId: 'c'.repeat(32) });
    const { id } = await t.ok('clients.create', { chosenName: 'Synced Example' });
    // Made inside the write's own transaction (not later by the transport), naming who wrote it.
    expect(db(t).prepare('SELECT count(*) FROM sync_dirty').pluck().get()).toBe(0);
    const [stored] = db(t).prepare('SELECT doc_id, change FROM sync_outbox').all() as { doc_id: string; change: Buffer }[];
    expect(stored!.doc_id).toBe(`case:${id}`);
    expect(JSON.parse(A.decodeChange(new Uint8Array(stored!.change)).message!)).toMatchObject({ by: t.control.current!.user.id });
    const out = takeOutbox(db(t));
    expect(out.map((o) => o.docId)).toEqual([`case:${id}`]);
    clearOutbox(db(t), out.at(-1)!.seq);
    // A refused write leaves neither a change nor a dirty row.
    expect((await t.call('clients.assign', { clientId: id, workerId: 'f'.repeat(32) })).ok).toBe(false);
    expect(takeOutbox(db(t))).toEqual([]);
    expect(db(t).prepare('SELECT count(*) FROM sync_dirty').pluck().get()).toBe(0);
  });

  it('lists a concurrent change for the admin, the supervisor and the case worker, never for another worker', async () => {
    const { t, id, worker, other, supervisor } = await teamWithConflict();
    const items = (await t.ok('sync.conflicts', {})).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'values', caseId: id, chosenName: 'Review Example', area: 'clients', field: 'risk_level' });
    expect(items[0]!.candidates.map((c) => c.value).sort()).toEqual(['high', 'low']);
    for (const [person, sees] of [
      [supervisor, 1],
      [worker, 1],
      [other, 0],
    ] as const) {
      await t.ok('session.lock', {});
      await t.ok('session.unlock', person);
      expect((await t.ok('sync.conflicts', {})).items, person.name).toHaveLength(sees);
      if (sees === 0) {
        expect(await t.call('sync.resolve', { id: items[0]!.id, choice: 'low' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });

  it('settles with the worker’s choice, refuses a value that was not offered, records who, and syncs', async () => {
    const { t, b, id, worker } = await teamWithConflict();
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    const [item] = (await t.ok('sync.conflicts', {})).items;
    const refused = await t.call('sync.resolve', { id: item!.id, choice: 'very_high' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Shown in the person's language: the refusal maps onto a catalog key.
    expect(refused.ok ? null : serverTextKey(refused.error.message)?.key).toBe('review.pickOne');
    await t.ok('sync.resolve', { id: item!.id, choice: 'low' });
    expect((await t.ok('sync.conflicts', {})).items).toEqual([]);
    expect(db(t).prepare('SELECT risk_level FROM clients WHERE id = ?').pluck().get(id)).toBe('low');
    expect(db(t).prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.resolve' AND target_id = ?").pluck().get(id)).toBe(1);
    expect((await t.ok('clients.history', { id })).entries.some((e) => e.section === 'review' && e.field === 'risk_level')).toBe(true);
    const again = await t.call('sync.resolve', { id: item!.id, choice: 'low' });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(again.ok ? null : serverTextKey(again.error.message)?.key).toBe('review.settledElsewhere');
    const log: Sent[] = [];
    for (const o of takeOutbox(db(t))) log.push({ from: 'A', docId: o.docId, change: o.change });
    receive(b, log);
    expect(listConflicts(b.db)).toEqual([]);
    expect(b.db.prepare('SELECT risk_level FROM clients WHERE id = ?').pluck().get(id)).toBe('low');
  });
});
