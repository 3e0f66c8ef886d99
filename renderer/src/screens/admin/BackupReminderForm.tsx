// renderer/: how old the last backup may get before everyone sees the reminder banner. The range here
// is a courtesy; main refuses anything outside it.
import { BACKUP_REMINDER_MAX_DAYS, BACKUP_REMINDER_MIN_DAYS, BackupReminderInput } from '../../../../shared/schemas/backup';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { NumberSetting } from './NumberSetting';

const range = { min: BACKUP_REMINDER_MIN_DAYS, max: BACKUP_REMINDER_MAX_DAYS };

export function BackupReminderForm(props: { initialDays: number; onSaved: () => void }) {
  const { t } = useT();
  return (
    <NumberSetting
      schema={BackupReminderInput}
      name="days"
      words="backupReminder"
      range={range}
      savedText={(days) => t(days === 1 ? 'backupReminder.savedOne' : 'backupReminder.saved', { days })}
      initial={props.initialDays}
      send={(input) => call('settings.setBackupReminder', input)}
      onSaved={props.onSaved}
    />
  );
}
