// Main process (plain Node). Never imports electron.
// Joining a team from the first-run screen: the same join as `safehold team join` (main/sync/team/join),
// allowed only while this data folder holds no store. Each try counts against the data folder's
// attempt limit before the code is tried (5 free, then waits doubling to 15 minutes, locked after
// 100), so the one-time code cannot be guessed through the screen. On success the person is signed
// in, a first round fetches what the others sent meanwhile, and the recovery key is shown once.
import { statSync } from 'node:fs';
import { dataPaths } from '../../core/paths';
import { isInstalled } from '../../core/installation';
import type { SessionControl } from '../../core/session-control';
import { wipeIdentity } from '../../keys/identity';
import { formatRecoveryKey, newRecoveryKey } from '../../keys/recovery';
import { SignInThrottle } from '../../keys/throttle';
import { TeamError } from '../../sync/team/enrol';
import { InvitationError } from '../../sync/team/invitation';
import { joinTeam } from '../../sync/team/join';
import { teamSyncOf } from '../../sync/team/service';
import { AppError } from '../errors';
import type { Handler } from '../types';

/** One attempt counter per data folder; tries run one at a time. */
const JOIN_KEY = 'team-join';
const throttles = new WeakMap<SessionControl, SignInThrottle>();

function throttleOf(control: SessionControl): SignInThrottle {
  let throttle = throttles.get(control);
  if (!throttle) {
    throttle = new SignInThrottle(control.dataDir);
    throttles.set(control, throttle);
  }
  return throttle;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function coded(error: unknown): unknown {
  if (error instanceof InvitationError) {
    const code = error.field === 'code' ? 'WRONG_PASSPHRASE' : 'INVALID_INPUT';
    return new AppError(code, error.message, [{ path: error.field === 'file' ? 'invitationFile' : error.field, message: error.message }]);
  }
  if (error instanceof TeamError) return new AppError('ALREADY_SET_UP', error.message);
  return error;
}

export const joinTeamHandler: Handler<'team.join'> = async (input, { control }) => {
  const paths = dataPaths(control.dataDir);
  if (control.current || isInstalled(paths)) throw new AppError('ALREADY_SET_UP');
  if (!isFolder(input.folder)) {
    const message = 'The shared folder cannot be reached. Check that the drive or USB stick is connected.';
    throw new AppError('INVALID_INPUT', message, [{ path: 'folder', message }]);
  }
  const throttle = throttleOf(control);
  const joined = await throttle.serialise(JOIN_KEY, async () => {
    const now = new Date();
    const verdict = throttle.attempt(JOIN_KEY, now.getTime());
    if (!verdict.allowed) {
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        verdict.retryAfterMs === null
          ? 'Joining is locked on this computer after many wrong codes. Ask an administrator for a new invitation and code.'
          : `Too many wrong codes. Wait ${Math.ceil(verdict.retryAfterMs / 60_000)} minute(s) and try again.`,
      );
    }
    if (isInstalled(paths)) throw new AppError('ALREADY_SET_UP');
    const recoveryKey = newRecoveryKey();
    try {
      const made = await joinTeam({ paths, invitationFile: input.invitationFile, code: input.code, folder: input.folder, name: input.name, passphrase: input.passphrase, recoveryKey, cost: await control.cost(), now });
      made.dataKey.fill(0);
      wipeIdentity(made.identity);
      throttle.succeed(JOIN_KEY);
      return { laptopId: made.laptopId, recoveryKey: formatRecoveryKey(recoveryKey) };
    } catch (error) {
      throw coded(error);
    }
  });
  await control.unlock(input.name, input.passphrase);
  // What the others wrote since the invitation was made; later rounds follow on the timer.
  await teamSyncOf(control).syncNow().catch(() => {});
  return { status: control.status(), recoveryKey: joined.recoveryKey, laptopId: joined.laptopId };
};
