// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../limits';
import { RECOVERY_KEY_PATTERN, normalizeRecoveryKey } from '../recovery-key';
import { Role } from '../roles';
import { Id, Passphrase, PassphraseAttempt, PersonName } from './common';

export const SessionUser = z.object({
  id: Id,
  displayName: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const AppStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('needs-setup') }),
  z.object({ state: z.literal('locked') }),
  z.object({
    state: z.literal('unlocked'),
    user: SessionUser,
    agencyName: z.string(),
    /** A store of generated, fictional cases (safehold demo): the app says so on every screen. */
    demo: z.boolean(),
    idleLockMinutes: z.number().int().min(IDLE_LOCK_MIN_MINUTES).max(IDLE_LOCK_MAX_MINUTES),
    /**
     * What the access log's anchors said at this sign-in: 'rolled-back' (the data folder is older than
     * this computer remembers, or its anchor was cut short), 'anchor-missing' (the anchor beside the
     * store was deleted), 'first-use' (this computer had no record of this store yet; said once).
     */
    anchorNotice: z.enum(['first-use', 'anchor-missing', 'rolled-back']).nullable().optional(),
  }),
]);
export type AppStatus = z.infer<typeof AppStatus>;

/** The recovery key, as shown: 8 groups of 4 Crockford base-32 characters. */
export const RecoveryKeyText = z
  .string()
  .trim()
  .max(80)
  .transform(normalizeRecoveryKey)
  .pipe(z.string().regex(RECOVERY_KEY_PATTERN, 'A recovery key has 32 letters and digits.'));

export const SetupBeginOutput = z.object({
  /** Shown once; the person must type it back in setup.complete before anything is written. */
  recoveryKey: z.string(),
});

export const SetupCompleteInput = z
  .object({
    agencyName: PersonName,
    adminName: PersonName,
    passphrase: Passphrase,
    recoveryKeyConfirmation: RecoveryKeyText,
  })
  .strict();

export const UnlockInput = z
  .object({
    name: z.string().max(400),
    passphrase: PassphraseAttempt,
  })
  .strict();

/** Total loss: the recovery key opens its own slot and sets a new passphrase for a named admin. */
export const RecoverInput = z
  .object({
    recoveryKey: RecoveryKeyText,
    name: z.string().max(400),
    newPassphrase: Passphrase,
  })
  .strict();

export const ChangePassphraseInput = z
  .object({
    currentPassphrase: PassphraseAttempt,
    newPassphrase: Passphrase,
  })
  .strict();

export const Empty = z.object({}).strict();
export const Done = z.object({ done: z.literal(true) });
