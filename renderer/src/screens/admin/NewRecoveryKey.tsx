// renderer/: an administrator replaces the agency's recovery key (lost, or possibly seen). Main
// checks their passphrase and the old key stops working at once; the new key is shown here once and
// typed back, as at setup, before the panel closes.
import { useEffect, useId, useRef, useState } from 'react';
import { RegenerateRecoveryInput } from '../../../../shared/schemas/staff';
import { call } from '../../api/client';
import { FormFrame } from '../../components/FormFrame';
import { recoveryKeyMatches, RecoveryKeySheet, RecoveryKeyTypedBack } from '../../components/RecoveryKeySheet';
import { PassphraseField } from '../../components/SignInFields';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

export function NewRecoveryKey() {
  const { t } = useT();
  const headingId = useId();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [finished, setFinished] = useState(false);
  const sf = useSchemaForm({
    schema: RegenerateRecoveryInput,
    defaults: { currentPassphrase: '' },
    toInput: (v) => v,
    extraChecks: (v) => ({ currentPassphrase: v.currentPassphrase ? undefined : t('passphrase.required') }),
    // The passphrase is never kept on screen after it was used, whatever the answer.
    send: async (input) => {
      setFinished(false);
      const result = await call('recovery.regenerate', input);
      sf.form.setValue('currentPassphrase', '');
      return result;
    },
    onSaved: (made) => {
      setTyped('');
      setRecoveryKey(made.recoveryKey);
    },
    special: (error) => {
      if (error.code !== 'WRONG_PASSPHRASE') return false;
      sf.fail({ code: 'INVALID_INPUT', message: '', fields: [{ path: 'currentPassphrase', message: t('admin.wrongCurrent') }] });
      return true;
    },
  });

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
        <>
          <p>{t('newKey.intro')}</p>
          <p>{t('newKey.oldStops')}</p>
          <FormFrame form={{ ...sf, saved: finished }} submitLabel={t('newKey.make')} busyText={t('newKey.making')} savedText={t('newKey.finished')}>
            <PassphraseField label={t('admin.current')} {...sf.field('currentPassphrase')} />
          </FormFrame>
        </>
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
