// renderer/: first run, step 2 of 2: the recovery key, shown once, printed, and typed back.
// The print stylesheet prints only the .print-area: the key and what to do with it, no names.
import { Fragment, useState } from 'react';
import type { RpcError } from '../../../shared/errors';
import { fieldErrorsFrom } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { normalizeRecoveryKey, recoveryKeyGroups } from '../components/recoveryKey';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';

export function SetupRecoveryKey(props: {
  recoveryKey: string;
  confirmation: string;
  onConfirmation: (value: string) => void;
  onBack: () => void;
  onFinish: () => Promise<RpcError | null>;
}) {
  const { t, formatDate, errorMessage } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const typed = normalizeRecoveryKey(props.confirmation);
  const expected = normalizeRecoveryKey(props.recoveryKey);
  const matches = typed === expected;
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
      <div className="print-area">
        <p className="print-only print-title">{t('setup.printTitle')}</p>
        <figure className="recovery-key" aria-labelledby="recovery-key-caption">
          <figcaption id="recovery-key-caption">{t('setup.keyCaption')}</figcaption>
          <p className="recovery-key-groups" data-testid="recovery-key">
            {recoveryKeyGroups(props.recoveryKey).map((group, index) => (
              <Fragment key={index}>
                {index > 0 ? ' ' : null}
                <span className="recovery-key-group">{group}</span>
              </Fragment>
            ))}
          </p>
        </figure>
        <p>{t('setup.keyExplain')}</p>
        <p className="no-print">{t('setup.keyPrintAdvice')}</p>
        <p className="print-only">{t('setup.printKeep')}</p>
        <p className="print-only">{t('setup.printDate', { date: formatDate(new Date()) })}</p>
      </div>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('setup.print')}
        </button>
      </div>
      <form
        className="no-print"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void finish();
        }}
      >
        <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
        <TextField
          label={t('setup.confirmKey')}
          value={props.confirmation}
          onChange={props.onConfirmation}
          autoComplete="off"
          className="mono"
          hint={t('setup.confirmKeyHint')}
          error={fieldError}
          maxLength={80}
          required
        />
        <p className={matches ? 'key-check key-check-ok' : 'key-check'} aria-live="polite">
          {matches ? t('setup.keyMatches') : typed.length >= expected.length ? t('setup.keyDoesNotMatch') : null}
        </p>
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
