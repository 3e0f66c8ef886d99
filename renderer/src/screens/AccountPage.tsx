// renderer/: the signed-in person's own account, for every role: for now, changing their passphrase.
import { PageHeading } from '../components/Heading';
import { useT } from '../i18n/i18n';
import { ChangePassphraseForm } from './ChangePassphraseForm';

export function AccountPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <p>{t('account.intro')}</p>
      <ChangePassphraseForm />
    </>
  );
}
