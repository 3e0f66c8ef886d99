// renderer/: goals by domain, each with its steps, target date, the person responsible and a status
// with the date it changed. Steps are ticked off as they are done.
import { focusSoon } from '../../components/focusSoon';
import { useId, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { AddGoalInput, AddStepInput, SetGoalStatusInput, type Goal } from '../../../../shared/schemas/planning';
import { goalDomains, goalStatuses } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { SelectField, VocabSelect, useVocab } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { PlanContext, Staff } from './PlanTab';

type Domain = Goal['domain'];
type GoalStatus = Goal['status'];
type Step = Goal['steps'][number];

export function GoalsSection(props: { ctx: PlanContext; staff: Staff; onLogService: (goalId: string) => void }) {
  const { t } = useT();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
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
      {adding ? (
        <AddGoalForm
          ctx={props.ctx}
          staff={props.staff}
          onDone={() => {
            setAdding(false);
            focusSoon(() => addButton.current);
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" ref={addButton} className="primary" onClick={() => setAdding(true)}>
            {t('goal.add')}
          </button>
        </div>
      )}
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

function AddStepForm(props: { goal: Goal; ctx: PlanContext; onDone: () => void }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: AddStepInput,
    defaults: { text: '', dueDate: '' },
    toInput: (v) => ({ goalId: props.goal.id, text: v.text.trim(), dueDate: v.dueDate || null }),
    send: (input) => call('plan.addStep', input),
    onSaved: done(props),
  });
  return (
    <FormPanel title={t('step.addTitle', { goal: props.goal.title })} level={4}>
      <FormFrame form={sf} submitLabel={t('step.save')} onCancel={props.onDone}>
        <TextField label={t('step.text')} {...sf.field('text')} autoComplete="off" maxLength={300} required />
        <TextField type="date" label={t('step.dueDateOptional')} {...sf.field('dueDate')} autoComplete="off" className="medium" />
      </FormFrame>
    </FormPanel>
  );
}

/** After a save: the plan is read again and the form closes. */
function done(props: { ctx: PlanContext; onDone: () => void }) {
  return async () => {
    await props.ctx.reload();
    props.onDone();
  };
}

function StatusForm(props: { goal: Goal; ctx: PlanContext; onDone: () => void }) {
  const { t } = useT();
  const defaults: { status: GoalStatus; on: string } = { status: props.goal.status === 'open' ? 'achieved' : props.goal.status, on: today() };
  const sf = useSchemaForm({
    schema: SetGoalStatusInput,
    defaults,
    toInput: (v) => ({ goalId: props.goal.id, status: v.status, on: v.on }),
    send: (input) => call('plan.setGoalStatus', input),
    onSaved: done(props),
  });
  return (
    <FormPanel title={t('goal.statusTitle', { goal: props.goal.title })} level={4}>
      <FormFrame form={sf} submitLabel={t('goal.saveStatus')} onCancel={props.onDone}>
        <VocabSelect label={t('common.status')} list={goalStatuses} {...sf.field('status')} />
        <TextField type="date" label={t('common.date')} {...sf.field('on')} autoComplete="off" className="medium" required />
      </FormFrame>
    </FormPanel>
  );
}

interface GoalValues {
  domain: Domain;
  title: string;
  targetDate: string;
  responsibleId: string;
  steps: { text: string; dueDate: string }[];
}

function AddGoalForm(props: { ctx: PlanContext; staff: Staff; onDone: () => void }) {
  const { t } = useT();
  const defaults: GoalValues = { domain: 'housing', title: '', targetDate: '', responsibleId: '', steps: [] };
  const sf = useSchemaForm({
    schema: AddGoalInput,
    defaults,
    toInput: (v) => ({
      clientId: props.ctx.clientId,
      domain: v.domain,
      title: v.title.trim(),
      targetDate: v.targetDate || null,
      responsibleId: v.responsibleId || null,
      // Empty rows are left out rather than refused.
      steps: v.steps.filter((s) => s.text.trim()).map((s) => ({ text: s.text.trim(), dueDate: s.dueDate || null })),
    }),
    // A row with a date but no words is a half-written step: ask for its words.
    extraChecks: (v) => Object.fromEntries(v.steps.map((s, i) => [`steps.${i}.text`, !s.text.trim() && s.dueDate ? t('field.required') : undefined])),
    send: (input) => call('plan.addGoal', input),
    onSaved: done(props),
  });
  const steps = useFieldArray({ control: sf.form.control, name: 'steps' });
  return (
    <FormPanel title={t('goal.addTitle')}>
      <FormFrame form={sf} submitLabel={t('goal.save')} onCancel={props.onDone}>
        <VocabSelect label={t('goal.domain')} list={goalDomains} {...sf.field('domain')} />
        <TextField label={t('goal.title')} hint={t('goal.titleHint')} {...sf.field('title')} autoComplete="off" maxLength={300} required />
        <TextField type="date" label={t('goal.targetDateOptional')} {...sf.field('targetDate')} autoComplete="off" className="medium" />
        <SelectField
          label={t('goal.responsible')}
          {...sf.field('responsibleId')}
          options={[{ value: '', label: t('goal.noOne') }, ...props.staff.map((s) => ({ value: s.id, label: s.displayName }))]}
        />
        <fieldset className="group">
          <legend>{t('goal.firstSteps')}</legend>
          {steps.fields.map((row, i) => (
            <div className="list-item" key={row.id}>
              <TextField label={t('goal.stepN', { n: i + 1 })} {...sf.field(`steps.${i}.text`)} autoComplete="off" maxLength={300} />
              <TextField type="date" label={t('goal.stepDueN', { n: i + 1 })} {...sf.field(`steps.${i}.dueDate`)} autoComplete="off" />
              <button type="button" className="remove-button" onClick={() => steps.remove(i)}>
                {t('goal.removeStepN', { n: i + 1 })}
              </button>
            </div>
          ))}
          {steps.fields.length < 20 ? (
            <div className="actions">
              <button type="button" onClick={() => steps.append({ text: '', dueDate: '' })}>
                {steps.fields.length === 0 ? t('goal.addFirstStep') : t('goal.addAnotherStep')}
              </button>
            </div>
          ) : null}
        </fieldset>
      </FormFrame>
    </FormPanel>
  );
}
