// renderer/: giving a task to a person (oneself included), with a due date; optionally about a case
// (from the case's own screen). The shared/ schema checks it here and in main.
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { AddTaskInput } from '../../../../shared/schemas/handover';
import { call } from '../../api/client';
import { DateField, SelectField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

type Staff = Output<'staff.list'>['staff'];

export function AddTaskForm(props: { clientId?: string; onDone: () => void }) {
  const { t } = useT();
  const [staff, setStaff] = useState<Staff>([]);
  useEffect(() => {
    void call('staff.list', {}).then((r) => r.ok && setStaff(r.value.staff.filter((s) => s.active && s.role !== 'auditor')));
  }, []);
  const sf = useSchemaForm({
    schema: AddTaskInput,
    defaults: { assigneeId: '', title: '', dueOn: '' },
    toInput: (v) => ({ assigneeId: v.assigneeId, title: v.title.trim(), dueOn: v.dueOn, clientId: props.clientId ?? null }),
    extraChecks: (v) => ({ assigneeId: v.assigneeId ? undefined : t('tasks.chooseAssignee') }),
    send: (input) => call('tasks.add', input),
    onSaved: props.onDone,
  });
  return (
    <FormPanel title={t('tasks.addTitle')} level={3}>
      <FormFrame form={sf} submitLabel={t('tasks.save')} onCancel={props.onDone}>
        <TextField label={t('tasks.what')} {...sf.field('title')} autoComplete="off" maxLength={200} required />
        <SelectField
          label={t('tasks.assignee')}
          {...sf.field('assigneeId')}
          options={[{ value: '', label: t('handover.choosePerson') }, ...staff.map((s) => ({ value: s.id, label: s.displayName }))]}
          required
        />
        <DateField label={t('tasks.dueOn')} {...sf.field('dueOn')} required />
      </FormFrame>
    </FormPanel>
  );
}
