// renderer/: reports. They arrive with later work; until then it says so, with no sample data.
import { PageHeading } from '../components/Heading';
import { useT } from '../i18n/i18n';

export function ReportsPage() {
  const { t } = useT();
  return (
    <section>
      <PageHeading>{t('reports.title')}</PageHeading>
      <p>{t('reports.later')}</p>
    </section>
  );
}
