// A team of laptops for tests: a first laptop set up through the dispatcher, and others joining it
// with a real invitation, each in its own temporary data folder, all sharing one folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPaths } from '../../main/core/paths';
import { FLOOR_COST } from '../../main/keys/kdf';
import { newRecoveryKey } from '../../main/keys/recovery';
import type { Db } from '../../main/store/open';
import { createInvitation, createTeam } from '../../main/sync/team/enrol';
import { joinTeam } from '../../main/sync/team/join';
import { syncRound } from '../../main/sync/team/round';
import { setUpCore, testCore, type TestCore } from './core';
import { tempDir } from './tmp';

export function dbOf(t: TestCore): Db {
  const s = t.control.current;
  if (!s) throw new Error('not signed in');
  return s.db;
}

export function userIdOf(t: TestCore, name: string): string {
  return dbOf(t).prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(name) as string;
}

/** The first laptop of a new team, its administrator signed in. */
export async function firstLaptop(folder: string): Promise<TestCore> {
  const a = await setUpCore();
  const d = dbOf(a);
  d.transaction(() => createTeam(d, { folder, userId: a.control.current!.user.id, now: new Date() }))();
  return a;
}

/** A new laptop for a staff member of the first one's store, joined and signed in (no round yet). */
export async function joinFor(first: TestCore, folder: string, who: { name: string; passphrase: string }): Promise<TestCore> {
  const made = await createInvitation(dbOf(first), { userId: userIdOf(first, who.name), now: new Date() });
  const file = join(tempDir(), 'invitation.shi');
  writeFileSync(file, made.file);
  syncRound(dbOf(first));
  const dir = tempDir();
  const joined = await joinTeam({ paths: dataPaths(dir), invitationFile: file, code: made.code, folder, name: who.name, passphrase: who.passphrase, recoveryKey: newRecoveryKey(), cost: FLOOR_COST, now: new Date() });
  joined.dataKey.fill(0);
  const t = testCore(dir);
  await t.ok('session.unlock', { name: who.name, passphrase: who.passphrase });
  return t;
}

export function rounds(...laptops: TestCore[]): void {
  for (const t of laptops) syncRound(dbOf(t));
}
