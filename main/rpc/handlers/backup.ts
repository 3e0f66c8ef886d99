// Main process (plain Node). Never imports electron.
// Encrypted backups: made by an admin into a chosen folder, checked and restored with a passphrase
// valid when the backup was made or with the recovery key, and how old the last one may get before
// the reminder shows (an admin setting). Refusals keep their plain message.
import type { z } from 'zod';
import type { OpenBackupInput } from '../../../shared/schemas/backup';
import { BackupError } from '../../backup/errors';
import { backupStatus as readBackupStatus } from '../../backup/session';
import type { BackupSecret } from '../../backup/verify';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

function secretOf(input: z.output<typeof OpenBackupInput>): BackupSecret {
  return 'recoveryKey' in input ? { recoveryKey: input.recoveryKey } : { name: input.name, passphrase: input.passphrase };
}

/** A BackupError as a coded error with its plain message; anything else passes through. */
function coded(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error;
  switch (error.failure) {
    case 'missing':
      return new AppError('NOT_FOUND', error.message);
    case 'wrong-secret':
      return new AppError('WRONG_PASSPHRASE', error.message);
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
    return await control.inspectBackup(input.file, secretOf(input));
  } catch (error) {
    throw coded(error);
  }
};

export const restoreBackup: Handler<'backup.restore'> = async (input, { control }) => {
  try {
    return await control.restoreBackup(input.file, secretOf(input));
  } catch (error) {
    throw coded(error);
  }
};
