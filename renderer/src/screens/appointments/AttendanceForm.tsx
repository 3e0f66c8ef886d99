// renderer/: how an appointment went. "Attended" offers to log the matching service in the same step
// (one call, one transaction); "Rescheduled" takes the new date and books it.
import { SetAppointmentStatusInput, type Appointment } from '../../../../shared/schemas/week';
import { serviceCategories } from '../../../../shared/vocab/planning';
import { appointmentStatuses } from '../../../../shared/vocab/week';
import { call } from '../../api/client';
import { CheckboxField, DateField, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

type Category = (typeof serviceCategories.codes)[number];

/** The service an appointment of each kind usually is. */
export function serviceFor(kind: Appointment['kind']): Category {
  const map: Partial<Record<Appointment['kind'], Category>> = { court: 'legal', legal: 'legal', uscis: 'immigration', medical: 'medical' };
  return map[kind] ?? 'case_management';
}

export function AttendanceForm(props: { appointment: Appointment; name: string; onDone: (saved: boolean) => void }) {
  const { t } = useT();
  const a = props.appointment;
  const start: { status: Appointment['status'] } = { status: 'attended' };
  const sf = useSchemaForm({
    schema: SetAppointmentStatusInput,
    defaults: { status: start.status, logService: a.serviceId === null, category: serviceFor(a.kind), minutes: a.minutes === null ? '' : String(a.minutes), newDate: '', newTime: '' },
    toInput: (v) => ({
      appointmentId: a.id,
      status: v.status,
      service:
        v.status === 'attended' && v.logService
          ? { category: v.category, minutes: /^\d{1,4}$/u.test(v.minutes.trim()) ? Number(v.minutes.trim()) : v.minutes.trim() === '' ? null : -1 }
          : null,
      rescheduleTo: v.status === 'rescheduled' ? { date: v.newDate, time: v.newTime || null } : null,
    }),
    send: (input) => call('appointments.setStatus', input),
    onSaved: () => props.onDone(true),
  });
  const status = sf.form.watch('status');
  const logService = sf.form.watch('logService');
  return (
    <FormPanel title={t('appointment.outcomeTitle', { appointment: props.name })} level={3}>
      <FormFrame form={sf} submitLabel={t('appointment.saveOutcome')} onCancel={() => props.onDone(false)}>
        <VocabSelect label={t('appointment.howItWent')} list={appointmentStatuses} {...sf.field('status')} />
        {status === 'attended' && a.serviceId === null ? (
          <>
            <CheckboxField label={t('appointment.logService')} hint={t('appointment.logServiceHint')} checked={logService} onChange={(v) => sf.field('logService').onChange(v)} />
            {logService ? (
              <>
                <VocabSelect label={t('service.category')} list={serviceCategories} {...sf.field('category')} error={sf.errorAt('service.category')} />
                <TextField label={t('appointment.minutesOptional')} {...sf.field('minutes')} error={sf.errorAt('service.minutes')} autoComplete="off" className="short" />
              </>
            ) : null}
          </>
        ) : null}
        {status === 'rescheduled' ? (
          <>
            <DateField label={t('appointment.newDate')} {...sf.field('newDate')} error={sf.errorAt('rescheduleTo.date')} required />
            <TextField type="time" label={t('appointment.newTimeOptional')} {...sf.field('newTime')} error={sf.errorAt('rescheduleTo.time')} autoComplete="off" className="short" />
          </>
        ) : null}
      </FormFrame>
    </FormPanel>
  );
}
