// A team laptop restored from a backup (issue 13 §8): through the real backup and restore code, the
// restored store writes its next change under a new Automerge actor id (never one it used before, so
// no change number is ever reused), and it and the other laptop still converge, including what was
// done on either laptop after the backup was taken.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { listDocs, saveDoc } from '../../main/sync/engine';
import { readSelf } from '../../main/sync/team/state';
import { ADMIN, PASSPHRASE, addStaff } from '../helpers/core';
import { dump } from '../helpers/sync-laptops';
import { dbOf, firstLaptop, joinFor, rounds } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';
import type { TestCore } from '../helpers/core';

/** Every Automerge actor that wrote a change in any of this laptop's documents. */
function actors(t: TestCore): Set<string> {
  const out = new Set<string>();
  for (const { docId } of listDocs(dbOf(t))) {
    const doc = A.load(saveDoc(dbOf(t), docId));
    for (const change of A.getAllChanges(doc)) out.add(A.decodeChange(change).actor);
    A.free(doc);
  }
  return out;
}

/** The actor of the change that wrote this case's chosen name last. */
function actorOfCase(t: TestCore, caseId: string): string {
  const doc = A.load(saveDoc(dbOf(t), `case:${caseId}`));
  const changes = A.getAllChanges(doc).map((c) => A.decodeChange(c));
  A.free(doc);
  const named = changes.filter((c) => c.ops.some((op) => typeof op.key === 'string' && op.key.endsWith('\u001echosen_name')));
  return named.at(-1)!.actor;
}

const names = (t: TestCore) => dbOf(t).prepare('SELECT chosen_name FROM clients ORDER BY chosen_name').pluck().all() as string[];

describe('a restored team laptop', () => {
  it('takes a new actor id, and converges with the other laptop', async () => {
    const folder = tempDir('safehold-shared-');
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    await a.ok('clients.create', { chosenName: 'Before Backup' });
    const b = await joinFor(a, folder, sup);
    rounds(a, b, a, b);
    const backup = await a.ok('backup.create', { folder: tempDir('safehold-usb-') });
    const usedBefore = actors(a);

    // Work after the backup on both laptops, exchanged and acknowledged, so the files are pruned.
    await a.ok('clients.create', { chosenName: 'After Backup On A' });
    await b.ok('clients.create', { chosenName: 'After Backup On B' });
    rounds(a, b, a, b, a, b, a);
    const aLaptop = readSelf(dbOf(a))!.laptopId;
    expect(names(b)).toContain('After Backup On A');
    // Everything laptop A wrote was applied by B and pruned: the restored store must not reuse its numbers.
    const bundles = () => readdirSync(join(folder, aLaptop)).filter((f) => f.endsWith('.shb'));
    for (let i = 0; i < 6 && bundles().length > 0; i += 1) rounds(b, a);
    expect(bundles()).toEqual([]);
    const usedAfter = actors(a);

    expect(await a.ok('backup.restore', { file: backup.file, name: ADMIN, passphrase: PASSPHRASE })).toEqual({ state: 'locked' });
    await a.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(readSelf(dbOf(a))!.laptopId).toBe(aLaptop);
    expect(names(a)).not.toContain('After Backup On A');

    const made = await a.ok('clients.create', { chosenName: 'After Restore' });
    const actor = actorOfCase(a, made.id);
    expect(usedBefore.has(actor)).toBe(false);
    expect(usedAfter.has(actor)).toBe(false);

    rounds(a, b, a, b, a, b);
    // The new actor is what the other laptop received too.
    expect(actorOfCase(b, made.id)).toBe(actor);
    expect(names(b)).toEqual(['After Backup On A', 'After Backup On B', 'After Restore', 'Before Backup']);
    expect(names(a)).toEqual(names(b));
    expect(dump(dbOf(a))).toEqual(dump(dbOf(b)));
  }, 300_000);
});
