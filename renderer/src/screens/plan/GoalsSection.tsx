// renderer/: goals by domain, each with its steps, target date, the person responsible and a status
// with the date it changed. Steps are ticked off as they are done.
import { focusSoon } from '../../components/focusSoon';
import { OpensForm } from '../../components/OpensForm';
import { useId, useRef, useState } from 'react';
import type { Goal } from '../../../../shared/schemas/planning';
import { goalDomains, goalStatuses } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { useVocab } from '../../components/fields';
import { ErrorMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import { AddGoalForm, AddStepForm, StatusForm } from './GoalForms';
import type { PlanContext, Staff } from './PlanTab';

type Step = Goal['steps'][number];

export function GoalsSection(props: { ctx: PlanContext; staff: Staff; onLogService: (goalId: string) => void }) {
  const { t } = useT();
  const headingId = useId();
  const { goals } = props.ctx.plan;
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('goal.listTitle')}</h2>
      {goals.length === 0 ? <p>{t('goal.none')}</p> : null}
      <ul className="goal-list" aria-labelledby={headingId}>
        {goals.map((g) => (
          <GoalItem key={g.id} goal={g} ctx={props.ctx} onLogService={props.onLogService} />
        ))}
      </ul>
      <OpensForm label={t('goal.add')}>
        {(close) => <AddGoalForm ctx={props.ctx} staff={props.staff} onDone={close} />}
      </OpensForm>
    </section>
  );
}

function GoalItem(props: { goal: Goal; ctx: PlanContext; onLogService: (goalId: string) => void }) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const titleId = useId();
  const [open, setOpen] = useState<'step' | 'status' | null>(null);
  const stepButton = useRef<HTMLButtonElement>(null);
  const statusButton = useRef<HTMLButtonElement>(null);
  const { goal } = props;
  const statusText = goal.statusOn
    ? t('goal.statusOn', { status: label(goalStatuses, goal.status), date: formatDay(goal.statusOn, 'medium') })
    : label(goalStatuses, goal.status);
  const close = (which: 'step' | 'status') => {
    setOpen(null);
    focusSoon(() => (which === 'step' ? stepButton : statusButton).current);
  };
  return (
    <li className="goal panel" aria-labelledby={titleId}>
      <p className="goal-domain">{label(goalDomains, goal.domain)}</p>
      <h3 id={titleId}>{goal.title}</h3>
      <p>
        <span className={`badge badge-goal-${goal.status}`}>{statusText}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('goal.targetDate')}</dt>
          <dd>{goal.targetDate ? formatDay(goal.targetDate) : t('goal.noTarget')}</dd>
        </div>
        <div>
          <dt>{t('goal.responsible')}</dt>
          <dd>{goal.responsible?.displayName ?? t('goal.noOne')}</dd>
        </div>
      </dl>
      {goal.steps.length === 0 ? (
        <p className="hint">{t('step.none')}</p>
      ) : (
        <ul className="plan-steps" aria-label={t('step.listLabel', { goal: goal.title })}>
          {goal.steps.map((s) => (
            <StepItem key={s.id} step={s} ctx={props.ctx} />
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" ref={stepButton} aria-expanded={open === 'step'} onClick={() => setOpen('step')}>
          {t('step.add')}
        </button>
        <button type="button" ref={statusButton} aria-expanded={open === 'status'} onClick={() => setOpen('status')}>
          {t('goal.changeStatus')}
        </button>
        <button type="button" onClick={() => props.onLogService(goal.id)}>
          {t('service.logForGoal')}
        </button>
      </div>
      {open === 'step' ? <AddStepForm goal={goal} ctx={props.ctx} onDone={() => close('step')} /> : null}
      {open === 'status' ? <StatusForm goal={goal} ctx={props.ctx} onDone={() => close('status')} /> : null}
    </li>
  );
}

function StepItem({ step, ctx }: { step: Step; ctx: PlanContext }) {
  const { t, formatDay, errorMessage } = useT();
  const id = useId();
  const [error, setError] = useState('');
  // The tick shows at once; it goes back if the change could not be saved.
  const [pending, setPending] = useState<boolean | null>(null);
  const busy = pending !== null;
  const done = pending ?? step.doneOn !== null;
  const now = today();
  const overdue = !done && step.dueDate !== null && step.dueDate < now;
  async function toggle(checked: boolean) {
    if (busy) return;
    setPending(checked);
    setError('');
    const result = await call('plan.setStepDone', { stepId: step.id, doneOn: checked ? now : null });
    if (result.ok) await ctx.reload();
    else setError(errorMessage(result.error));
    setPending(null);
  }
  const when = done
    ? t('step.doneOn', { date: formatDay(step.doneOn ?? now, 'medium') })
    : step.dueDate
      ? t(overdue ? 'step.overdue' : 'step.dueOn', { date: formatDay(step.dueDate, 'medium') })
      : t('step.noDate');
  return (
    <li className={`plan-step checkbox${done ? ' plan-step-done' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={done}
        aria-describedby={`${id}-when`}
        aria-disabled={busy || undefined}
        onChange={(event) => void toggle(event.target.checked)}
      />
      <label htmlFor={id}>{step.text}</label>
      <span id={`${id}-when`} className={`step-when${overdue ? ' step-overdue' : ''}`}>
        {when}
      </span>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
    </li>
  );
}
