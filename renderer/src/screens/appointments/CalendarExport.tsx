// renderer/: the optional staff-only calendar file (.ics) of the week shown: case numbers or initials
// and times only, never a place, purpose or anyone's address; a reason is asked for and recorded.
import { ExportCalendarInput } from '../../../../shared/schemas/week';
import { call } from '../../api/client';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

export function CalendarExport(props: { from: string; workerId: string | null; onDone: (file: string | null) => void }) {
  const { t } = useT();
  const start: { label: 'case_number' | 'initials' } = { label: 'case_number' };
  const sf = useSchemaForm({
    schema: ExportCalendarInput,
    defaults: { folder: '', label: start.label, reason: '' },
    toInput: (v) => ({ from: props.from, days: 7, workerId: props.workerId, label: v.label, folder: v.folder.trim(), reason: v.reason.trim() }),
    send: (input) => call('appointments.exportCalendar', input),
    onSaved: (out) => props.onDone(out.file),
  });
  return (
    <FormPanel title={t('week.exportTitle')} level={3}>
      <p className="hint">{t('week.exportExplain')}</p>
      <FormFrame form={sf} submitLabel={t('week.exportButton')} onCancel={() => props.onDone(null)}>
        <SelectField
          label={t('week.exportLabel')}
          {...sf.field('label')}
          onChange={(v) => sf.field('label').onChange(v === 'initials' ? 'initials' : 'case_number')}
          options={[
            { value: 'case_number', label: t('week.exportByCaseNumber') },
            { value: 'initials', label: t('week.exportByInitials') },
          ]}
        />
        <TextField label={t('week.exportFolder')} hint={t('week.exportFolderHint')} {...sf.field('folder')} autoComplete="off" maxLength={1000} required />
        <TextAreaField label={t('week.exportReason')} hint={t('week.exportReasonHint')} {...sf.field('reason')} maxLength={500} />
      </FormFrame>
    </FormPanel>
  );
}
