// renderer/: Admin → Backups. When the last backup was made against the agency's limit, making one
// now into a folder the administrator names (a USB drive, say), changing the limit, and restoring a
// backup (checked first; current staff, keys, access log and case numbers carry over). Main writes
// the file, keeps the limit and does the restore.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { BackupFolderInput } from '../../../../shared/schemas/backup';
import { call } from '../../api/client';
import { FormFrame } from '../../components/FormFrame';
import { formatFileSize, isAbsolutePath } from '../../components/paths';
import { PathField } from '../../components/PathField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { reloadLocked } from '../../app/lock';
import { RestoreBackup } from '../RestoreBackup';
import { BackupReminderForm } from './BackupReminderForm';

/** `onStatusChanged`: a backup was made or the limit changed, so the banner should read the status again. */
export function BackupsSection(props: { focusRequested: boolean; onStatusChanged: () => void }) {
  const { t, formatTimestamp } = useT();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Output<'backup.status'> | null>(null);
  const [made, setMade] = useState<Output<'backup.create'> | null>(null);

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

  const sf = useSchemaForm({
    schema: BackupFolderInput,
    defaults: { folder: '' },
    toInput: (v) => ({ folder: v.folder.trim() }),
    extraChecks: (v) => ({ folder: !v.folder.trim() ? t('field.required') : isAbsolutePath(v.folder.trim()) ? undefined : t('backups.fullPath') }),
    onSubmitStart: () => setMade(null),
    send: (input) => call('backup.create', input),
    onSaved: async (done) => {
      setMade(done);
      await loadStatus();
      props.onStatusChanged();
    },
  });

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
        <FormFrame form={sf} submitLabel={t('backups.make')} busyText={t('backups.making')} savedText={made ? <Made made={made} /> : null} className="backup-form">
          <PathField label={t('backups.folder')} hint={t('backups.folderHint')} {...sf.field('folder')} />
        </FormFrame>
      </div>
      {status ? <BackupReminderForm initialDays={status.maxAgeDays} onSaved={() => void onReminderSaved()} /> : null}
      {/* Restoring ends this session (main says so with a "restored" lock); sign-in follows. */}
      <RestoreBackup mode="signed-in" onRestored={() => reloadLocked('restored')} />
    </section>
  );
}

/** Where the backup just made was saved, and how large it is. */
function Made({ made }: { made: Output<'backup.create'> }) {
  const { t, language } = useT();
  return (
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
  );
}
