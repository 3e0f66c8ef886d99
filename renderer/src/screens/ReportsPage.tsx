// renderer/: the de-identified outcome report, for administrators, supervisors and auditors: choose a
// period, read the tables (and the funders' items), export them as signed files, and check a report
// folder. Nothing here names or identifies a survivor: main sends aggregate counts only.
import { useEffect, useState } from 'react';
import { exactReportRoles, reportRoles } from '../../../shared/roles';
import type { Report } from '../../../shared/schemas/reports';
import type { SessionUser } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { today } from '../components/dates';
import { SelectField, type Option } from '../components/fields';
import { FormFrame } from '../components/FormFrame';
import { PageHeading } from '../components/Heading';
import { StatusMessage } from '../components/Messages';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';
import { ExportSection } from './reports/ExportSection';
import { FunderViews } from './reports/FunderViews';
import { PeriodFields, periodProblems, quickPeriods, type Period } from './reports/PeriodForm';
import { ReportView } from './reports/ReportView';
import { SigningKeySection, VerifySection } from './reports/VerifySection';
import { DataQualitySection } from './reports/DataQualitySection';
import { ReportInput, reportPresets, type ReportPreset } from '../../../shared/schemas/reports';

export function ReportsPage({ user }: { user: SessionUser }) {
  const { t } = useT();
  if (!reportRoles.includes(user.role)) {
    return (
      <section className="reports">
        <PageHeading>{t('reports.title')}</PageHeading>
        <p className="message message-info calm-note">{t('reports.notForRole')}</p>
      </section>
    );
  }
  return <Reports user={user} />;
}

function Reports({ user }: { user: SessionUser }) {
  const { t } = useT();
  const [workers, setWorkers] = useState<Option[]>([]);
  // The report shown belongs to the choices it was made for: a new period, worker or counting rule
  // takes the old one off the screen (an answer for earlier choices that arrives late is not shown).
  const [shown, setShown] = useState<{ choices: string; report: Report } | null>(null);
  // Auditors may not read the staff list, and see every worker's cases together.
  const canFilter = user.role === 'admin' || user.role === 'supervisor';
  const defaults: { from: string; to: string; workerId: string; preset: ReportPreset } = { ...quickPeriods(today()).lastYear, workerId: '', preset: 'standard' };
  const sf = useSchemaForm({
    onlyReads: true,
    schema: ReportInput,
    defaults,
    toInput: (v) => ({ from: v.from, to: v.to, workerId: v.workerId || null, preset: v.preset }),
    extraChecks: (v) => periodProblems(t, v),
    send: async (input) => {
      const asked = JSON.stringify(input);
      const result = await call('reports.outcomes', input);
      return result.ok ? { ok: true as const, value: { choices: asked, report: result.value } } : result;
    },
    onSaved: setShown,
  });
  const values = sf.form.watch();
  const period: Period = { from: values.from, to: values.to };
  const workerId = values.workerId || null;
  const report = shown?.choices === JSON.stringify({ from: values.from, to: values.to, workerId, preset: values.preset }) ? shown.report : null;

  useEffect(() => {
    if (!canFilter) return;
    let live = true;
    void call('staff.list', {}).then((result) => {
      if (live && result.ok)
        setWorkers(result.value.staff.filter((s) => s.active && s.role !== 'auditor').map((s) => ({ value: s.id, label: s.displayName })));
    });
    return () => {
      live = false;
    };
  }, [canFilter]);

  const problems = periodProblems(t, period);
  const periodProblem = problems.from ?? problems.to ?? null;
  const setPeriod = (p: Period) => {
    sf.field('from').onChange(p.from);
    sf.field('to').onChange(p.to);
  };
  return (
    <section className="reports">
      <PageHeading>{t('reports.title')}</PageHeading>
      <p>{t('reports.intro')}</p>
      <FormFrame form={sf} submitLabel={t('period.show')} busyText={t('reports.making')} className="panel period-form">
        <PeriodFields from={sf.field('from')} to={sf.field('to')} onPeriod={setPeriod} />
        {canFilter && workers.length > 0 ? (
          <SelectField label={t('reports.worker')} hint={t('reports.workerHint')} {...sf.field('workerId')} options={[{ value: '', label: t('reports.everyone') }, ...workers]} />
        ) : null}
        <SelectField
          label={t('reports.preset')}
          hint={t('reports.presetHint')}
          {...sf.field('preset')}
          onChange={(value) => sf.field('preset').onChange(value as ReportPreset)}
          options={reportPresets.map((p) => ({ value: p, label: t(`reportPreset.${p}`) }))}
        />
        <StatusMessage>{shown && !report && !sf.busy ? t('reports.choicesChanged') : null}</StatusMessage>
      </FormFrame>
      {report ? (
        <>
          <ReportView report={report} />
          {(report.parameters.preset ?? 'standard') === 'standard' ? <FunderViews report={report} /> : null}
        </>
      ) : null}
      <ExportSection period={period} periodProblem={periodProblem} workerId={workerId} preset={values.preset} canExact={exactReportRoles.includes(user.role)} />
      <DataQualitySection period={period} periodProblem={periodProblem} workerId={workerId} preset={values.preset} />
      <VerifySection />
      {canFilter ? <SigningKeySection /> : null}
    </section>
  );
}
