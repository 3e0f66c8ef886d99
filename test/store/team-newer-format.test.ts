// "A laptop that receives changes of a newer format keeps them, applies none of them, and asks to be
// updated" (issue 13 §8), at the level of a whole sync round between two laptops sharing a folder:
// - a change whose document format is newer (its message says v: 2) arrives in an ordinary bundle:
//   it is kept in the store, nothing of it is applied, the round, the app's sync status and the CLI
//   say this laptop needs an update; once this laptop runs a version that knows the format (the
//   engine's modules loaded again with DOC_FORMAT 2), the next round applies it;
// - a bundle whose header has a newer format is refused, stays in the folder, and is read again
//   each round; nothing of it is applied and the same request to update is made.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import * as A from '@automerge/automerge';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/run';
import { saveDoc } from '../../main/sync/engine';
import type * as Docs from '../../main/sync/engine/docs';
import { fieldKey } from '../../main/sync/engine/docs';
import { syncRound } from '../../main/sync/team/round';
import { readSelf } from '../../main/sync/team/state';
import { ADMIN, PASSPHRASE, addStaff, type TestCore } from '../helpers/core';
import { dump } from '../helpers/sync-laptops';
import { dbOf, firstLaptop, joinFor, rounds } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

async function cli(args: string[], stdin: string) {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  io.stdin.end(stdin);
  const out = { stdout: '', stderr: '' };
  io.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
  io.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
  return { code: await runCli(args, io), ...out };
}

async function twoLaptops() {
  const folder = tempDir('safehold-shared-');
  const a = await firstLaptop(folder);
  const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
  const made = await a.ok('clients.create', { chosenName: 'Format Person' });
  const b = await joinFor(a, folder, sup);
  rounds(a, b, a, b);
  return { folder, a, b, sup, caseId: made.id };
}

const pronouns = (t: TestCore, id: string) => dbOf(t).prepare('SELECT pronouns FROM clients WHERE id = ?').pluck().get(id) as string | null;
const kept = (t: TestCore) => dbOf(t).prepare("SELECT count(*) FROM sync_pending WHERE reason = 'newer'").pluck().get() as number;

describe('changes of a newer format', () => {
  it('are kept, none applied, the laptop asks to be updated; once updated, they apply', async () => {
    const { a, b, caseId } = await twoLaptops();
    // Laptop B runs a newer Safehold: its change to the case says document format 2.
    const docId = `case:${caseId}`;
    const bLaptop = readSelf(dbOf(b))!.laptopId;
    const doc = A.change(A.load<Record<string, unknown>>(saveDoc(dbOf(b), docId), { actor: randomBytes(16).toString('hex') }), { message: JSON.stringify({ v: 2, by: null, l: bLaptop }) }, (d) => {
      d[fieldKey('clients', caseId, 'pronouns')] = new A.ImmutableString('xe/xem');
    });
    dbOf(b).prepare('INSERT INTO sync_outbox (doc_id, change) VALUES (?, ?)').run(docId, A.getLastLocalChange(doc)!);
    expect(syncRound(dbOf(b)).sent).toBe(1);
    const before = dump(dbOf(a));

    // The round completes, keeps the change, applies nothing of it, and says so.
    const round = syncRound(dbOf(a));
    expect(round.newerFormat).toBe(true);
    expect(kept(a)).toBe(1);
    expect(pronouns(a, caseId)).toBeNull();
    expect(dump(dbOf(a))).toEqual(before);
    // Still said on a later round (the file itself was read and will not come again).
    expect(syncRound(dbOf(a)).newerFormat).toBe(true);
    // The sync indicator's status (what the frame shows: sync.needsUpdate).
    await a.ok('team.syncNow', {});
    expect((await a.ok('team.status', {})).needsUpdate).toBe(true);
    // The CLI says it on standard error, and the round is still a success.
    await a.ok('session.lock', {});
    const run = await cli(['sync', '--data-dir', a.dataDir, '--name', ADMIN, '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ ok: true });
    expect(run.stderr).toContain('another laptop runs a newer Safehold. Update Safehold on this laptop');
    await a.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(kept(a)).toBe(1);

    // Updated: the same store, opened by a version whose engine knows document format 2.
    vi.resetModules();
    vi.doMock('../../main/sync/engine/docs', async (original) => ({ ...(await original<typeof Docs>()), DOC_FORMAT: 2 }));
    try {
      const updated = await import('../../main/sync/team/round');
      const after = updated.syncRound(dbOf(a));
      expect(after.newerFormat).toBe(false);
      expect(after.received).toBeGreaterThanOrEqual(1);
    } finally {
      vi.doUnmock('../../main/sync/engine/docs');
      vi.resetModules();
    }
    expect(kept(a)).toBe(0);
    expect(pronouns(a, caseId)).toBe('xe/xem');
  }, 300_000);

  it('a bundle of a newer format is refused, stays in the folder, nothing of it is applied, and is read again', async () => {
    const { folder, a, b } = await twoLaptops();
    await a.ok('clients.create', { chosenName: 'Sent In A Newer Bundle' });
    rounds(a);
    const aDir = join(folder, readSelf(dbOf(a))!.laptopId);
    const newest = readdirSync(aDir).filter((f) => f.endsWith('.shb')).sort((x, y) => Number.parseInt(y) - Number.parseInt(x))[0]!;
    const whole = readFileSync(join(aDir, newest));
    // The same file as a newer Safehold would head it (the next format): the header is read before anything else.
    const header = whole.subarray(0, 6 + whole.readUInt16BE(4)).toString('latin1');
    const v = Number(/"v":([0-9])/u.exec(header)![1]);
    const newer = Buffer.concat([Buffer.from(header.replace(`"v":${v}`, `"v":${v + 1}`), 'latin1'), whole.subarray(6 + whole.readUInt16BE(4))]);
    writeFileSync(join(aDir, newest), newer);
    const before = dump(dbOf(b));

    for (let i = 0; i < 2; i += 1) {
      const round = syncRound(dbOf(b));
      expect(round.newerFormat).toBe(true);
      expect(round.refused).toContainEqual({ laptop: readSelf(dbOf(a))!.laptopId, seq: Number.parseInt(newest), reason: 'newer-format' });
      expect(dump(dbOf(b))).toEqual(before);
      expect(readFileSync(join(aDir, newest))).toEqual(newer);
    }
    await b.ok('team.syncNow', {});
    expect((await b.ok('team.status', {})).needsUpdate).toBe(true);
    // Nothing was lost: the file in a format this laptop reads is applied at the next round.
    writeFileSync(join(aDir, newest), whole);
    expect(syncRound(dbOf(b)).newerFormat).toBe(false);
    expect(dbOf(b).prepare("SELECT count(*) FROM clients WHERE chosen_name = 'Sent In A Newer Bundle'").pluck().get()).toBe(1);
  }, 300_000);
});
