// renderer/: a person's appointments on their case: book one (also from a legal milestone), and say
// how each went; "attended" can log the service at the same time. Read when the tab is shown.
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../../../../shared/schemas/session';
import type { Appointment } from '../../../../shared/schemas/week';
import { appointmentKinds, appointmentStatuses } from '../../../../shared/vocab/week';
import { DataTable } from '../../components/DataTable';
import { useVocab } from '../../components/fields';
import { focusSoon } from '../../components/focusSoon';
import { LoadState } from '../../components/LoadState';
import { StatusMessage } from '../../components/Messages';
import { useCaseRead } from '../../components/useCaseRead';
import { useT } from '../../i18n/i18n';
import { AppointmentForm } from './AppointmentForm';
import { AttendanceForm } from './AttendanceForm';
import { useStaff } from './useStaff';

export function AppointmentsTab(props: { clientId: string; user: SessionUser; visible: boolean }) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const headingId = useId();
  const [booking, setBooking] = useState(false);
  const [marking, setMarking] = useState<Appointment | null>(null);
  const [done, setDone] = useState<'booked' | 'marked' | null>(null);
  const bookButton = useRef<HTMLButtonElement>(null);
  const staff = useStaff(props.visible);
  const { clientId } = props;
  const { data, error, reload } = useCaseRead('appointments.forClient', clientId);
  useEffect(() => {
    if (props.visible) void reload();
  }, [props.visible, reload]);

  if (!data) return <LoadState error={error} />;
  const nameOf = (a: Appointment) => `${label(appointmentKinds, a.kind)}, ${formatDay(a.date, 'medium')}${a.time ? ` ${a.time}` : ''}`;
  const closed = (kind: 'booked' | 'marked') => async (saved: boolean) => {
    setBooking(false);
    setMarking(null);
    if (saved) {
      setDone(kind);
      await reload();
    }
    focusSoon(() => bookButton.current);
  };
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('appointment.listTitle')}</h2>
      <p className="hint">{t('appointment.noInvitations')}</p>
      {booking ? (
        <AppointmentForm clientId={clientId} data={data} staff={staff} me={props.user.id} onDone={closed('booked')} />
      ) : (
        <div className="actions">
          <button type="button" className="primary" ref={bookButton} onClick={() => (setDone(null), setMarking(null), setBooking(true))}>
            {t('appointment.bookButton')}
          </button>
        </div>
      )}
      <StatusMessage tone="success">{done ? t(`appointment.${done}`) : null}</StatusMessage>
      {marking ? <AttendanceForm key={marking.id} appointment={marking} name={nameOf(marking)} onDone={closed('marked')} /> : null}
      {data.appointments.length === 0 ? (
        <p>{t('appointment.none')}</p>
      ) : (
        <DataTable
          labelledBy={headingId}
          rows={data.appointments}
          rowKey={(a) => a.id}
          columns={[
            { header: t('appointment.when'), cell: (a) => `${formatDay(a.date, 'medium')}${a.time ? ` ${a.time}` : ''}` },
            {
              header: t('appointment.kind'),
              cell: (a) => (
                <>
                  {label(appointmentKinds, a.kind)}
                  {a.purpose ? <span className="hint"> · {a.purpose}</span> : null}
                </>
              ),
            },
            { header: t('appointment.place'), cell: (a) => a.place ?? '—', className: 'break' },
            {
              header: t('appointment.withWhom'),
              cell: (a) => (
                <>
                  {a.staff.displayName}
                  {a.interpreter ? <span className="hint"> · {t('appointment.withInterpreter')}</span> : null}
                </>
              ),
            },
            {
              header: t('common.status'),
              cell: (a) => (
                <>
                  {label(appointmentStatuses, a.status)}
                  {a.serviceId ? <span className="hint"> · {t('appointment.serviceLogged')}</span> : null}
                </>
              ),
            },
            {
              header: t('appointment.actions'),
              cell: (a) =>
                a.status === 'booked' ? (
                  <button type="button" aria-label={t('appointment.markOne', { appointment: nameOf(a) })} onClick={() => (setBooking(false), setDone(null), setMarking(a))}>
                    {t('appointment.mark')}
                  </button>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
