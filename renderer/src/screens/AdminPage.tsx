// renderer/: administration: staff accounts, security settings, backups, spreadsheet import and report
// settings. Administrators only; everyone's own passphrase is under My account, and the access log has
// its own page.
import { useId } from 'react';
import type { SessionUser } from '../../../shared/schemas/session';
import { PageHeading } from '../components/Heading';
import { useT } from '../i18n/i18n';
import { BackupsSection } from './admin/BackupsSection';
import { IdleLockForm } from './admin/IdleLockForm';
import { DocumentLimitForm } from './admin/DocumentLimitForm';
import { ImportSection } from './admin/ImportSection';
import { InstrumentsSection } from './admin/InstrumentsSection';
import { NewRecoveryKey } from './admin/NewRecoveryKey';
import { StaffSection } from './admin/StaffSection';
import { SuppressionForm } from './admin/SuppressionForm';
import { SigningKeySection } from './reports/VerifySection';
import { TeamSection } from './team/TeamSection';

export function AdminPage({ user, section, onBackupMade }: { user: SessionUser; section?: 'backups' | undefined; onBackupMade: () => void }) {
  const { t } = useT();
  const securityId = useId();
  const reportsId = useId();
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <StaffSection user={user} />
      <section aria-labelledby={securityId} className="admin-section">
        <h2 id={securityId}>{t('security.title')}</h2>
        <IdleLockForm />
        <DocumentLimitForm />
        <NewRecoveryKey />
      </section>
      <BackupsSection focusRequested={section === 'backups'} onStatusChanged={onBackupMade} />
      <ImportSection />
      <TeamSection />
      <section aria-labelledby={reportsId} className="admin-section">
        <h2 id={reportsId}>{t('reportSettings.title')}</h2>
        <SuppressionForm />
        <SigningKeySection level={3} />
        <InstrumentsSection />
      </section>
    </>
  );
}
