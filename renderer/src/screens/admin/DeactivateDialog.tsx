// renderer/: deactivating a staff member. Before anything changes the administrator chooses who takes
// each of the person's cases (one colleague for all, or one per case); main hands them over in the
// same transaction as the deactivation, then rotates the key and reports its steps.
import { useEffect, useId, useState } from 'react';
import type { AppEvent, Output } from '../../../../shared/contract';
import { DeactivateInput } from '../../../../shared/schemas/handover';
import { call, onAppEvent } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { StatusMessage } from '../../components/Messages';
import { FormFrame } from '../../components/FormFrame';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { HandoverFields, type HandoverCase, type HandoverValues } from './HandoverFields';
import type { StaffPerson } from './StaffDialogs';

type RotationStep = Extract<AppEvent, { type: 'progress'; task: 'rotate-key' }>['step'];
const rotationSteps: readonly RotationStep[] = ['copy', 'rekey', 'verify', 'commit', 'swap'];
type Staff = Output<'staff.list'>['staff'];

/** The person's primary cases (open and closed) and the colleagues who may take them. */
function useHandoverChoices(personId: string) {
  const [cases, setCases] = useState<HandoverCase[] | null>(null);
  const [colleagues, setColleagues] = useState<Staff>([]);
  useEffect(() => {
    void call('clients.list', { assigned: personId, status: 'any', limit: 500 }).then((r) => setCases(r.ok ? r.value.rows : []));
    void call('staff.list', {}).then((r) => {
      if (r.ok) setColleagues(r.value.staff.filter((s) => s.active && s.role !== 'auditor' && s.id !== personId));
    });
  }, [personId]);
  return { cases, colleagues };
}

export function DeactivateDialog(props: { person: StaffPerson; onClose: () => void; onDeactivated: () => void }) {
  const { t } = useT();
  const progressId = useId();
  const [step, setStep] = useState<RotationStep | null>(null);
  const { cases, colleagues } = useHandoverChoices(props.person.id);
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type === 'progress' && event.task === 'rotate-key') setStep(event.step);
      }),
    [],
  );
  const defaults: HandoverValues = { everyoneTo: '', each: {} };
  const sf = useSchemaForm({
    schema: DeactivateInput,
    defaults,
    toInput: (v) => {
      const each = Object.entries(v.each)
        .filter(([, workerId]) => workerId !== '')
        .map(([clientId, workerId]) => ({ clientId, workerId }));
      return { userId: props.person.id, ...(cases && cases.length > 0 ? { handover: { ...(v.everyoneTo ? { everyoneTo: v.everyoneTo } : {}), each } } : {}) };
    },
    // Every case needs someone: the person chosen for it, or the one chosen for all.
    extraChecks: (v) => ({
      everyoneTo: v.everyoneTo === '' && (cases ?? []).some((c) => !v.each[c.id]) ? t('handover.chooseForAll') : undefined,
    }),
    send: (input) => {
      setStep(null);
      return call('staff.deactivate', input);
    },
    onSaved: props.onDeactivated,
  });

  const done = step === null ? 0 : rotationSteps.indexOf(step) + 1;
  return (
    <Dialog title={t('staff.deactivateTitle', { name: props.person.displayName })} onClose={props.onClose} busy={sf.busy}>
      <p>{t('staff.deactivateIntro')}</p>
      <ul>
        <li>{t('staff.deactivateSignIn')}</li>
        <li>{t('handover.deactivateCases')}</li>
        <li>{t('staff.deactivateKey')}</li>
      </ul>
      <p className="hint">{t('staff.deactivateUndo')}</p>
      {cases === null ? (
        <StatusMessage>{t('common.working')}</StatusMessage>
      ) : (
        <FormFrame form={sf} submitLabel={t('staff.deactivateConfirm')} onCancel={props.onClose}>
          <HandoverFields sf={sf} cases={cases} colleagues={colleagues} />
          {sf.busy ? (
            <div className="field">
              <label htmlFor={progressId}>{t('rotate.label')}</label>
              <progress id={progressId} max={rotationSteps.length} value={done} />
              <p className="hint">{step === null ? t('rotate.starting') : t('rotate.stepOf', { n: done, total: rotationSteps.length, step: t(`rotate.${step}`) })}</p>
            </div>
          ) : null}
        </FormFrame>
      )}
    </Dialog>
  );
}
