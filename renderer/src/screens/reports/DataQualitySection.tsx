// renderer/: data quality before submitting. For the period, worker and counting rules chosen above:
// per element the report counts people by, how many of the people counted have an answer, a reason
// or nothing; and, for staff who may open every case, the case numbers to complete (never names,
// never for auditors: main leaves the list out for them).
import { useId, useState } from 'react';
import { DataQualityInput, type DataQualityOutput, type ReportPreset } from '../../../../shared/schemas/reports';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { FormFrame } from '../../components/FormFrame';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import type { Period } from './PeriodForm';

export function DataQualitySection(props: { period: Period; periodProblem: string | null; workerId: string | null; preset: ReportPreset }) {
  const { t } = useT();
  const headingId = useId();
  const [result, setResult] = useState<DataQualityOutput | null>(null);
  const element = (code: string) => t(`qualityElement.${code}` as MessageKey);
  // No fields of its own: the period, worker and counting rules are the ones chosen above.
  const sf = useSchemaForm({
    onlyReads: true,
    schema: DataQualityInput,
    defaults: {},
    toInput: () => ({ from: props.period.from, to: props.period.to, workerId: props.workerId, preset: props.preset }),
    extraChecks: () => ({ period: props.periodProblem ?? undefined }),
    send: (input) => call('reports.dataQuality', input),
    onSaved: setResult,
  });

  return (
    <section aria-labelledby={headingId} className="report-quality">
      <h2 id={headingId}>{t('quality.title')}</h2>
      <p>{t('quality.intro')}</p>
      <FormFrame form={sf} submitLabel={t('quality.check')} primary={false} savedText={result ? t('quality.people', { count: String(result.people) }) : null} />
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
