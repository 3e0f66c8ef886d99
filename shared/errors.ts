// shared/: runs in every process. Imports nothing outside shared/ (zod only).
// The closed set of error codes that may cross the IPC boundary. Messages are plain language;
// they never carry SQL, stack traces, inputs or personal data.
import { z } from 'zod';

export const errorCodes = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'LOCKED',
  'FORBIDDEN',
  'WRONG_PASSPHRASE',
  'TOO_MANY_ATTEMPTS',
  'NOT_FOUND',
  'CONFLICT',
  'CONSENT_REQUIRED',
  'STORE_UNAVAILABLE',
  'DISK_FULL',
  'INTERNAL',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldProblem = z.object({
  /** Dotted path of the field, e.g. "passphrase" or "contacts.0.phone". */
  path: z.string(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblem>;

export const RpcError = z.object({
  code: ErrorCode,
  message: z.string(),
  fields: z.array(FieldProblem).optional(),
});
export type RpcError = z.infer<typeof RpcError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Default plain-language messages; the renderer translates by code, these are the fallback. */
export const defaultMessages: Record<ErrorCode, string> = {
  UNKNOWN_METHOD: 'This action is not available.',
  INVALID_INPUT: 'Some of the information needs checking. Nothing was saved.',
  NOT_SET_UP: 'Safehold has not been set up on this computer yet.',
  ALREADY_SET_UP: 'Safehold is already set up on this computer.',
  LOCKED: 'Safehold is locked. Sign in to continue.',
  FORBIDDEN: 'Your role does not allow this.',
  WRONG_PASSPHRASE: 'That name and passphrase do not match. Check them and try again.',
  TOO_MANY_ATTEMPTS: 'Too many attempts with this name. Wait a little and try again.',
  NOT_FOUND: 'That record could not be found.',
  CONFLICT: 'That could not be saved because it conflicts with what is already stored.',
  CONSENT_REQUIRED:
    "Sharing this person's identity needs their active consent for this partner. Record the consent first, or send the referral without identifying details.",
  STORE_UNAVAILABLE:
    'The case store could not be opened. It may be damaged or the key is wrong. Nothing was changed; restore from a backup if this continues.',
  DISK_FULL: 'The disk is full, so the last change was not saved. Everything saved before it is intact. Free some space, then try again.',
  INTERNAL: 'Something went wrong. Nothing was saved.',
};
