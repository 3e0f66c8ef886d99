// renderer/: the signed-in person changes their own passphrase (their key slot is re-wrapped by main).
import { useId, useState, type FormEvent } from 'react';
import { PASSPHRASE_MAX } from '../../../shared/limits';
import { call } from '../api/client';
import { checkNewPassphrase, fieldErrorsFrom, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../components/forms';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';

type Field = 'currentPassphrase' | 'newPassphrase' | 'confirm';

export function ChangePassphraseForm() {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [status, setStatus] = useState<'idle' | 'busy' | 'done'>('idle');
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === 'busy') return;
    setFormError('');
    const pair = checkNewPassphrase(t, next, confirm);
    const found: FieldErrors<Field> = {
      currentPassphrase: current ? undefined : t('passphrase.required'),
      newPassphrase: pair.passphrase,
      confirm: pair.confirm,
    };
    setErrors(found);
    if (hasErrors(found)) {
      setStatus('idle');
      return form.signal();
    }

    setStatus('busy');
    const result = await call('session.changePassphrase', { currentPassphrase: current, newPassphrase: next });
    if (result.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setStatus('done');
      return;
    }
    setStatus('idle');
    if (result.error.code === 'WRONG_PASSPHRASE') {
      setCurrent('');
      setErrors({ currentPassphrase: t('admin.wrongCurrent') });
    } else {
      setFormError(errorMessage(result.error));
      setErrors(fieldErrorsFrom(result.error, ['currentPassphrase', 'newPassphrase'] as const));
    }
    form.signal();
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('admin.changeTitle')}</h2>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage>{formError}</ErrorMessage>
        <TextField
          label={t('admin.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={errors.currentPassphrase}
          maxLength={PASSPHRASE_MAX * 4}
          required
        />
        <NewPassphraseFields
          label={t('admin.new')}
          confirmLabel={t('admin.confirm')}
          passphrase={next}
          confirm={confirm}
          onPassphrase={setNext}
          onConfirm={setConfirm}
          passphraseError={errors.newPassphrase}
          confirmError={errors.confirm}
        />
        <StatusMessage tone={status === 'done' ? 'success' : 'info'}>
          {status === 'busy' ? t('admin.changing') : status === 'done' ? t('admin.changed') : null}
        </StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={status === 'busy' || undefined}>
            {t('admin.change')}
          </button>
        </div>
      </form>
    </section>
  );
}
