// renderer/: first run, step 2 of 2: the recovery key, shown once, printed, and typed back. A form on
// the form layer: the field is setup.complete's recoveryKeyConfirmation (shared schema); the typed
// key must match the one shown before anything is sent, and Setup makes the call with step 1's values.
import type { Result, RpcError } from '../../../shared/errors';
import { SetupCompleteInput } from '../../../shared/schemas/session';
import { FormFrame } from '../components/FormFrame';
import { PageHeading } from '../components/Heading';
import { recoveryKeyMatches, RecoveryKeySheet, RecoveryKeyTypedBack } from '../components/RecoveryKeySheet';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';

const StepTwo = SetupCompleteInput.pick({ recoveryKeyConfirmation: true });

export function SetupRecoveryKey(props: {
  recoveryKey: string;
  /** What was typed before going back to step 1, kept by Setup. */
  confirmation: string;
  onConfirmation: (value: string) => void;
  onBack: () => void;
  /** Setup's call; null when it succeeded or took the problem back to step 1. */
  onFinish: (confirmation: string) => Promise<RpcError | null>;
}) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: StepTwo,
    defaults: { recoveryKeyConfirmation: props.confirmation },
    toInput: (v) => ({ recoveryKeyConfirmation: v.recoveryKeyConfirmation }),
    extraChecks: (v) => ({
      recoveryKeyConfirmation: recoveryKeyMatches(v.recoveryKeyConfirmation, props.recoveryKey) ? undefined : v.recoveryKeyConfirmation.trim() ? t('setup.keyDoesNotMatch') : t('setup.confirmKeyRequired'),
    }),
    send: async (input): Promise<Result<null>> => {
      const failure = await props.onFinish(input.recoveryKeyConfirmation);
      return failure ? { ok: false, error: failure } : { ok: true, value: null };
    },
  });
  const typed = sf.field('recoveryKeyConfirmation');

  return (
    <section className="card">
      <p className="step no-print">{t('setup.step', { step: 2 })}</p>
      <PageHeading>{t('setup.keyTitle')}</PageHeading>
      <RecoveryKeySheet recoveryKey={props.recoveryKey} />
      <FormFrame
        form={sf}
        className="no-print"
        submitLabel={t('setup.finish')}
        busyText={t('setup.finishing')}
        onCancel={props.onBack}
        cancelLabel={t('setup.back')}
        holdCancelWhileBusy
      >
        <RecoveryKeyTypedBack
          recoveryKey={props.recoveryKey}
          value={typed.value}
          onChange={(value) => {
            typed.onChange(value);
            props.onConfirmation(value);
          }}
          error={typed.error}
        />
      </FormFrame>
    </section>
  );
}
