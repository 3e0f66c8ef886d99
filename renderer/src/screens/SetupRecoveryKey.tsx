// renderer/: first run, step 2 of 2: the recovery key, shown once, printed, and typed back.
import { useState } from 'react';
import type { RpcError } from '../../../shared/errors';
import { fieldErrorsFrom } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { recoveryKeyMatches, RecoveryKeySheet, RecoveryKeyTypedBack } from '../components/RecoveryKeySheet';
import { useT } from '../i18n/i18n';

export function SetupRecoveryKey(props: {
  recoveryKey: string;
  confirmation: string;
  onConfirmation: (value: string) => void;
  onBack: () => void;
  onFinish: () => Promise<RpcError | null>;
}) {
  const { t, errorMessage } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const matches = recoveryKeyMatches(props.confirmation, props.recoveryKey);
  const fieldError = error ? fieldErrorsFrom(error, ['recoveryKeyConfirmation'] as const).recoveryKeyConfirmation : undefined;

  async function finish() {
    if (!matches || busy) return;
    setError(null);
    setBusy(true);
    const failure = await props.onFinish();
    setBusy(false);
    setError(failure);
  }

  return (
    <section className="card">
      <p className="step no-print">{t('setup.step', { step: 2 })}</p>
      <PageHeading>{t('setup.keyTitle')}</PageHeading>
      <RecoveryKeySheet recoveryKey={props.recoveryKey} />
      <form
        className="no-print"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void finish();
        }}
      >
        <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
        <RecoveryKeyTypedBack
          recoveryKey={props.recoveryKey}
          value={props.confirmation}
          onChange={props.onConfirmation}
          error={fieldError}
        />
        <StatusMessage>{busy ? t('setup.finishing') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" disabled={!matches}>
            {t('setup.finish')}
          </button>
          <button type="button" onClick={props.onBack}>
            {t('setup.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
