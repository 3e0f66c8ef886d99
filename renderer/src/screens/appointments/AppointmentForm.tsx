// renderer/: booking an appointment: when, where, with whom (an interpreter prefilled from the
// language section), what for, and optionally the goal or legal milestone it serves. Court and USCIS
// dates start from a milestone: choosing one fills in the kind and purpose.
import type { z } from 'zod';
import { AddAppointmentInput, type ClientAppointments } from '../../../../shared/schemas/week';
import { milestoneKinds } from '../../../../shared/vocab/planning';
import { appointmentKinds } from '../../../../shared/vocab/week';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxField, DateField, SelectField, useVocab, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { Staff } from './useStaff';

type Data = z.infer<typeof ClientAppointments>;
type Kind = (typeof appointmentKinds.codes)[number];

/** Immigration milestones are decided by USCIS; the rest (Continued Presence aside) go through a court. */
export function kindForMilestone(kind: string): Kind {
  return ['t_visa', 'u_visa', 'continued_presence'].includes(kind) ? 'uscis' : kind === 'vacatur' ? 'court' : 'legal';
}

export function AppointmentForm(props: {
  clientId: string;
  data: Data;
  staff: Staff;
  me: string;
  /** Opened from a milestone's "Book a date": that milestone chosen, its kind and purpose filled in. */
  milestoneId?: string;
  /** The form's heading: its own (level 3) or, opened from a milestone, that milestone's (level 4). */
  title?: string;
  onDone: (saved: boolean) => void;
}) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const minutesOf = (text: string) => (/^\d{1,4}$/u.test(text.trim()) ? Number(text.trim()) : text.trim() === '' ? null : -1);
  const from = props.data.milestones.find((m) => m.id === props.milestoneId);
  const fromKind = from ? label(milestoneKinds, from.kind as (typeof milestoneKinds.codes)[number]) : '';
  const start: { kind: Kind; purpose: string } = from ? { kind: kindForMilestone(from.kind), purpose: fromKind } : { kind: 'office', purpose: '' };
  const sf = useSchemaForm({
    schema: AddAppointmentInput,
    defaults: {
      milestoneId: from?.id ?? '',
      date: today(),
      time: '',
      minutes: '',
      place: '',
      staffId: props.me,
      interpreter: props.data.interpreterNeeded,
      kind: start.kind,
      purpose: start.purpose,
      goalId: '',
    },
    toInput: (v) => ({
      clientId: props.clientId,
      date: v.date,
      time: v.time || null,
      minutes: minutesOf(v.minutes),
      place: v.place.trim() || null,
      staffId: v.staffId,
      interpreter: v.interpreter,
      kind: v.kind,
      purpose: v.purpose.trim() || null,
      goalId: v.goalId || null,
      milestoneId: v.milestoneId || null,
    }),
    send: (input) => call('appointments.add', input),
    onSaved: () => props.onDone(true),
  });
  const chooseMilestone = (id: string) => {
    sf.field('milestoneId').onChange(id);
    const milestone = props.data.milestones.find((m) => m.id === id);
    if (!milestone) return;
    sf.field('kind').onChange(kindForMilestone(milestone.kind));
    if (!sf.form.getValues('purpose')) sf.field('purpose').onChange(label(milestoneKinds, milestone.kind as (typeof milestoneKinds.codes)[number]));
  };
  const milestoneName = (m: Data['milestones'][number]) =>
    m.dueOn ? t('appointment.milestoneDue', { kind: label(milestoneKinds, m.kind as (typeof milestoneKinds.codes)[number]), date: formatDay(m.dueOn, 'medium') }) : label(milestoneKinds, m.kind as (typeof milestoneKinds.codes)[number]);
  return (
    <FormPanel title={props.title ?? t('appointment.bookTitle')} level={props.title ? 4 : 3}>
      <FormFrame form={sf} submitLabel={t('appointment.book')} onCancel={() => props.onDone(false)}>
        {props.data.milestones.length > 0 ? (
          <SelectField
            label={t('appointment.fromMilestone')}
            hint={t('appointment.fromMilestoneHint')}
            {...sf.field('milestoneId')}
            onChange={chooseMilestone}
            options={[{ value: '', label: t('appointment.noMilestone') }, ...props.data.milestones.map((m) => ({ value: m.id, label: milestoneName(m) }))]}
          />
        ) : null}
        <VocabSelect label={t('appointment.kind')} list={appointmentKinds} {...sf.field('kind')} />
        <DateField label={t('common.date')} {...sf.field('date')} required />
        <TextField type="time" label={t('appointment.timeOptional')} {...sf.field('time')} autoComplete="off" className="short" />
        <TextField label={t('appointment.minutesOptional')} {...sf.field('minutes')} autoComplete="off" className="short" />
        <TextField label={t('appointment.placeOptional')} hint={t('appointment.placeHint')} {...sf.field('place')} autoComplete="off" maxLength={200} />
        <SelectField label={t('appointment.withWhom')} {...sf.field('staffId')} options={props.staff.map((s) => ({ value: s.id, label: s.displayName }))} required />
        <CheckboxField
          label={t('appointment.interpreter')}
          hint={props.data.interpreterNeeded ? t('appointment.interpreterFromLanguage') : undefined}
          checked={sf.form.watch('interpreter')}
          onChange={(checked) => sf.field('interpreter').onChange(checked)}
        />
        <TextField label={t('appointment.purposeOptional')} {...sf.field('purpose')} autoComplete="off" maxLength={300} />
        {props.data.goals.length > 0 ? (
          <SelectField label={t('appointment.goalOptional')} {...sf.field('goalId')} options={[{ value: '', label: t('appointment.noGoal') }, ...props.data.goals.map((g) => ({ value: g.id, label: g.title }))]} />
        ) : null}
      </FormFrame>
    </FormPanel>
  );
}
