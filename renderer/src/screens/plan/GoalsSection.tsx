// renderer/: goals by domain, each with its steps, target date, the person responsible and a status
// with the date it changed. Steps are ticked off as they are done.
import { focusSoon } from '../../components/focusSoon';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Goal } from '../../../../shared/schemas/planning';
import { goalDomains, goalStatuses } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { SelectField, VocabSelect, useVocab } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
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
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState('');
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = text.trim() ? {} : { text: t('field.required') };
    const saved = await submit.run(found, () => call('plan.addStep', { goalId: props.goal.id, text: text.trim(), dueDate: dueDate || null }));
    if (!saved) return;
    await props.ctx.reload();
    props.onDone();
  }
  return (
    <FormPanel title={t('step.addTitle', { goal: props.goal.title })} level={4}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <TextField label={t('step.text')} value={text} onChange={setText} autoComplete="off" maxLength={300} error={errorAt(submit.errors, 'text')} required />
        <TextField
          type="date"
          label={t('step.dueDateOptional')}
          value={dueDate}
          onChange={setDueDate}
          autoComplete="off"
          className="medium"
          error={errorAt(submit.errors, 'dueDate')}
        />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('step.save')}
          </button>
          <button type="button" onClick={props.onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}

function StatusForm(props: { goal: Goal; ctx: PlanContext; onDone: () => void }) {
  const { t } = useT();
  const [status, setStatus] = useState<GoalStatus>(props.goal.status === 'open' ? 'achieved' : props.goal.status);
  const [on, setOn] = useState(today());
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = on ? {} : { on: t('field.required') };
    const saved = await submit.run(found, () => call('plan.setGoalStatus', { goalId: props.goal.id, status, on }));
    if (!saved) return;
    await props.ctx.reload();
    props.onDone();
  }
  return (
    <FormPanel title={t('goal.statusTitle', { goal: props.goal.title })} level={4}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <VocabSelect label={t('common.status')} list={goalStatuses} value={status} onChange={setStatus} error={errorAt(submit.errors, 'status')} />
        <TextField type="date" label={t('common.date')} value={on} onChange={setOn} autoComplete="off" className="medium" error={errorAt(submit.errors, 'on')} required />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('goal.saveStatus')}
          </button>
          <button type="button" onClick={props.onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}

interface DraftStep {
  text: string;
  dueDate: string;
}

function AddGoalForm(props: { ctx: PlanContext; staff: Staff; onDone: () => void }) {
  const { t } = useT();
  const [domain, setDomain] = useState<Domain>('housing');
  const [title, setTitle] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [responsibleId, setResponsibleId] = useState('');
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const submit = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('field.required');
    steps.forEach((s, i) => {
      if (!s.text.trim() && s.dueDate) found[`steps.${i}.text`] = t('field.required');
    });
    const saved = await submit.run(found, () =>
      call('plan.addGoal', {
        clientId: props.ctx.clientId,
        domain,
        title: title.trim(),
        targetDate: targetDate || null,
        responsibleId: responsibleId || null,
        // Empty rows are left out rather than refused.
        steps: steps.filter((s) => s.text.trim()).map((s) => ({ text: s.text.trim(), dueDate: s.dueDate || null })),
      }),
    );
    if (!saved) return;
    await props.ctx.reload();
    props.onDone();
  }

  const update = (i: number, patch: Partial<DraftStep>) => setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <FormPanel title={t('goal.addTitle')}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <VocabSelect label={t('goal.domain')} list={goalDomains} value={domain} onChange={setDomain} error={errorAt(submit.errors, 'domain')} />
        <TextField
          label={t('goal.title')}
          hint={t('goal.titleHint')}
          value={title}
          onChange={setTitle}
          autoComplete="off"
          maxLength={300}
          error={errorAt(submit.errors, 'title')}
          required
        />
        <TextField
          type="date"
          label={t('goal.targetDateOptional')}
          value={targetDate}
          onChange={setTargetDate}
          autoComplete="off"
          className="medium"
          error={errorAt(submit.errors, 'targetDate')}
        />
        <SelectField
          label={t('goal.responsible')}
          value={responsibleId}
          onChange={setResponsibleId}
          options={[{ value: '', label: t('goal.noOne') }, ...props.staff.map((s) => ({ value: s.id, label: s.displayName }))]}
          error={errorAt(submit.errors, 'responsibleId')}
        />
        <fieldset className="group">
          <legend>{t('goal.firstSteps')}</legend>
          {steps.map((s, i) => (
            <div className="list-item" key={i}>
              <TextField
                label={t('goal.stepN', { n: i + 1 })}
                value={s.text}
                onChange={(x) => update(i, { text: x })}
                autoComplete="off"
                maxLength={300}
                error={errorAt(submit.errors, `steps.${i}.text`)}
              />
              <TextField
                type="date"
                label={t('goal.stepDueN', { n: i + 1 })}
                value={s.dueDate}
                onChange={(x) => update(i, { dueDate: x })}
                autoComplete="off"
                error={errorAt(submit.errors, `steps.${i}.dueDate`)}
              />
              <button type="button" className="remove-button" onClick={() => setSteps(steps.filter((_, j) => j !== i))}>
                {t('goal.removeStepN', { n: i + 1 })}
              </button>
            </div>
          ))}
          {steps.length < 20 ? (
            <div className="actions">
              <button type="button" onClick={() => setSteps([...steps, { text: '', dueDate: '' }])}>
                {t('goal.addFirstStep')}
              </button>
            </div>
          ) : null}
        </fieldset>
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('goal.save')}
          </button>
          <button type="button" onClick={props.onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
