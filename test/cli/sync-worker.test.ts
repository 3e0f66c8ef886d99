// The built sync worker (out/node/sync-worker.mjs, as the app and the preview start it): a real
// round's plan goes in, the folder work and crypto happen in the worker thread, and what comes back
// applies in the store. A missing shared folder comes back as such, and is never created.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createTeam } from '../../main/sync/team/enrol';
import type { RoundPlan, RoundResult } from '../../main/sync/team/exchange';
import { commitRound, prepareRound } from '../../main/sync/team/round';
import { setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

const WORKER = resolve('out/node/sync-worker.mjs');

function inWorker(plan: RoundPlan): Promise<{ ok: true; result: RoundResult } | { ok: false; folder: boolean }> {
  return new Promise((done, fail) => {
    const worker = new Worker(WORKER);
    worker.once('message', (reply: { ok: true; result: RoundResult } | { ok: false; folder: boolean }) => {
      void worker.terminate();
      done(reply);
    });
    worker.once('error', fail);
    worker.postMessage(plan);
  });
}

describe('the built sync worker', () => {
  it('is built (npm test builds before it runs the tests)', () => {
    expect(existsSync(WORKER), 'run `npm run build` first').toBe(true);
  });

  it('runs a round for a store and the result applies; a missing folder is reported, not created', async () => {
    const folder = join(tempDir(), 'shared');
    const t = await setUpCore();
    const db = t.control.current!.db;
    db.transaction(() => createTeam(db, { folder, userId: t.control.current!.user.id, now: new Date() }))();
    await t.ok('clients.create', { chosenName: 'Worker Case' });
    const now = new Date();
    const prepared = prepareRound(db, now);
    const reply = await inWorker(prepared.plan);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.result.published?.seq).toBe(1);
    expect(commitRound(db, prepared, reply.result, now)).toMatchObject({ ok: true, sent: 1 });
    expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);

    const gone = join(tempDir(), 'not-mounted', 'shared');
    const missing = await inWorker({ ...prepareRound(db, now).plan, folder: gone });
    expect(missing).toEqual({ ok: false, folder: true });
    expect(existsSync(gone)).toBe(false);
  });
});
