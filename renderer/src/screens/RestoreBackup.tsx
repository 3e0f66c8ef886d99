// renderer/: restore from a backup, before anyone is signed in (sign-in screen, or first run on a new
// computer). The backup is checked first and what it holds is shown; only then can it replace the
// store, after a confirmation. Main verifies everything again and keeps the old store aside.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Input } from '../../../shared/contract';
import type { RpcError } from '../../../shared/errors';
import { NAME_MAX, PASSPHRASE_MAX } from '../../../shared/limits';
import type { BackupSummary } from '../../../shared/schemas/backup';
import type { AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { fieldErrorsFrom, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { isAbsolutePath } from '../components/paths';
import { normalizeRecoveryKey } from '../components/recoveryKey';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';
import { BackupContents } from './restore/BackupContents';

type Field = 'file' | 'name' | 'passphrase' | 'recoveryKey';
type Secret = 'passphrase' | 'recoveryKey';
const serverFields = ['file', 'name', 'passphrase', 'recoveryKey'] as const;

export function RestoreBackup(props: { onRestored: (status: AppStatus) => void; onBack: () => void; backLabel: string }) {
  const { t, errorMessage, formatTimestamp } = useT();
  const [file, setFile] = useState('');
  const [secret, setSecret] = useState<Secret>('passphrase');
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [checking, setChecking] = useState(false);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const form = useFocusFirstInvalid<HTMLFormElement>();
  const choiceName = useId();

  /** Any change means the backup shown is no longer the one that would be restored. */
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setSummary(null);
  };

  function input(): Input<'backup.inspect'> {
    const path = file.trim();
    return secret === 'recoveryKey' ? { file: path, recoveryKey } : { file: path, name: name.trim(), passphrase };
  }

  /** Shows a refusal plainly; a wrong secret empties the passphrase and puts focus where to retry. */
  function showError(error: RpcError) {
    setFormError(errorMessage(error));
    if (error.code === 'WRONG_PASSPHRASE') {
      setErrors({});
      if (secret === 'passphrase') {
        setPassphrase('');
        passphraseRef.current?.focus();
      } else keyRef.current?.focus();
      return;
    }
    // A damaged or foreign file comes back as a problem with `file` carrying the same words as the alert.
    const found = fieldErrorsFrom(error, serverFields);
    if (found.file === error.message) found.file = undefined;
    setErrors(found);
    form.signal();
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (checking) return;
    setFormError('');
    setSummary(null);
    const path = file.trim();
    const found: FieldErrors<Field> = {
      file: !path
        ? t('field.required')
        : !isAbsolutePath(path)
          ? t('backups.fullPath')
          : path.toLowerCase().endsWith('.shbk')
            ? undefined
            : t('restore.fileShape'),
      ...(secret === 'passphrase'
        ? { name: name.trim() ? undefined : t('field.required'), passphrase: passphrase ? undefined : t('passphrase.required') }
        : { recoveryKey: /^[0-9A-Z]{32}$/u.test(normalizeRecoveryKey(recoveryKey)) ? undefined : t('recover.keyShape') }),
    };
    setErrors(found);
    if (hasErrors(found)) {
      setFormError(t('common.fixFields'));
      return form.signal();
    }
    setChecking(true);
    const result = await call('backup.inspect', input());
    setChecking(false);
    if (result.ok) setSummary(result.value);
    else showError(result.error);
  }

  return (
    <section className="card">
      <PageHeading>{t('restore.title')}</PageHeading>
      <p>{t('restore.intro')}</p>
      <form ref={form.ref} onSubmit={check} noValidate>
        <ErrorMessage>{formError}</ErrorMessage>
        <TextField
          label={t('restore.file')}
          hint={t('restore.fileHint')}
          value={file}
          onChange={edit(setFile)}
          autoComplete="off"
          className="mono"
          error={errors.file}
          maxLength={4096}
          required
        />
        <fieldset className="field">
          <legend>{t('restore.openWith')}</legend>
          <div className="checkbox-list">
            {(['passphrase', 'recoveryKey'] as const).map((value) => (
              <div key={value} className="checkbox">
                <input
                  id={`${choiceName}-${value}`}
                  type="radio"
                  name={choiceName}
                  checked={secret === value}
                  onChange={() => {
                    setSecret(value);
                    setSummary(null);
                    setErrors({});
                  }}
                />
                <label htmlFor={`${choiceName}-${value}`}>{value === 'passphrase' ? t('restore.withPassphrase') : t('restore.withKey')}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {secret === 'passphrase' ? (
          <>
            <TextField
              label={t('restore.name')}
              value={name}
              onChange={edit(setName)}
              autoComplete="off"
              error={errors.name}
              maxLength={NAME_MAX}
              required
            />
            <TextField
              label={t('restore.passphrase')}
              hint={t('restore.withPassphraseHint')}
              type="password"
              autoComplete="off"
              value={passphrase}
              onChange={edit(setPassphrase)}
              error={errors.passphrase}
              inputRef={passphraseRef}
              maxLength={PASSPHRASE_MAX * 4}
              required
            />
          </>
        ) : (
          <TextField
            label={t('restore.key')}
            hint={t('restore.keyHint')}
            value={recoveryKey}
            onChange={edit(setRecoveryKey)}
            autoComplete="off"
            className="mono"
            error={errors.recoveryKey}
            inputRef={keyRef}
            maxLength={80}
            required
          />
        )}
        <StatusMessage>{checking ? t('restore.checking') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className={summary ? undefined : 'primary'} aria-disabled={checking || undefined}>
            {t('restore.check')}
          </button>
          <button type="button" onClick={props.onBack}>
            {props.backLabel}
          </button>
        </div>
      </form>
      {summary ? (
        <>
          <BackupContents summary={summary} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => setConfirming(true)}>
              {t('restore.submit')}
            </button>
          </div>
        </>
      ) : null}
      {confirming && summary ? (
        <ConfirmRestore
          date={formatTimestamp(summary.createdAt, true)}
          restore={() => call('backup.restore', input())}
          onClose={() => setConfirming(false)}
          onRestored={props.onRestored}
        />
      ) : null}
    </section>
  );
}

function ConfirmRestore(props: {
  date: string;
  restore: () => ReturnType<typeof call<'backup.restore'>>;
  onClose: () => void;
  onRestored: (status: AppStatus) => void;
}) {
  const { t, errorMessage } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);

  async function restore() {
    setBusy(true);
    setError(null);
    const result = await props.restore();
    setBusy(false);
    if (result.ok) props.onRestored(result.value);
    else setError(result.error);
  }

  return (
    <Dialog title={t('restore.confirmTitle')} onClose={props.onClose} busy={busy}>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <p>{t('restore.confirmText', { date: props.date })}</p>
      <p>{t('restore.keepsPrevious')}</p>
      <StatusMessage>{busy ? t('restore.restoring') : null}</StatusMessage>
      <div className="actions">
        <button type="button" className="primary" aria-disabled={busy || undefined} onClick={() => !busy && void restore()}>
          {t('restore.confirm')}
        </button>
        <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && props.onClose()}>
          {t('restore.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
