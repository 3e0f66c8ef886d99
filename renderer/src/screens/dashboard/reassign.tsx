// renderer/: handing several cases to one worker at once (clients.reassign), shared by the dashboard's
// lists and the caseload: the form (the shared ReassignInput check, and "choose who takes them" in the
// screen's words) and the choice of worker under it.
import { ReassignInput } from '../../../../shared/schemas/handover';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { SelectField } from '../../components/fields';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

export type Staff = Output<'staff.list'>['staff'];

/** As many cases as one call takes (ReassignInput). */
export const REASSIGN_MAX = 500;

export function useReassignForm<V extends { workerId: string }>(options: { defaults: V; caseIds: (values: V) => string[]; onSaved: () => void | Promise<void> }) {
  const { t } = useT();
  return useSchemaForm({
    schema: ReassignInput,
    defaults: options.defaults,
    toInput: (v: V) => ({ clientIds: options.caseIds(v), workerId: v.workerId }),
    // In the screen's language (the schema's own words are English): none ticked, or too many at once.
    extraChecks: (v: V) => {
      const n = options.caseIds(v).length;
      return {
        clientIds: n === 0 ? t('reassign.chooseCases') : n > REASSIGN_MAX ? t('reassign.tooMany', { max: REASSIGN_MAX }) : undefined,
        workerId: v.workerId ? undefined : t('reassign.chooseWorker'),
      };
    },
    send: (input) => call('clients.reassign', input),
    onSaved: options.onSaved,
  });
}

/**
 * Who takes the cases: the active staff who can hold a case (not auditors). The problems with the
 * choice of cases (none, too many) are said here too, the one place the form can take focus to.
 */
export function WorkerChoice(props: { staff: Staff; value: string; onChange: (id: string) => void; error: string | undefined; casesError: string | undefined }) {
  const { t } = useT();
  const problems = [props.casesError, props.error].filter(Boolean);
  return (
    <SelectField
      label={t('reassign.toWorker')}
      value={props.value}
      onChange={props.onChange}
      error={problems.length > 0 ? problems.join(' ') : undefined}
      options={[{ value: '', label: t('handover.choosePerson') }, ...props.staff.filter((s) => s.active && s.role !== 'auditor').map((s) => ({ value: s.id, label: s.displayName }))]}
    />
  );
}
