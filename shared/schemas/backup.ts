// shared/: runs in every process. Imports nothing outside shared/.
// Encrypted backups: making one into a chosen folder, how old the last one is, and opening one
// (an administrator here, and a secret valid for the backup) to see what it holds or restore it.
import { z } from 'zod';
import { PassphraseAttempt } from './common';
import { RecoveryKeyText } from './session';

/** The reminder: a banner once the last backup is older than this many days (the admin sets it). */
export const BACKUP_REMINDER_DEFAULT_DAYS = 7;
export const BACKUP_REMINDER_MIN_DAYS = 1;
export const BACKUP_REMINDER_MAX_DAYS = 90;

export const BackupReminderDays = z.number().int().min(BACKUP_REMINDER_MIN_DAYS).max(BACKUP_REMINDER_MAX_DAYS);
export const BackupReminderInput = z.object({ days: BackupReminderDays }).strict();

/** An absolute path as the operating system's file dialog gives it (POSIX, C:\ or \\server\share). */
const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/u, 'Not a valid path.')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/u, 'Choose a folder or file with its full path.');

export const BackupFolderInput = z.object({ folder: AbsolutePath }).strict();

export const CreatedBackup = z.object({
  /** Full path of the new backup file. */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
});

export const BackupStatus = z.object({
  lastBackupAt: z.string().nullable(),
  maxAgeDays: BackupReminderDays,
  /** No backup yet, or the last one is older than maxAgeDays: the app shows a banner. */
  overdue: z.boolean(),
});

const BackupFilePath = AbsolutePath.refine((p) => p.toLowerCase().endsWith('.shbk'), 'Choose a Safehold backup file (.shbk).');

/** A name and passphrase, or a recovery key. */
export const BackupSecretInput = z.union([
  z.object({ name: z.string().min(1).max(400), passphrase: PassphraseAttempt }).strict(),
  z.object({ recoveryKey: RecoveryKeyText }).strict(),
]);

/**
 * Which backup, and what opens it. Where a store exists, looking inside or restoring needs an
 * administrator of it (signed in, or `current`: their name and current passphrase) or its current
 * recovery key; the secret at the top level then opens the backup when the current key does not
 * (a passphrase valid when it was made, or the recovery key of that time). With no `current`, the
 * top-level secret is checked for both. On a computer with no store, the top-level secret opens it.
 */
export const OpenBackupInput = z.union([
  z.object({ file: BackupFilePath, name: z.string().min(1).max(400), passphrase: PassphraseAttempt, current: BackupSecretInput.optional() }).strict(),
  z.object({ file: BackupFilePath, recoveryKey: RecoveryKeyText, current: BackupSecretInput.optional() }).strict(),
  z.object({ file: BackupFilePath, current: BackupSecretInput.optional() }).strict(),
]);

/** What a verified backup holds: numbers and dates only. */
export const BackupSummary = z.object({
  backupId: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  keyEpoch: z.number().int(),
  bytes: z.number().int(),
  clients: z.number().int(),
  /** Rows per table. */
  counts: z.record(z.string(), z.number().int()),
  auditEntries: z.number().int(),
  auditLogIntact: z.boolean(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;
