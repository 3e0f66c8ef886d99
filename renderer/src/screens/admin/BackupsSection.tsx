// renderer/: Admin → Backups. When the last backup was made against the agency's limit, making one
// now into a folder the administrator names (a USB drive, say), changing the limit, and restoring a
// backup (checked first; current staff, keys, access log and case numbers carry over). Main writes
// the file, keeps the limit and does the restore.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { errorAt } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { formatFileSize, isAbsolutePath } from '../../components/paths';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import { reloadLocked } from '../../app/lock';
import { RestoreBackup } from '../RestoreBackup';
import { BackupReminderForm } from './BackupReminderForm';

/** `onStatusChanged`: a backup was made or the limit changed, so the banner should read the status again. */
export function BackupsSection(props: { focusRequested: boolean; onStatusChanged: () => void }) {
  const { t, language, formatTimestamp } = useT();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Output<'backup.status'> | null>(null);
  const [folder, setFolder] = useState('');
  const [made, setMade] = useState<Output<'backup.create'> | null>(null);
  const submit = useSubmit();

  const loadStatus = useCallback(async () => {
    const result = await call('backup.status', {});
    if (result.ok) setStatus(result.value);
  }, []);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  // The overdue banner links here; the page heading has just taken focus, so this runs after it.
  useEffect(() => {
    if (!props.focusRequested) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [props.focusRequested]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMade(null);
    const path = folder.trim();
    const found = { folder: !path ? t('field.required') : isAbsolutePath(path) ? undefined : t('backups.fullPath') };
    const done = await submit.run(found, () => call('backup.create', { folder: path }));
    if (!done) return;
    setMade(done);
    await loadStatus();
    props.onStatusChanged();
  }

  async function onReminderSaved() {
    await loadStatus();
    props.onStatusChanged();
  }

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('backups.title')}
      </h2>
      <div className="panel">
        <p>{t('backups.explain')}</p>
        {status ? (
          <dl className="facts backup-facts">
            <div>
              <dt>{t('backups.lastLabel')}</dt>
              <dd>{status.lastBackupAt ? formatTimestamp(status.lastBackupAt, true) : t('backups.none')}</dd>
            </div>
            <div>
              <dt>{t('backups.limitLabel')}</dt>
              <dd>{t(status.maxAgeDays === 1 ? 'backups.limitOne' : 'backups.limit', { days: status.maxAgeDays })}</dd>
            </div>
          </dl>
        ) : (
          <p className="hint">{t('backups.loading')}</p>
        )}
        <form ref={submit.formRef} onSubmit={onSubmit} noValidate className="backup-form">
          <ErrorMessage>{submit.formError}</ErrorMessage>
          <TextField
            label={t('backups.folder')}
            hint={t('backups.folderHint')}
            value={folder}
            onChange={(value) => {
              setFolder(value);
              setMade(null);
            }}
            autoComplete="off"
            className="mono"
            error={errorAt(submit.errors, 'folder')}
            maxLength={4096}
            required
          />
          <StatusMessage tone={made ? 'success' : 'info'}>
            {submit.busy ? (
              t('backups.making')
            ) : made ? (
              <>
                <p>{t('backups.made')}</p>
                <dl className="facts">
                  <div>
                    <dt>{t('backups.madeFile')}</dt>
                    <dd>
                      <code className="break">{made.file}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('backups.madeSize')}</dt>
                    <dd>{formatFileSize(language, made.bytes)}</dd>
                  </div>
                </dl>
                <p>{t('backups.keepSafe')}</p>
              </>
            ) : null}
          </StatusMessage>
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
              {t('backups.make')}
            </button>
          </div>
        </form>
      </div>
      {status ? <BackupReminderForm initialDays={status.maxAgeDays} onSaved={() => void onReminderSaved()} /> : null}
      {/* Restoring ends this session (main says so with a "restored" lock); sign-in follows. */}
      <RestoreBackup mode="signed-in" onRestored={() => reloadLocked('restored')} />
    </section>
  );
}
