// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../limits';
import { Role } from '../roles';
import { Id, IsoDateTime, Passphrase, PassphraseAttempt, PersonName } from './common';

export const AddStaffInput = z.object({ displayName: PersonName, role: Role }).strict();

/** A one-time code the admin hands over; the person then chooses their own passphrase with it. */
export const SetupCodeOutput = z.object({ userId: Id, setupCode: z.string(), expiresAt: IsoDateTime });

export const StaffIdInput = z.object({ userId: Id }).strict();
export const SetRoleInput = z.object({ userId: Id, role: Role }).strict();

export const FirstSignInInput = z
  .object({
    name: z.string().max(400),
    setupCode: z.string().trim().min(1, 'Enter the setup code.').max(40),
    newPassphrase: Passphrase,
  })
  .strict();

export const RegenerateRecoveryInput = z.object({ currentPassphrase: PassphraseAttempt }).strict();
export const RecoveryKeyOutput = z.object({ recoveryKey: z.string() });

export const IdleLockInput = z.object({ minutes: z.number().int().min(IDLE_LOCK_MIN_MINUTES).max(IDLE_LOCK_MAX_MINUTES) }).strict();
