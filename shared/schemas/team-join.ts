// shared/: runs in every process. Imports nothing outside shared/.
// Joining a team from the first-run screen (the same join as `safehold team join`): the invitation
// file and its one-time code, the shared folder, the invited person's name and their new passphrase.
import { z } from 'zod';
import { Passphrase, PersonName } from './common';
import { AppStatus } from './session';
import { AbsolutePath, LaptopId } from './team';

export const JoinTeamInput = z
  .object({
    invitationFile: AbsolutePath,
    code: z.string().trim().min(1, 'Enter the one-time code.').max(40),
    folder: AbsolutePath,
    name: PersonName,
    passphrase: Passphrase,
  })
  .strict();

export const JoinTeamOutput = z.object({
  /** Signed in as the invited person. */
  status: AppStatus,
  /** This laptop's recovery key, shown once (groups of four). */
  recoveryKey: z.string(),
  laptopId: LaptopId,
});
