// renderer/: who works this case beside its primary worker: supervisors and admins choose a second
// worker (who may also open the case); everyone who may open the case can read the dated history of
// who worked it (from whom, to whom, when, by whom).
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import { SetSecondaryInput } from '../../../../shared/schemas/handover';
import { call } from '../../api/client';
import { SelectField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { AddTaskForm } from '../due/AddTaskForm';

type Staff = Output<'staff.list'>['staff'];
type Entry = Output<'handover.history'>['entries'][number];

export function SecondaryWorkerForm(props: { profile: ClientProfile; onChanged: () => Promise<void> }) {
  const { t } = useT();
  const [staff, setStaff] = useState<Staff>([]);
  useEffect(() => {
    void call('staff.list', {}).then((r) => r.ok && setStaff(r.value.staff.filter((s) => s.active && s.role !== 'auditor')));
  }, []);
  const sf = useSchemaForm({
    schema: SetSecondaryInput,
    defaults: { workerId: props.profile.secondaryWorker?.id ?? '' },
    toInput: (v) => ({ clientId: props.profile.id, workerId: v.workerId || null }),
    send: (input) => call('clients.setSecondary', input),
    onSaved: props.onChanged,
  });
  return (
    <FormFrame form={sf} submitLabel={t('secondary.save')} savedText={t('secondary.saved')} className="assign-form">
      <SelectField
        label={t('secondary.label')}
        {...sf.field('workerId')}
        options={[{ value: '', label: t('secondary.none') }, ...staff.map((s) => ({ value: s.id, label: s.displayName }))]}
      />
    </FormFrame>
  );
}

export function AssignmentHistory(props: { clientId: string; changes: string }) {
  const { t, formatDay } = useT();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) void call('handover.history', { id: props.clientId }).then((r) => setEntries(r.ok ? r.value.entries : []));
  }, [open, props.clientId, props.changes]);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('assignments.title')}</summary>
      {entries === null ? null : entries.length === 0 ? (
        <p className="hint">{t('assignments.none')}</p>
      ) : (
        <ul>
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              {t(e.position === 'primary' ? 'assignments.primary' : 'assignments.secondary', {
                date: formatDay(e.at.slice(0, 10), 'medium'),
                from: e.fromName ?? t('assignments.nobody'),
                to: e.toName ?? t('assignments.nobody'),
                by: e.byName ?? t('assignments.nobody'),
              })}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** A task about this case for one of its workers (or a supervisor), shown in their "What's due". */
export function CaseTask(props: { clientId: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  return open ? (
    <AddTaskForm
      clientId={props.clientId}
      onDone={() => {
        setOpen(false);
        setSaved(true);
      }}
    />
  ) : (
    <p>
      <button type="button" onClick={() => setOpen(true)}>
        {t('tasks.addAboutCase')}
      </button>
      {saved ? <span role="status"> {t('tasks.saved')}</span> : null}
    </p>
  );
}
