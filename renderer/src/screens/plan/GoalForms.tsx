// renderer/: the goal forms: a new goal with its first steps, a step added later, and a status change
// with the date it happened. Each is a shared/ schema, its fields and one call.
import { useFieldArray } from 'react-hook-form';
import { AddGoalInput, AddStepInput, SetGoalStatusInput, type Goal } from '../../../../shared/schemas/planning';
import { goalDomains, goalStatuses } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { DateField, SelectField, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { PlanContext, Staff } from './PlanTab';

type Domain = Goal['domain'];
type GoalStatus = Goal['status'];

export function AddStepForm(props: { goal: Goal; ctx: PlanContext; onDone: () => void }) {
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
        <DateField label={t('step.dueDateOptional')} {...sf.field('dueDate')} />
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

export function StatusForm(props: { goal: Goal; ctx: PlanContext; onDone: () => void }) {
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
        <DateField label={t('common.date')} {...sf.field('on')} required />
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

export function AddGoalForm(props: { ctx: PlanContext; staff: Staff; onDone: () => void }) {
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
        <DateField label={t('goal.targetDateOptional')} {...sf.field('targetDate')} />
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
              <DateField label={t('goal.stepDueN', { n: i + 1 })} {...sf.field(`steps.${i}.dueDate`)} />
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
