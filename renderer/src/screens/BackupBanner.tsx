// renderer/: a calm reminder on every signed-in screen when the last backup is older than the
// agency's limit (or there is none). Administrators get a link to make one; others are told whom to ask.
import type { Output } from '../../../shared/contract';
import { hrefFor } from '../app/router';
import { useT } from '../i18n/i18n';

export function BackupBanner(props: { status: Output<'backup.status'> | null; isAdmin: boolean }) {
  const { t } = useT();
  const overdue = props.status?.overdue ? props.status : null;
  // Always rendered, so the polite live region exists before its text appears.
  return (
    <div role="status" className={overdue ? 'backup-banner' : 'status-empty'}>
      {overdue ? (
        <p>
          {overdue.lastBackupAt ? t(overdue.maxAgeDays === 1 ? 'banner.overdueOne' : 'banner.overdue', { days: overdue.maxAgeDays }) : t('banner.never')}{' '}
          {props.isAdmin ? <a href={hrefFor({ page: 'admin', section: 'backups' })}>{t('banner.goToBackups')}</a> : t('banner.askAdmin')}
        </p>
      ) : null}
    </div>
  );
}
