// Main process (plain Node). Never imports electron.
// Encrypted backups: made by an admin into a chosen folder; checked and restored by an administrator
// of the store here (signed in, or their current passphrase) or with its current recovery key, plus a
// secret valid for the backup when the current key does not open it (on a new computer the backup's
// own secret); and how old the last one may get before the reminder shows (an admin setting).
// Refusals keep their plain message, with the field they are about (`current` or `backup`).
import type { z } from 'zod';
import type { BackupSecretInput, OpenBackupInput } from '../../../shared/schemas/backup';
import { BackupError } from '../../backup/errors';
import { backupStatus as readBackupStatus } from '../../backup/session';
import type { BackupSecret } from '../../backup/verify';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

type Secret = z.output<typeof BackupSecretInput>;

function asSecret(input: Secret | { file: string }): BackupSecret | undefined {
  if ('recoveryKey' in input) return { recoveryKey: input.recoveryKey };
  if ('passphrase' in input) return { name: input.name, passphrase: input.passphrase };
  return undefined;
}

function secretsOf(input: z.output<typeof OpenBackupInput>): { secret: BackupSecret | undefined; current: BackupSecret | undefined } {
  return { secret: asSecret(input), current: input.current ? asSecret(input.current) : undefined };
}

/** Which part of the form a refusal is about: the person's authority here, or the backup's own secret. */
const field = (path: 'current' | 'backup', message: string) => [{ path, message }];

/** A BackupError as a coded error with its plain message; anything else passes through. */
function coded(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error;
  switch (error.failure) {
    case 'missing':
      return new AppError('NOT_FOUND', error.message);
    case 'wrong-secret':
      return new AppError('WRONG_PASSPHRASE', error.message, field('backup', error.message));
    case 'needs-backup-secret':
      return new AppError('WRONG_PASSPHRASE', error.message, field('backup', error.message));
    case 'not-authorized':
      return new AppError('WRONG_PASSPHRASE', error.message, field('current', error.message));
    case 'in-use':
      return new AppError('CONFLICT', error.message);
    case 'not-written':
      return new AppError('INTERNAL', error.message);
    default:
      return new AppError('INVALID_INPUT', error.message, [{ path: 'file', message: error.message }]);
  }
}

export const createBackup: Handler<'backup.create'> = async (input, { control }) => {
  try {
    const made = control.createBackup(input.folder);
    return { file: made.file, bytes: made.bytes, createdAt: made.createdAt };
  } catch (error) {
    throw coded(error);
  }
};

export const backupStatus: Handler<'backup.status'> = (_input, ctx) => readBackupStatus(ctx.db, ctx.now());

export const setBackupReminder: Handler<'settings.setBackupReminder'> = (input, { db }) => {
  stmt(db, "INSERT INTO settings (key, value) VALUES ('backup_max_age_days', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(input.days));
  return { done: true };
};

export const inspectBackup: Handler<'backup.inspect'> = async (input, { control }) => {
  try {
    const { secret, current } = secretsOf(input);
    return await control.inspectBackup(input.file, secret, current);
  } catch (error) {
    throw coded(error);
  }
};

export const restoreBackup: Handler<'backup.restore'> = async (input, { control }) => {
  try {
    const { secret, current } = secretsOf(input);
    return await control.restoreBackup(input.file, secret, current);
  } catch (error) {
    throw coded(error);
  }
};
