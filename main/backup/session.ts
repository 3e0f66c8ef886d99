// Main process (plain Node). Never imports electron.
// A backup of the signed-in session's store, as the app and the CLI make it: the file, then one
// access-log entry (the backup's id only) and the time of the last backup, in one transaction.
import { BACKUP_REMINDER_DEFAULT_DAYS, BackupReminderDays } from '../../shared/schemas/backup';
import { auditLog } from '../audit/chain';
import type { OpenSession } from '../core/installation';
import type { DataPaths } from '../core/paths';
import type { Db } from '../store/open';
import { createBackup } from './create';

export interface BackupMade {
  file: string;
  bytes: number;
  createdAt: string;
  backupId: string;
}

export function backUpSession(session: OpenSession, paths: DataPaths, folder: string, now: Date, chunkBytes?: number): BackupMade {
  const record = (outcome: 'ok' | 'failed', targetId: string | null, after?: () => void) =>
    session.db.transaction(() => {
      auditLog(session.db, session.auditKey, () => now).append({ actorId: session.user.id, action: 'backup.create', targetId, outcome });
      after?.();
    })();
  let made: ReturnType<typeof createBackup>;
  try {
    made = createBackup({ paths, db: session.db, dataKey: session.dataKey, now, ...(chunkBytes ? { chunkBytes } : {}) }, folder);
  } catch (error) {
    record('failed', null);
    throw error;
  }
  const createdAt = made.manifest.createdAt;
  record('ok', made.manifest.backupId, () =>
    session.db.prepare("INSERT INTO settings (key, value) VALUES ('last_backup_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(createdAt),
  );
  return { file: made.file, bytes: made.bytes, createdAt, backupId: made.manifest.backupId };
}

function setting(db: Db, key: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value;
}

/** How old the last backup is against the admin's limit (default 7 days); no backup yet is overdue. */
export function backupStatus(db: Db, now: Date): { lastBackupAt: string | null; maxAgeDays: number; overdue: boolean } {
  const limit = BackupReminderDays.safeParse(Number(setting(db, 'backup_max_age_days')));
  const maxAgeDays = limit.success ? limit.data : BACKUP_REMINDER_DEFAULT_DAYS;
  const last = setting(db, 'last_backup_at') ?? null;
  const lastMs = last === null ? Number.NaN : Date.parse(last);
  const overdue = Number.isNaN(lastMs) || now.getTime() - lastMs > maxAgeDays * 86_400_000;
  return { lastBackupAt: Number.isNaN(lastMs) ? null : last, maxAgeDays, overdue };
}
