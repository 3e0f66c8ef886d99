// renderer/: a new or reset account's first sign-in: their name, the one-time setup code from an
// administrator, and a passphrase of their own that nobody else learns.
import { useId, useRef, useState, type FormEvent } from 'react';
import { NAME_MAX } from '../../../shared/limits';
import type { AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { checkNewPassphrase, fieldErrorsFrom, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';

type Field = 'name' | 'setupCode' | 'newPassphrase' | 'confirm';

export function FirstSignIn(props: { onStatus: (status: AppStatus) => void; onBack: () => void }) {
  const { t, errorMessage } = useT();
  const [name, setName] = useState('');
  const [setupCode, setSetupCode] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();
  const codeRef = useRef<HTMLInputElement>(null);
  const formErrorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    const pair = checkNewPassphrase(t, newPassphrase, confirm);
    const found: FieldErrors<Field> = {
      name: name.trim() ? undefined : t('field.required'),
      setupCode: setupCode.trim() ? undefined : t('firstSignIn.codeRequired'),
      newPassphrase: pair.passphrase,
      confirm: pair.confirm,
    };
    setErrors(found);
    if (hasErrors(found)) return form.signal();

    setBusy(true);
    const result = await call('session.firstSignIn', { name: name.trim(), setupCode: setupCode.trim(), newPassphrase });
    setBusy(false);
    if (result.ok) return props.onStatus(result.value);
    // Main's message says which: a wrong or expired code, or how long to wait after many attempts.
    setFormError(errorMessage(result.error));
    if (result.error.code === 'WRONG_PASSPHRASE') {
      // Everything stays typed, so a slip in the code can be fixed where it is.
      codeRef.current?.focus();
      return;
    }
    setErrors(fieldErrorsFrom(result.error, ['name', 'setupCode', 'newPassphrase'] as const));
    form.signal();
  }

  return (
    <section className="card">
      <PageHeading>{t('firstSignIn.title')}</PageHeading>
      <p>{t('firstSignIn.intro')}</p>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage id={formErrorId}>{formError}</ErrorMessage>
        <TextField
          label={t('firstSignIn.name')}
          hint={t('firstSignIn.nameHint')}
          value={name}
          onChange={setName}
          autoComplete="off"
          error={errors.name}
          maxLength={NAME_MAX}
          required
        />
        <TextField
          label={t('firstSignIn.code')}
          hint={t('firstSignIn.codeHint')}
          value={setupCode}
          onChange={setSetupCode}
          autoComplete="off"
          className="mono"
          error={errors.setupCode}
          describedBy={formError ? formErrorId : undefined}
          inputRef={codeRef}
          maxLength={40}
          required
        />
        <NewPassphraseFields
          label={t('firstSignIn.newPassphrase')}
          confirmLabel={t('firstSignIn.confirmPassphrase')}
          passphrase={newPassphrase}
          confirm={confirm}
          onPassphrase={setNewPassphrase}
          onConfirm={setConfirm}
          passphraseError={errors.newPassphrase}
          confirmError={errors.confirm}
        />
        <StatusMessage>{busy ? t('firstSignIn.checking') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            {t('firstSignIn.submit')}
          </button>
          <button type="button" onClick={props.onBack}>
            {t('recover.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
