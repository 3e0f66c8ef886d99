// renderer/: the de-identified outcome report, for administrators, supervisors and auditors: choose a
// period, read the tables (and the funders' items), export them as signed files, and check a report
// folder. Nothing here names or identifies a survivor: main sends aggregate counts only.
import { useEffect, useState, type FormEvent } from 'react';
import { exactReportRoles, reportRoles } from '../../../shared/roles';
import type { Report } from '../../../shared/schemas/reports';
import type { SessionUser } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { today } from '../components/dates';
import { SelectField, type Option } from '../components/fields';
import { errorAt } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { useSubmit } from '../components/useSubmit';
import { useT } from '../i18n/i18n';
import { ExportSection } from './reports/ExportSection';
import { FunderViews } from './reports/FunderViews';
import { PeriodForm, periodProblems, quickPeriods, type Period } from './reports/PeriodForm';
import { ReportView } from './reports/ReportView';
import { SigningKeySection, VerifySection } from './reports/VerifySection';
import { DataQualitySection } from './reports/DataQualitySection';
import { reportPresets, type ReportPreset } from '../../../shared/schemas/reports';

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
  const [period, setPeriod] = useState<Period>(() => quickPeriods(today()).lastYear);
  const [workerId, setWorkerId] = useState('');
  // The counting rules (preset) the report is made by; signed into its files.
  const [preset, setPreset] = useState<ReportPreset>('standard');
  const [workers, setWorkers] = useState<Option[]>([]);
  // The report shown belongs to the choices it was made for: a new period, worker or counting rule
  // takes the old one off the screen (an answer for earlier choices that arrives late is not shown).
  const [shown, setShown] = useState<{ choices: string; report: Report } | null>(null);
  const choices = JSON.stringify([period.from, period.to, workerId, preset]);
  const report = shown?.choices === choices ? shown.report : null;
  const submit = useSubmit();
  // Auditors may not read the staff list, and see every worker's cases together.
  const canFilter = user.role === 'admin' || user.role === 'supervisor';

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

  async function show(event: FormEvent) {
    event.preventDefault();
    const asked = choices;
    const made = await submit.run(periodProblems(t, period), () => call('reports.outcomes', { from: period.from, to: period.to, workerId: workerId || null, preset }));
    if (made) setShown({ choices: asked, report: made });
  }

  const problems = periodProblems(t, period);
  const periodProblem = problems.from ?? problems.to ?? null;
  return (
    <section className="reports">
      <PageHeading>{t('reports.title')}</PageHeading>
      <p>{t('reports.intro')}</p>
      <PeriodForm
        period={period}
        onChange={(next) => setPeriod(next)}
        onSubmit={show}
        errors={submit.errors}
        formRef={submit.formRef}
        busy={submit.busy}
      >
        {canFilter && workers.length > 0 ? (
          <SelectField
            label={t('reports.worker')}
            hint={t('reports.workerHint')}
            value={workerId}
            onChange={setWorkerId}
            options={[{ value: '', label: t('reports.everyone') }, ...workers]}
            error={errorAt(submit.errors, 'workerId')}
          />
        ) : null}
        <SelectField
          label={t('reports.preset')}
          hint={t('reports.presetHint')}
          value={preset}
          onChange={(value) => setPreset(value as ReportPreset)}
          options={reportPresets.map((p) => ({ value: p, label: t(`reportPreset.${p}`) }))}
          error={errorAt(submit.errors, 'preset')}
        />
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <StatusMessage>{submit.busy ? t('reports.making') : shown && !report ? t('reports.choicesChanged') : null}</StatusMessage>
      </PeriodForm>
      {report ? (
        <>
          <ReportView report={report} />
          {(report.parameters.preset ?? 'standard') === 'standard' ? <FunderViews report={report} /> : null}
        </>
      ) : null}
      <ExportSection period={period} periodProblem={periodProblem} workerId={workerId || null} preset={preset} canExact={exactReportRoles.includes(user.role)} />
      <DataQualitySection period={period} periodProblem={periodProblem} workerId={workerId || null} preset={preset} />
      <VerifySection />
      {canFilter ? <SigningKeySection /> : null}
    </section>
  );
}
