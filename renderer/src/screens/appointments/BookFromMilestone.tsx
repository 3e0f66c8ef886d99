// renderer/: "Book a date" on a legal or immigration milestone (issue 16 §1: court and USCIS dates are
// created from a milestone). The appointment form opens in place under the milestone, linked to it,
// with its kind (court or USCIS) and purpose filled in; the same form and check as the Appointments tab.
import { useEffect } from 'react';
import { LoadState } from '../../components/LoadState';
import { useCaseRead } from '../../components/useCaseRead';
import { AppointmentForm } from './AppointmentForm';
import { useStaff } from './useStaff';

export function BookFromMilestone(props: { clientId: string; milestoneId: string; title: string; me: string; onDone: (saved: boolean) => void }) {
  const staff = useStaff(true);
  const { data, error, reload } = useCaseRead('appointments.forClient', props.clientId);
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!data) return <LoadState error={error} />;
  return <AppointmentForm clientId={props.clientId} data={data} staff={staff} me={props.me} milestoneId={props.milestoneId} title={props.title} onDone={props.onDone} />;
}
