// renderer/: the caseload. Cases arrive with later work; until then it says so, with no sample data.
import { PageHeading } from '../components/Heading';
import { useT } from '../i18n/i18n';

export function CaseloadPage() {
  const { t } = useT();
  return (
    <section>
      <PageHeading>{t('caseload.title')}</PageHeading>
      <p>{t('caseload.later')}</p>
    </section>
  );
}
