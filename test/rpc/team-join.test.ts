// Joining a team from the first-run screen (team.join): the same join as `safehold team join`,
// through the dispatcher. Refused plainly (wrong code, someone else's invitation, a folder that is not
// there) with nothing written; guessing the code is slowed like a sign-in; once joined, the person is
// signed in on a store of their own holding their caseload, and the door is shut.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../main/core/paths';
import { addStaff, setUpCore, testCore, type TestCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

async function agencyWithInvitation(): Promise<{ a: TestCore; folder: string; file: string; code: string; who: { name: string; passphrase: string }; mine: string }> {
  const folder = tempDir();
  const a = await setUpCore();
  const who = await addStaff(a, 'caseworker', 'Jordan Join-Worker');
  const userId = a.control.current!.db.prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(who.name) as string;
  await a.ok('team.create', { folder });
  const mine = await a.ok('clients.create', { chosenName: 'Joined Caseload Person' });
  await a.ok('clients.create', { chosenName: 'Someone Else Entirely' });
  await a.ok('clients.assign', { clientId: mine.id, workerId: userId });
  const file = join(tempDir(), 'invitation.shi');
  const made = await a.ok('team.invite', { userId, file });
  return { a, folder, file, code: made.code, who, mine: mine.id };
}

describe('team.join (first run on a new laptop)', () => {
  it('refuses a wrong code, another name and a missing folder with nothing written, then joins and signs in', async () => {
    const { folder, file, code, who, mine } = await agencyWithInvitation();
    const b = testCore();
    expect((await b.ok('app.status', {})).state).toBe('needs-setup');
    const input = { invitationFile: file, code, folder, name: who.name, passphrase: 'a brand new joiner passphrase' };

    const wrongCode = await b.call('team.join', { ...input, code: 'AAAA-BBBB-CCCC-DDDD' });
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: [{ path: 'code' }] } });
    const otherName = await b.call('team.join', { ...input, name: 'Not The Invited Person' });
    expect(otherName).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'name' }] } });
    const noFolder = await b.call('team.join', { ...input, folder: join(folder, 'not-there') });
    expect(noFolder).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'folder' }] } });
    const notAFile = await b.call('team.join', { ...input, invitationFile: join(folder, 'missing.shi') });
    expect(notAFile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'invitationFile' }] } });
    const shortPassphrase = await b.call('team.join', { ...input, passphrase: 'short' });
    expect(shortPassphrase).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'passphrase' }] } });
    expect(existsSync(dataPaths(b.dataDir).keyring)).toBe(false);
    expect(existsSync(dataPaths(b.dataDir).store)).toBe(false);
    expect((await b.ok('app.status', {})).state).toBe('needs-setup');

    const joined = await b.ok('team.join', input);
    expect(joined.status).toMatchObject({ state: 'unlocked', user: { displayName: who.name, role: 'caseworker' } });
    expect(joined.recoveryKey.replace(/[\s-]/gu, '')).toMatch(/^[0-9A-Z]{32}$/u);
    expect(joined.laptopId).toMatch(/^[0-9a-f]{16}$/u);
    const list = await b.ok('clients.list', { assigned: 'any' });
    expect(list.rows.map((c) => c.id)).toEqual([mine]);
    expect((await b.ok('team.status', {})).inTeam).toBe(true);

    // The door is shut once a store exists, signed in or not.
    expect(await b.call('team.join', input)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    await b.ok('session.lock', {});
    expect(await b.call('team.join', input)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    // The new passphrase signs in.
    expect((await b.ok('session.unlock', { name: who.name, passphrase: input.passphrase })).state).toBe('unlocked');
  });

  it('slows down guessing: after five wrong codes even the right one waits', async () => {
    const { folder, file, code, who } = await agencyWithInvitation();
    const b = testCore();
    const input = { invitationFile: file, code, folder, name: who.name, passphrase: 'a brand new joiner passphrase' };
    for (let i = 0; i < 5; i += 1) {
      expect(await b.call('team.join', { ...input, code: `AAAA-BBBB-CCCC-DDD${i}` })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    expect(await b.call('team.join', input)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(existsSync(dataPaths(b.dataDir).keyring)).toBe(false);
  });
});
