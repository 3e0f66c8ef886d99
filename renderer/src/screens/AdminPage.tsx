// renderer/: administration. For now: the administrator's own passphrase and the access-log check.
import { PageHeading } from '../components/Heading';
import { useT } from '../i18n/i18n';
import { AuditLogCheck } from './AuditLogCheck';
import { ChangePassphraseForm } from './ChangePassphraseForm';

export function AdminPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <ChangePassphraseForm />
      <AuditLogCheck />
    </>
  );
}
