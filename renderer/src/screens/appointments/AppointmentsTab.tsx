// renderer/: a person's appointments on their case: book one (also from a legal milestone), and say
// how each went; "attended" can log the service at the same time. Read when the tab is shown.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { SessionUser } from '../../../../shared/schemas/session';
import type { Appointment, ClientAppointments } from '../../../../shared/schemas/week';
import { appointmentKinds, appointmentStatuses } from '../../../../shared/vocab/week';
import { call } from '../../api/client';
import { useVocab } from '../../components/fields';
import { focusSoon } from '../../components/focusSoon';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import { AppointmentForm } from './AppointmentForm';
import { AttendanceForm } from './AttendanceForm';
import { useStaff } from './useStaff';

type Data = z.infer<typeof ClientAppointments>;

export function AppointmentsTab(props: { clientId: string; user: SessionUser; visible: boolean }) {
  const { t, errorMessage, formatDay } = useT();
  const label = useVocab();
  const headingId = useId();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [booking, setBooking] = useState(false);
  const [marking, setMarking] = useState<Appointment | null>(null);
  const [done, setDone] = useState<'booked' | 'marked' | null>(null);
  const bookButton = useRef<HTMLButtonElement>(null);
  const staff = useStaff(props.visible);
  const { clientId } = props;

  const reload = useCallback(async () => {
    const result = await call('appointments.forClient', { id: clientId });
    if (result.ok) {
      setData(result.value);
      setError(null);
    } else setError(result.error);
  }, [clientId]);
  useEffect(() => {
    if (props.visible) void reload();
  }, [props.visible, reload]);

  if (!data) return error ? <ErrorMessage>{errorMessage(error)}</ErrorMessage> : <p role="status">{t('common.working')}</p>;
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
        <div className="table-scroll">
          <table aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('appointment.when')}</th>
                <th scope="col">{t('appointment.kind')}</th>
                <th scope="col">{t('appointment.place')}</th>
                <th scope="col">{t('appointment.withWhom')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('appointment.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.appointments.map((a) => (
                <tr key={a.id}>
                  <td>{`${formatDay(a.date, 'medium')}${a.time ? ` ${a.time}` : ''}`}</td>
                  <td>
                    {label(appointmentKinds, a.kind)}
                    {a.purpose ? <span className="hint"> · {a.purpose}</span> : null}
                  </td>
                  <td className="break">{a.place ?? '—'}</td>
                  <td>
                    {a.staff.displayName}
                    {a.interpreter ? <span className="hint"> · {t('appointment.withInterpreter')}</span> : null}
                  </td>
                  <td>
                    {label(appointmentStatuses, a.status)}
                    {a.serviceId ? <span className="hint"> · {t('appointment.serviceLogged')}</span> : null}
                  </td>
                  <td>
                    {a.status === 'booked' ? (
                      <button type="button" aria-label={t('appointment.markOne', { appointment: nameOf(a) })} onClick={() => (setBooking(false), setDone(null), setMarking(a))}>
                        {t('appointment.mark')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
