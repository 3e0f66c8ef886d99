// renderer/: sign in with a name and passphrase. A wrong passphrase clears only the passphrase.
import { useId, useRef, useState, type FormEvent } from 'react';
import { NAME_MAX, PASSPHRASE_MAX } from '../../../shared/limits';
import type { AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import type { LockReason } from '../app/lock';
import { fieldErrorsFrom, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';

type Field = 'name' | 'passphrase';

const lockNotes = { idle: 'unlock.lockedIdle', manual: 'unlock.lockedManual', system: 'unlock.lockedSystem', restored: 'restore.done' } as const;

export function Unlock(props: {
  lockReason: LockReason | null;
  restored: boolean;
  onStatus: (status: AppStatus) => void;
  onForgot: () => void;
  onFirstTime: () => void;
  onRestore: () => void;
}) {
  const { t, errorMessage } = useT();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const formErrorId = useId();
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    const found: FieldErrors<Field> = {
      name: name.trim() ? undefined : t('field.required'),
      passphrase: passphrase ? undefined : t('passphrase.required'),
    };
    setErrors(found);
    if (hasErrors(found)) return form.signal();

    setBusy(true);
    const result = await call('session.unlock', { name: name.trim(), passphrase });
    setBusy(false);
    if (result.ok) return props.onStatus(result.value);
    setFormError(errorMessage(result.error));
    if (result.error.code === 'WRONG_PASSPHRASE') {
      setPassphrase('');
      passphraseRef.current?.focus();
      return;
    }
    setErrors(fieldErrorsFrom(result.error, ['name', 'passphrase'] as const));
    form.signal();
  }

  return (
    <section className="card">
      <PageHeading>{t('unlock.title')}</PageHeading>
      {props.restored || props.lockReason === 'restored' ? (
        <p className="message message-success calm-note">{t('restore.done')}</p>
      ) : props.lockReason ? (
        <p className="message message-info calm-note">{t(lockNotes[props.lockReason])}</p>
      ) : null}
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage id={formErrorId}>{formError}</ErrorMessage>
        <TextField
          label={t('unlock.name')}
          value={name}
          onChange={setName}
          autoComplete="off"
          error={errors.name}
          maxLength={NAME_MAX}
          required
        />
        <TextField
          label={t('unlock.passphrase')}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          error={errors.passphrase}
          describedBy={formError ? formErrorId : undefined}
          inputRef={passphraseRef}
          maxLength={PASSPHRASE_MAX * 4}
          required
        />
        <StatusMessage>{busy ? t('unlock.checking') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            {t('unlock.submit')}
          </button>
        </div>
      </form>
      <p className="secondary-action">
        <button type="button" className="link-button" onClick={props.onFirstTime}>
          {t('unlock.firstTime')}
        </button>
      </p>
      <p className="secondary-action">
        <button type="button" className="link-button" onClick={props.onForgot}>
          {t('unlock.forgot')}
        </button>
      </p>
      <p className="secondary-action">
        <button type="button" className="link-button" onClick={props.onRestore}>
          {t('restore.open')}
        </button>
      </p>
    </section>
  );
}
