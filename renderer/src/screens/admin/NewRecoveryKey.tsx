// renderer/: an administrator replaces the agency's recovery key (lost, or possibly seen). Main
// checks their passphrase and the old key stops working at once; the new key is shown here once and
// typed back, as at setup, before the panel closes.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PASSPHRASE_MAX } from '../../../../shared/limits';
import { call } from '../../api/client';
import { fieldErrorsFrom, useFocusFirstInvalid } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { recoveryKeyMatches, RecoveryKeySheet, RecoveryKeyTypedBack } from '../../components/RecoveryKeySheet';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';

export function NewRecoveryKey() {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [finished, setFinished] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    setFinished(false);
    if (!passphrase) {
      setFieldError(t('passphrase.required'));
      return form.signal();
    }
    setFieldError(undefined);
    setBusy(true);
    const result = await call('recovery.regenerate', { currentPassphrase: passphrase });
    setBusy(false);
    setPassphrase('');
    if (result.ok) {
      setTyped('');
      setRecoveryKey(result.value.recoveryKey);
      return;
    }
    if (result.error.code === 'WRONG_PASSPHRASE') setFieldError(t('admin.wrongCurrent'));
    else {
      setFormError(errorMessage(result.error));
      setFieldError(fieldErrorsFrom(result.error, ['currentPassphrase'] as const).currentPassphrase);
    }
    form.signal();
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('newKey.title')}</h3>
      {recoveryKey ? (
        <ShownKey
          recoveryKey={recoveryKey}
          typed={typed}
          onTyped={setTyped}
          onDone={() => {
            setRecoveryKey(null);
            setTyped('');
            setFinished(true);
          }}
        />
      ) : (
        <form ref={form.ref} onSubmit={submit} noValidate>
          <p>{t('newKey.intro')}</p>
          <p>{t('newKey.oldStops')}</p>
          <ErrorMessage>{formError}</ErrorMessage>
          <TextField
            label={t('admin.current')}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={setPassphrase}
            error={fieldError}
            maxLength={PASSPHRASE_MAX * 4}
            required
          />
          <StatusMessage tone={finished ? 'success' : 'info'}>
            {busy ? t('newKey.making') : finished ? t('newKey.finished') : null}
          </StatusMessage>
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={busy || undefined}>
              {t('newKey.make')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ShownKey(props: { recoveryKey: string; typed: string; onTyped: (value: string) => void; onDone: () => void }) {
  const { t } = useT();
  const heading = useRef<HTMLParagraphElement>(null);
  const matches = recoveryKeyMatches(props.typed, props.recoveryKey);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <>
      <p ref={heading} tabIndex={-1} className="message message-info no-print">
        {t('newKey.inUse')}
      </p>
      <RecoveryKeySheet recoveryKey={props.recoveryKey} />
      <form
        className="no-print"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) props.onDone();
        }}
      >
        <RecoveryKeyTypedBack recoveryKey={props.recoveryKey} value={props.typed} onChange={props.onTyped} />
        <div className="actions">
          <button type="submit" className="primary" disabled={!matches}>
            {t('newKey.done')}
          </button>
        </div>
      </form>
    </>
  );
}
