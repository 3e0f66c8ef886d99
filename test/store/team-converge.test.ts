// Three laptops, random work, files delivered late, half-copied and again: every laptop ends with the
// same cases, the same values and the same conflicts list. Seeded, so a failure can be replayed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../main/demo/generator';
import { dataPaths } from '../../main/core/paths';
import { FLOOR_COST } from '../../main/keys/kdf';
import { newRecoveryKey } from '../../main/keys/recovery';
import { createInvitation, createTeam } from '../../main/sync/team/enrol';
import { joinTeam } from '../../main/sync/team/join';
import { syncRound } from '../../main/sync/team/round';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, testCore, type TestCore } from '../helpers/core';
import { dump } from '../helpers/sync-laptops';
import { tempDir } from '../helpers/tmp';
import type { Db } from '../../main/store/open';

const SEEDS = Number(process.env.SAFEHOLD_CONVERGE_SEEDS ?? 2);
const STEPS = Number(process.env.SAFEHOLD_CONVERGE_STEPS ?? 40);
const NOW = () => new Date('2026-03-01T09:00:00Z');

const db = (t: TestCore): Db => t.control.current!.db;

async function team(folder: string) {
  const a = await setUpCore();
  db(a).transaction(() => createTeam(db(a), { folder, userId: a.control.current!.user.id, now: NOW() }))();
  const people = [await addStaff(a, 'supervisor', 'Sloane Supervisor'), await addStaff(a, 'supervisor', 'Sid Supervisor')];
  const laptops: { t: TestCore; name: string; passphrase: string }[] = [{ t: a, name: ADMIN, passphrase: PASSPHRASE }];
  for (const p of people) {
    const id = db(a).prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(p.name) as string;
    const made = await createInvitation(db(a), { userId: id, now: NOW() });
    const file = join(tempDir(), 'invitation.shi');
    writeFileSync(file, made.file);
    syncRound(db(a), NOW());
    const dir = tempDir();
    const joined = await joinTeam({ paths: dataPaths(dir), invitationFile: file, code: made.code, folder, name: p.name, passphrase: p.passphrase, recoveryKey: newRecoveryKey(), cost: FLOOR_COST, now: NOW() });
    joined.dataKey.fill(0);
    const t = testCore(dir);
    await t.ok('session.unlock', { name: p.name, passphrase: p.passphrase });
    laptops.push({ t, name: p.name, passphrase: p.passphrase });
  }
  return laptops;
}

// Every synced table whole (local integer ids by their global names) and the derived rows, then the review list.
const view = (t: TestCore) =>
  JSON.stringify([
    dump(db(t)),
    db(t).prepare('SELECT doc_id, tbl, rk, col, kind FROM sync_conflicts ORDER BY doc_id, tbl, rk, col, kind').all(),
  ]);

describe('three laptops converge', () => {
  for (let seed = 1; seed <= SEEDS; seed += 1) {
    it(`seed ${seed}: random edits, late, duplicated and half-copied files, locks; all laptops end equal`, async () => {
      const folder = tempDir();
      const laptops = await team(folder);
      const rng = seededRng(seed * 7919);
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
      const cases: string[] = [];
      for (let step = 0; step < STEPS; step += 1) {
        const l = pick(laptops);
        const roll = rng();
        if (roll < 0.25 || cases.length === 0) {
          cases.push((await l.t.ok('clients.create', { chosenName: `Person ${seed}-${step}` })).id);
        } else if (roll < 0.55) {
          // The same field on whichever laptop: concurrent values become conflicts, never lost.
          const id = pick(cases);
          const values = ['she/her', 'he/him', 'they/them'];
          for (const [i, x] of [l, pick(laptops.filter((y) => y !== l))].entries()) {
            if (db(x.t).prepare('SELECT 1 FROM clients WHERE id = ?').get(id)) db(x.t).prepare('UPDATE clients SET pronouns = ? WHERE id = ?').run(values[(step + i) % 3], id);
          }
        } else if (roll < 0.85) {
          syncRound(db(l.t), NOW());
        } else if (roll < 0.93) {
          // Another laptop's newest file half-copied while this one syncs, then whole again.
          const other = pick(laptops.filter((x) => x !== l));
          const dir = join(folder, readdirSync(folder).find((d) => db(other.t).prepare('SELECT 1 FROM team WHERE laptop_id = ?').get(d))!);
          const newest = readdirSync(dir).filter((f) => f.endsWith('.shb')).sort((x, y) => Number.parseInt(y) - Number.parseInt(x))[0];
          if (newest) {
            const whole = readFileSync(join(dir, newest));
            writeFileSync(join(dir, newest), whole.subarray(0, Math.floor(whole.length * rng())));
            syncRound(db(l.t), NOW());
            writeFileSync(join(dir, newest), whole);
          }
        } else {
          await l.t.ok('session.lock', {});
          await l.t.ok('session.unlock', { name: l.name, passphrase: l.passphrase });
        }
      }
      // One more certain conflict: the first case's pronouns changed on two laptops before they sync.
      for (const l of laptops) syncRound(db(l.t), NOW());
      for (const [i, l] of laptops.slice(0, 2).entries()) db(l.t).prepare('UPDATE clients SET pronouns = ? WHERE id = ?').run(i === 0 ? 'xe/xem' : 'ze/zir', cases[0]);
      // Quiet: every laptop syncs until nothing moves.
      for (let pass = 0; pass < 4; pass += 1) for (const l of laptops) syncRound(db(l.t), NOW());
      const views = laptops.map((l) => view(l.t));
      expect(views[1]).toBe(views[0]);
      expect(views[2]).toBe(views[0]);
      const [tables, conflicts] = JSON.parse(views[0]!) as [{ clients: unknown[] }, unknown[]];
      expect(tables.clients.length).toBe(cases.length);
      // Concurrent values were made: they are listed for review on every laptop alike, not dropped.
      expect(conflicts.length).toBeGreaterThan(0);
    }, 300_000);
  }
});
