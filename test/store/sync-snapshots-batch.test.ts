// A joining laptop loads every snapshot in one batch (loadSnapshots: Automerge's side ahead of the
// rows, in worker threads when built): the rows, derived rows, documents and review list are the same
// as loading each snapshot on its own, for a plain case, a case with concurrent edits and a case with
// a deleted record (both read again on the store's side). The worker pool answers in order, and
// synchronously, so it can run inside one SQL transaction.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enableSync, listConflicts, listDocs, loadSnapshot, loadSnapshots, saveDoc } from '../../main/sync/engine';
import { runDocJob, type BuildJob } from '../../main/sync/engine/doc-work';
import { DocWorkError, workerPool } from '../../main/sync/engine/pool';
import { ADMIN, dump, openLaptop, receive, send, seedFirst, startTeam, write, type Sent } from '../helpers/sync-laptops';

describe('loading many snapshots at once', () => {
  it('gives the same store as loading them one by one, conflicts and deletions included', () => {
    const a = openLaptop('a');
    const b = openLaptop('b');
    const [plain, edited, trimmed] = seedFirst(a, 3);
    startTeam(a, [b]);
    // The same field changed on two laptops at once, and a record deleted: two histories that are not one line.
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'she' WHERE id = ?").run(edited));
    write(b, (db) => db.prepare("UPDATE clients SET pronouns = 'they' WHERE id = ?").run(edited));
    write(a, (db) => db.prepare('DELETE FROM services WHERE client_id = ?').run(trimmed));
    write(a, (db) =>
      db
        .prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, created_at, created_by) VALUES (?, ?, '2026-03-03', 'legal', 'in_house', 0, '2026-03-03T10:00:00Z', ?)")
        .run(randomBytes(16).toString('hex'), plain, ADMIN),
    );
    const log: Sent[] = [];
    send(a, log);
    send(b, log);
    receive(a, log);
    expect(listConflicts(a.db).length).toBeGreaterThan(0);

    const snapshots = listDocs(a.db).map(({ docId }) => ({ docId, bytes: saveDoc(a.db, docId) }));
    const one = openLaptop('one');
    enableSync(one.db, { actorId: one.actor, joining: true });
    for (const { docId, bytes } of snapshots) loadSnapshot(one.db, docId, bytes);
    const batch = openLaptop('batch');
    enableSync(batch.db, { actorId: batch.actor, joining: true });
    // Shuffled: the batch puts the agency documents first itself.
    batch.db.transaction(() => loadSnapshots(batch.db, [...snapshots].reverse()))();

    expect(dump(batch.db)).toEqual(dump(one.db));
    expect(dump(batch.db)).toEqual(dump(a.db));
    expect(listConflicts(batch.db)).toEqual(listConflicts(one.db));
    expect(listDocs(batch.db).map(({ docId }) => [docId, Buffer.from(saveDoc(batch.db, docId)).toString('hex')])).toEqual(
      listDocs(one.db).map(({ docId }) => [docId, Buffer.from(saveDoc(one.db, docId)).toString('hex')]),
    );
  });

  it('leaves nothing behind when one snapshot is damaged', () => {
    const a = openLaptop('a');
    seedFirst(a, 2);
    enableSync(a.db, { actorId: a.actor });
    const snapshots = listDocs(a.db).map(({ docId }) => ({ docId, bytes: saveDoc(a.db, docId) }));
    const last = snapshots.at(-1)!;
    last.bytes = last.bytes.slice(0, 40);
    const b = openLaptop('b');
    enableSync(b.db, { actorId: b.actor, joining: true });
    expect(() => b.db.transaction(() => loadSnapshots(b.db, snapshots))()).toThrow();
    expect(listDocs(b.db)).toEqual([]);
    expect(b.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
  });
});

describe('the document worker pool', () => {
  it('answers jobs in the order given, across its workers, synchronously', () => {
    // A stand-in worker speaking the pool's protocol; the slower jobs finish out of order on their own.
    const source = `
      const { workerData } = require('node:worker_threads');
      const { port, signal } = workerData;
      port.on('message', (job) => {
        const until = Date.now() + (job.bytes.length % 3) * 15;
        while (Date.now() < until);
        port.postMessage({ kind: 'read', heads: String(job.bytes.length), fields: null });
        Atomics.add(signal, 0, 1);
        Atomics.notify(signal, 0);
      });`;
    const pool = workerPool(source, 2, true);
    try {
      for (let i = 0; i < 9; i += 1) pool.submit({ kind: 'read', bytes: new Uint8Array(i) });
      const heads = Array.from({ length: 9 }, () => {
        const result = pool.take();
        return result.kind === 'read' ? result.heads : 'wrong';
      });
      expect(heads).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
      expect(() => pool.take()).toThrow(DocWorkError);
    } finally {
      pool.close();
    }
  });

  it('does the work in this thread when its workers never answer (a worker file that will not load, one that stopped)', () => {
    const job = (n: number): BuildJob => ({ kind: 'build', actor: 'ab'.repeat(16), message: 'test', time: 1_700_000_000, fields: [[`clients|c${n}|chosen_name`, `Name ${n}`]] });
    const silent = workerPool("require('node:worker_threads');", 2, true, 300);
    const missing = workerPool(join(tmpdir(), 'no-such-safehold-worker.mjs'), 2, false, 300);
    try {
      for (const pool of [silent, missing]) {
        for (let i = 0; i < 5; i += 1) pool.submit(job(i));
        const results = Array.from({ length: 5 }, () => pool.take());
        expect(results).toEqual([0, 1, 2, 3, 4].map((n) => runDocJob(job(n))));
        expect(results.every((r) => r.kind === 'build')).toBe(true);
        // Later jobs go straight to this thread.
        pool.submit(job(9));
        expect(pool.take()).toEqual(runDocJob(job(9)));
      }
    } finally {
      silent.close();
      missing.close();
    }
  });
});
