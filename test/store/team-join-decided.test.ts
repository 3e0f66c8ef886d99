// Security review: who joins is decided once, by the inviting laptop, and every laptop follows it.
// An invitation used after its 7 days (the joining laptop's clock set back) is refused everywhere; one
// invitation used by two laptops admits only the one the inviting laptop accepted, on every laptop,
// even when the laptops see the two join files in different rounds.
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOOR_COST } from '../../main/keys/kdf';
import { newRecoveryKey } from '../../main/keys/recovery';
import { dataPaths } from '../../main/core/paths';
import { createInvitation, createTeam } from '../../main/sync/team/enrol';
import { joinTeam } from '../../main/sync/team/join';
import { syncRound } from '../../main/sync/team/round';
import { readSelf } from '../../main/sync/team/state';
import { addStaff, setUpCore, testCore, type TestCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';
import type { Db } from '../../main/store/open';

const T0 = new Date('2026-03-01T09:00:00Z');
const LATER = new Date('2026-03-09T09:00:00Z'); // past the invitation's 7 days

function db(t: TestCore): Db {
  const s = t.control.current;
  if (!s) throw new Error('not signed in');
  return s.db;
}

const laptopOf = (t: TestCore): string => readSelf(db(t))!.laptopId;
const admitted = (t: TestCore): string[] => db(t).prepare("SELECT laptop_id FROM team_laptops WHERE status = 'active' ORDER BY laptop_id").pluck().all() as string[];
const names = (t: TestCore) => db(t).prepare('SELECT chosen_name FROM clients ORDER BY chosen_name').pluck().all() as string[];

async function invite(from: TestCore, name: string, now: Date): Promise<{ file: string; code: string }> {
  const userId = db(from).prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(name) as string;
  const made = await createInvitation(db(from), { userId, now });
  const file = join(tempDir(), 'invitation.shi');
  writeFileSync(file, made.file);
  syncRound(db(from), now);
  return { file, code: made.code };
}

async function joinWith(folder: string, inv: { file: string; code: string }, who: { name: string; passphrase: string }, now: Date): Promise<TestCore> {
  const dir = tempDir();
  const joined = await joinTeam({ paths: dataPaths(dir), invitationFile: inv.file, code: inv.code, folder, name: who.name, passphrase: who.passphrase, recoveryKey: newRecoveryKey(), cost: FLOOR_COST, now });
  joined.dataKey.fill(0);
  const t = testCore(dir);
  await t.ok('session.unlock', { name: who.name, passphrase: who.passphrase });
  return t;
}

/** A round of `t` while `hidden` laptops' folders are not there yet (a USB stick copied before they wrote). */
function roundWithout(t: TestCore, folder: string, hidden: TestCore[], now: Date): void {
  const away = mkdtempSync(join(tempDir(), 'away-'));
  const moved = hidden.map((h) => laptopOf(h));
  for (const id of moved) renameSync(join(folder, id), join(away, id));
  try {
    syncRound(db(t), now);
  } finally {
    for (const id of moved) renameSync(join(away, id), join(folder, id));
  }
}

async function teamOfTwo() {
  const folder = tempDir();
  const a = await setUpCore();
  db(a).transaction(() => createTeam(db(a), { folder, userId: a.control.current!.user.id, now: T0 }))();
  const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
  const cw = await addStaff(a, 'supervisor', 'Sam Second');
  const c = await joinWith(folder, await invite(a, sup.name, T0), sup, T0);
  for (const t of [c, a, c]) syncRound(db(t), T0);
  expect(admitted(c)).toEqual(admitted(a));
  expect(admitted(a)).toHaveLength(2);
  return { folder, a, c, cw };
}

describe('joining is decided by the inviting laptop', () => {
  it('an invitation used after its 7 days (joining clock set back) is refused by every laptop', async () => {
    const { folder, a, c, cw } = await teamOfTwo();
    const inv = await invite(a, cw.name, T0);
    const late = await joinWith(folder, inv, cw, T0); // its clock says the invitation is still valid
    syncRound(db(late), LATER);
    // Another laptop sees the join file first, then the inviting laptop, both past the expiry.
    syncRound(db(c), LATER);
    expect(admitted(c)).not.toContain(laptopOf(late));
    syncRound(db(a), LATER);
    await a.ok('clients.create', { chosenName: 'After Expiry' });
    for (const t of [a, c, late, a, c, late]) syncRound(db(t), LATER);
    expect(admitted(a)).not.toContain(laptopOf(late));
    expect(admitted(c)).not.toContain(laptopOf(late));
    expect(names(c)).toContain('After Expiry');
    expect(names(late)).not.toContain('After Expiry');
  });

  it('an invitation used within its 7 days is admitted everywhere once the inviting laptop announced it', async () => {
    const { folder, a, c, cw } = await teamOfTwo();
    const b = await joinWith(folder, await invite(a, cw.name, T0), cw, T0);
    syncRound(db(b), T0);
    // The join file alone does not admit it on a laptop that did not invite it.
    syncRound(db(c), T0);
    expect(admitted(c)).not.toContain(laptopOf(b));
    syncRound(db(a), T0);
    expect(admitted(a)).toContain(laptopOf(b));
    await b.ok('clients.create', { chosenName: 'From The New Laptop' });
    for (const t of [b, c, a, b, c]) syncRound(db(t), T0);
    expect(admitted(c)).toContain(laptopOf(b));
    expect(names(c)).toContain('From The New Laptop');
    expect(names(a)).toContain('From The New Laptop');
  });

  it('one invitation used by two laptops admits the same one on every laptop, whatever order they see the join files in', async () => {
    const { folder, a, c, cw } = await teamOfTwo();
    const inv = await invite(a, cw.name, T0);
    // Both join before either has written its join file.
    const b1 = await joinWith(folder, inv, cw, T0);
    const b2 = await joinWith(folder, inv, cw, T0);
    syncRound(db(b1), T0);
    syncRound(db(b2), T0);
    // The inviting laptop has only b1's files yet; the other laptop only b2's.
    roundWithout(a, folder, [b2], T0);
    roundWithout(c, folder, [b1], T0);
    for (const t of [a, c, b1, b2, a, c, b1, b2, a, c]) syncRound(db(t), T0);
    expect(admitted(a)).toContain(laptopOf(b1));
    expect(admitted(a)).not.toContain(laptopOf(b2));
    expect(admitted(c)).toEqual(admitted(a));
    await c.ok('clients.create', { chosenName: 'Shared Later' });
    for (const t of [c, a, b1, b2, c, a, b1, b2]) syncRound(db(t), T0);
    expect(names(b1)).toContain('Shared Later');
    expect(names(b2)).not.toContain('Shared Later');
  });
});
