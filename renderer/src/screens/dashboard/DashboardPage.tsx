// renderer/: the supervisor dashboard: the team's caseloads and the figures a supervisor watches
// (overdue items, consents ending soon, appointments this week, cases with no contact, fields missing
// for the next funder report). Each number is a button that opens the cases behind it.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { DashboardInput, NO_CONTACT_DAYS_DEFAULT } from '../../../../shared/schemas/dashboard';
import { call } from '../../api/client';
import { FormFrame } from '../../components/FormFrame';
import { PageHeading } from '../../components/Heading';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { DashboardCases, type Opened } from './DashboardCases';
import { CaseloadTable } from './CaseloadTable';

type Summary = Output<'dashboard.summary'>;

export function DashboardPage() {
  const { t, formatDay } = useT();
  const [days, setDays] = useState(NO_CONTACT_DAYS_DEFAULT);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [missing, setMissing] = useState<number | null>(null);
  const load = useCallback(async (noContactDays: number) => {
    const result = await call('dashboard.summary', { noContactDays });
    if (result.ok) {
      setSummary(result.value);
      // The fields missing for the next funder report: the data-quality check, read beside the figures.
      void call('reports.dataQuality', { ...result.value.reportPeriod, preset: 'standard' }).then((q) => setMissing(q.ok ? q.value.casesToFixCount : null));
    }
    return result;
  }, []);
  useEffect(() => void load(NO_CONTACT_DAYS_DEFAULT), [load]);
  const sf = useSchemaForm({
    onlyReads: true,
    schema: DashboardInput,
    defaults: { days: String(NO_CONTACT_DAYS_DEFAULT) },
    toInput: (v) => ({ noContactDays: Number(v.days) }),
    send: (input) => {
      const n = input.noContactDays ?? NO_CONTACT_DAYS_DEFAULT;
      setDays(n);
      setOpened(null);
      return load(n);
    },
    extraChecks: (v) => ({ days: /^\d{1,3}$/u.test(v.days) ? undefined : t('dashboard.daysWhole') }),
  });

  const figure = (key: Exclude<Opened['figure'], 'worker'>, label: string, n: number | null, note?: string) => (
    <li key={key}>
      <span className="figure-label">{label}</span>{' '}
      {n === null ? (
        <span>{t('common.working')}</span>
      ) : (
        <button type="button" className="link-button" aria-label={t('dashboard.openList', { label, n })} onClick={() => setOpened({ figure: key, label, noContactDays: days })}>
          {n}
        </button>
      )}
      {note ? <span className="hint"> {note}</span> : null}
    </li>
  );

  return (
    <section aria-labelledby="dashboard-heading">
      <PageHeading>{t('dashboard.title')}</PageHeading>
      {summary === null ? (
        <p role="status">{t('common.working')}</p>
      ) : (
        <>
          <CaseloadTable summary={summary} onOpen={setOpened} noContactDays={days} />
          <h2>{t('dashboard.watchTitle')}</h2>
          <ul className="figures">
            {figure('overdue', t('dashboard.overdue'), summary.overdue, t('dashboard.basisOverdue'))}
            {figure('consents', t('dashboard.consents'), summary.consentsExpiring)}
            {figure('appointments', t('dashboard.appointments'), summary.appointmentsThisWeek)}
            {figure('no-contact', t('dashboard.noContact', { days: summary.noContact.days }), summary.noContact.count, t('dashboard.basisContacts'))}
            {figure(
              'missing-fields',
              t('dashboard.missing'),
              missing,
              t('dashboard.missingPeriod', { from: formatDay(summary.reportPeriod.from, 'medium'), to: formatDay(summary.reportPeriod.to, 'medium') }),
            )}
          </ul>
          <FormFrame form={sf} submitLabel={t('dashboard.recount')} className="inline-form">
            <TextField label={t('dashboard.daysLabel')} {...sf.field('days')} autoComplete="off" maxLength={3} className="short" />
          </FormFrame>
        </>
      )}
      {opened ? <DashboardCases key={`${opened.figure}-${opened.workerId ?? ''}-${opened.noContactDays}`} opened={opened} onClose={() => setOpened(null)} onChanged={() => void load(days)} /> : null}
    </section>
  );
}
