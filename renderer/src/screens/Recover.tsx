// renderer/: total loss of a passphrase. The printed recovery key lets a named administrator set a
// new passphrase; nothing else about the records changes.
import { useState, type FormEvent } from 'react';
import { NAME_MAX } from '../../../shared/limits';
import type { AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { checkNewPassphrase, fieldErrorsFrom, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { normalizeRecoveryKey } from '../components/recoveryKey';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';

type Field = 'recoveryKey' | 'name' | 'newPassphrase' | 'confirm';

export function Recover(props: { onStatus: (status: AppStatus) => void; onBack: () => void }) {
  const { t, errorMessage } = useT();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [name, setName] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    const pair = checkNewPassphrase(t, newPassphrase, confirm);
    const found: FieldErrors<Field> = {
      recoveryKey: /^[0-9A-Z]{32}$/u.test(normalizeRecoveryKey(recoveryKey)) ? undefined : t('recover.keyShape'),
      name: name.trim() ? undefined : t('field.required'),
      newPassphrase: pair.passphrase,
      confirm: pair.confirm,
    };
    setErrors(found);
    if (hasErrors(found)) return form.signal();

    setBusy(true);
    const result = await call('session.recover', { recoveryKey, name: name.trim(), newPassphrase });
    setBusy(false);
    if (result.ok) return props.onStatus(result.value);
    setFormError(result.error.code === 'WRONG_PASSPHRASE' ? t('recover.wrong') : errorMessage(result.error));
    setErrors(fieldErrorsFrom(result.error, ['recoveryKey', 'name', 'newPassphrase'] as const));
    form.signal();
  }

  return (
    <section className="card">
      <PageHeading>{t('recover.title')}</PageHeading>
      <p>{t('recover.intro')}</p>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage>{formError}</ErrorMessage>
        <TextField
          label={t('recover.key')}
          value={recoveryKey}
          onChange={setRecoveryKey}
          autoComplete="off"
          className="mono"
          error={errors.recoveryKey}
          maxLength={80}
          required
        />
        <TextField
          label={t('recover.name')}
          value={name}
          onChange={setName}
          autoComplete="off"
          error={errors.name}
          maxLength={NAME_MAX}
          required
        />
        <NewPassphraseFields
          label={t('recover.newPassphrase')}
          confirmLabel={t('recover.confirmPassphrase')}
          passphrase={newPassphrase}
          confirm={confirm}
          onPassphrase={setNewPassphrase}
          onConfirm={setConfirm}
          passphraseError={errors.newPassphrase}
          confirmError={errors.confirm}
        />
        <StatusMessage>{busy ? t('recover.checking') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            {t('recover.submit')}
          </button>
          <button type="button" onClick={props.onBack}>
            {t('recover.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
