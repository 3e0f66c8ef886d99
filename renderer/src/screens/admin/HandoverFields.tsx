// renderer/: who takes a leaving person's cases: one colleague for all of them, and, case by case,
// someone else where that suits better. Used by the deactivation dialog.
import type { FieldValues } from 'react-hook-form';
import type { Output } from '../../../../shared/contract';
import { SelectField } from '../../components/fields';
import type { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

export type HandoverCase = Output<'clients.list'>['rows'][number];
export interface HandoverValues extends FieldValues {
  everyoneTo: string;
  /** Case id -> colleague id ('' = the one chosen for all). */
  each: Record<string, string>;
}
type Staff = Output<'staff.list'>['staff'];
type Form = Pick<ReturnType<typeof useSchemaForm<HandoverValues, never, unknown>>, 'form' | 'errorAt'>;

export function HandoverFields(props: { sf: Form; cases: readonly HandoverCase[]; colleagues: Staff }) {
  const { t } = useT();
  const { form, errorAt } = props.sf;
  if (props.cases.length === 0) return <p>{t('handover.noCases')}</p>;
  const people = props.colleagues.map((s) => ({ value: s.id, label: s.displayName }));
  const everyoneTo = form.watch('everyoneTo');
  const each = form.watch('each');
  const set = (path: 'everyoneTo' | `each.${string}`, value: string) => form.setValue(path, value, { shouldDirty: true });
  return (
    <fieldset>
      <legend>{t('handover.legend', { n: props.cases.length })}</legend>
      <SelectField
        label={t('handover.everyoneTo')}
        value={everyoneTo}
        onChange={(v) => set('everyoneTo', v)}
        options={[{ value: '', label: t('handover.choosePerson') }, ...people]}
        error={errorAt('everyoneTo') ?? errorAt('handover')}
      />
      <details open={props.cases.length <= 10}>
        <summary>{t('handover.caseByCase')}</summary>
        {props.cases.map((c) => (
          <SelectField
            key={c.id}
            label={t('handover.caseLabel', { caseNumber: c.caseNumber, name: c.chosenName })}
            value={each[c.id] ?? ''}
            onChange={(v) => set(`each.${c.id}`, v)}
            options={[{ value: '', label: t('handover.sameAsAll') }, ...people]}
          />
        ))}
      </details>
    </fieldset>
  );
}
