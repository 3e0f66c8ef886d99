// renderer/: data quality before submitting. For the period, worker and counting rules chosen above:
// per element the report counts people by, how many of the people counted have an answer, a reason
// or nothing; and, for staff who may open every case, the case numbers to complete (never names,
// never for auditors: main leaves the list out for them).
import { useId, useState, type FormEvent } from 'react';
import type { DataQualityOutput, ReportPreset } from '../../../../shared/schemas/reports';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import type { Period } from './PeriodForm';

export function DataQualitySection(props: { period: Period; periodProblem: string | null; workerId: string | null; preset: ReportPreset }) {
  const { t } = useT();
  const headingId = useId();
  const [result, setResult] = useState<DataQualityOutput | null>(null);
  const submit = useSubmit();
  const element = (code: string) => t(`qualityElement.${code}` as MessageKey);

  async function check(event: FormEvent) {
    event.preventDefault();
    const checked = await submit.run({ period: props.periodProblem ?? undefined }, () =>
      call('reports.dataQuality', { from: props.period.from, to: props.period.to, workerId: props.workerId, preset: props.preset }),
    );
    if (checked) setResult(checked);
  }

  return (
    <section aria-labelledby={headingId} className="report-quality">
      <h2 id={headingId}>{t('quality.title')}</h2>
      <p>{t('quality.intro')}</p>
      <form onSubmit={check} ref={submit.formRef} noValidate>
        <button type="submit" disabled={submit.busy}>
          {t('quality.check')}
        </button>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <StatusMessage>{result ? t('quality.people', { count: String(result.people) }) : null}</StatusMessage>
      </form>
      {result ? (
        <>
          <DataTable
            caption={t('quality.title')}
            rows={result.elements}
            rowKey={(e) => e.element}
            columns={[
              { header: t('quality.element'), cell: (e) => element(e.element), rowHeader: true },
              { header: t('quality.answered'), cell: (e) => e.answered },
              { header: t('quality.reason'), cell: (e) => e.reason },
              { header: t('quality.missing'), cell: (e) => e.missing },
            ]}
          />
          {result.casesToFix === null ? (
            <p>{t('quality.casesHidden')}</p>
          ) : result.casesToFix.length === 0 ? (
            <p>{t('quality.casesNone')}</p>
          ) : (
            <>
              <h3>{t('quality.casesTitle', { count: String(result.casesToFixCount) })}</h3>
              <ul aria-label={t('quality.casesTitle', { count: String(result.casesToFixCount) })}>
                {result.casesToFix.map((c) => (
                  <li key={c.clientId}>
                    {c.caseNumber}: {c.missing.map(element).join(', ')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
