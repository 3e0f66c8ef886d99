// renderer/: how old the last backup may get before everyone sees the reminder banner. The range here
// is a courtesy; main refuses anything outside it.
import { useId, useState, type FormEvent } from 'react';
import { BACKUP_REMINDER_MAX_DAYS, BACKUP_REMINDER_MIN_DAYS } from '../../../../shared/schemas/backup';
import { call } from '../../api/client';
import { NumberField } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';

export function BackupReminderForm(props: { initialDays: number; onSaved: () => void }) {
  const { t } = useT();
  const headingId = useId();
  const [days, setDays] = useState<number | null>(props.initialDays);
  const [saved, setSaved] = useState<number | null>(null);
  const submit = useSubmit();
  const range = { min: BACKUP_REMINDER_MIN_DAYS, max: BACKUP_REMINDER_MAX_DAYS };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const value = days;
    const found = { days: value === null || value < range.min || value > range.max ? t('backupReminder.range', range) : undefined };
    const done = await submit.run(found, () => call('settings.setBackupReminder', { days: value ?? 0 }));
    if (!done || value === null) return;
    setSaved(value);
    props.onSaved();
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('backupReminder.title')}</h3>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <NumberField
          label={t('backupReminder.label')}
          hint={t('backupReminder.hint', range)}
          value={days}
          onChange={(value) => {
            setDays(value);
            setSaved(null);
          }}
          min={range.min}
          max={range.max}
          error={errorAt(submit.errors, 'days')}
        />
        <StatusMessage tone={saved !== null ? 'success' : 'info'}>
          {submit.busy
            ? t('common.working')
            : saved !== null
              ? t(saved === 1 ? 'backupReminder.savedOne' : 'backupReminder.saved', { days: saved })
              : null}
        </StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('backupReminder.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
