// renderer/: restore from a backup. Three places: first run on a new computer (the backup's own
// secret), the sign-in screen of a computer that has records (an administrator here, or the current
// recovery key, vouches), and Admin → Backups (the signed-in administrator vouches). Over existing
// records the backup may also need a secret of its own (it was made under an earlier key): main says
// so and a second set of fields appears. The backup is checked first and what it holds is shown;
// only then can it replace the records, after a confirmation. Main verifies everything again, keeps
// the old store aside, and carries current staff, keys, the access log and case numbers over.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Input } from '../../../shared/contract';
import type { RpcError } from '../../../shared/errors';
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
import { useT, type I18n } from '../i18n/i18n';
import { BackupContents } from './restore/BackupContents';
import { emptySecret, SecretFields, secretInput, type Secret, type SecretLabels } from './restore/SecretFields';

/** new-computer: no records here yet; locked: the sign-in screen of a computer with records; signed-in: Admin → Backups. */
export type RestoreMode = 'new-computer' | 'locked' | 'signed-in';

type Field = 'file' | 'name' | 'passphrase' | 'recoveryKey' | 'backupName' | 'backupPassphrase' | 'backupKey';

function checkSecret(t: I18n['t'], secret: Secret): { name?: string | undefined; passphrase?: string | undefined; recoveryKey?: string | undefined } {
  return secret.kind === 'passphrase'
    ? { name: secret.name.trim() ? undefined : t('field.required'), passphrase: secret.passphrase ? undefined : t('passphrase.required') }
    : { recoveryKey: /^[0-9A-Z]{32}$/u.test(normalizeRecoveryKey(secret.recoveryKey)) ? undefined : t('recover.keyShape') };
}

export function RestoreBackup(props: { mode?: RestoreMode; onRestored: (status: AppStatus) => void; onBack?: () => void; backLabel?: string }) {
  const mode = props.mode ?? 'new-computer';
  const { t, errorMessage, formatTimestamp } = useT();
  const [file, setFile] = useState('');
  // On a new computer: the backup's secret. Otherwise (sign-in screen): who vouches here.
  const [mine, setMine] = useState<Secret>(emptySecret);
  // The backup's own secret, once main says the current key does not open it.
  const [backupNeeded, setBackupNeeded] = useState(false);
  const [backup, setBackup] = useState<Secret>(emptySecret);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [checking, setChecking] = useState(false);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const backupPassphraseRef = useRef<HTMLInputElement>(null);
  const backupKeyRef = useRef<HTMLInputElement>(null);
  const form = useFocusFirstInvalid<HTMLFormElement>();
  const asksMine = mode !== 'signed-in';
  const headingId = useId();

  /** Any change means the backup shown is no longer the one that would be restored. */
  const edit =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      setSummary(null);
    };

  function input(): Input<'backup.inspect'> {
    const path = file.trim();
    if (mode === 'new-computer') return { file: path, ...secretInput(mine) };
    if (mode === 'locked') return backupNeeded ? { file: path, ...secretInput(backup), current: secretInput(mine) } : { file: path, ...secretInput(mine) };
    return backupNeeded ? { file: path, ...secretInput(backup) } : { file: path };
  }

  /** Shows a refusal plainly; a wrong secret empties that passphrase and puts focus where to retry. */
  function showError(error: RpcError) {
    setFormError(errorMessage(error));
    const about = error.fields?.[0]?.path;
    if (error.code === 'WRONG_PASSPHRASE') {
      setErrors({});
      if (mode !== 'new-computer' && about === 'backup') {
        if (!backupNeeded) {
          // The fields for the backup's own secret appear; the message above says why.
          setBackupNeeded(true);
          return;
        }
        if (backup.kind === 'passphrase') {
          setBackup({ ...backup, passphrase: '' });
          backupPassphraseRef.current?.focus();
        } else backupKeyRef.current?.focus();
        return;
      }
      if (mine.kind === 'passphrase') {
        setMine({ ...mine, passphrase: '' });
        passphraseRef.current?.focus();
      } else keyRef.current?.focus();
      return;
    }
    // A damaged or foreign file comes back as a problem with `file` carrying the same words as the alert.
    const found = fieldErrorsFrom(error, ['file'] as const);
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
    const own = asksMine ? checkSecret(t, mine) : {};
    const theirs = backupNeeded ? checkSecret(t, backup) : {};
    const found: FieldErrors<Field> = {
      file: !path
        ? t('field.required')
        : !isAbsolutePath(path)
          ? t('backups.fullPath')
          : path.toLowerCase().endsWith('.shbk')
            ? undefined
            : t('restore.fileShape'),
      ...own,
      backupName: theirs.name,
      backupPassphrase: theirs.passphrase,
      backupKey: theirs.recoveryKey,
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

  const mineLabels: SecretLabels =
    mode === 'new-computer'
      ? {
          legend: t('restore.openWith'),
          withPassphrase: t('restore.withPassphrase'),
          withKey: t('restore.withKey'),
          name: t('restore.name'),
          passphrase: t('restore.passphrase'),
          passphraseHint: t('restore.withPassphraseHint'),
          key: t('restore.key'),
          keyHint: t('restore.keyHint'),
        }
      : {
          legend: t('restore.youHere'),
          hint: t('restore.youHereHint'),
          withPassphrase: t('restore.asAdmin'),
          withKey: t('restore.withCurrentKey'),
          name: t('restore.name'),
          passphrase: t('restore.currentPassphrase'),
          key: t('restore.currentKey'),
          keyHint: t('restore.currentKeyHint'),
        };
  const backupLabels: SecretLabels = {
    legend: t('restore.backupSecret'),
    hint: t('restore.backupSecretHint'),
    withPassphrase: t('restore.withThenPassphrase'),
    withKey: t('restore.withThenKey'),
    name: t('restore.thenName'),
    passphrase: t('restore.thenPassphrase'),
    key: t('restore.thenKey'),
  };

  const heading = mode === 'signed-in' ? <h3 id={headingId}>{t('restore.title')}</h3> : <PageHeading>{t('restore.title')}</PageHeading>;
  return (
    <section className={mode === 'signed-in' ? 'panel' : 'card'} {...(mode === 'signed-in' ? { 'aria-labelledby': headingId } : {})}>
      {heading}
      <p>{mode === 'signed-in' ? t('restore.adminIntro') : mode === 'locked' ? t('restore.lockedIntro') : t('restore.intro')}</p>
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
        {asksMine ? (
          <SecretFields
            labels={mineLabels}
            value={mine}
            onChange={edit(setMine)}
            errors={{ name: errors.name, passphrase: errors.passphrase, recoveryKey: errors.recoveryKey }}
            passphraseRef={passphraseRef}
            keyRef={keyRef}
          />
        ) : null}
        {backupNeeded ? (
          <SecretFields
            labels={backupLabels}
            value={backup}
            onChange={edit(setBackup)}
            errors={{ name: errors.backupName, passphrase: errors.backupPassphrase, recoveryKey: errors.backupKey }}
            passphraseRef={backupPassphraseRef}
            keyRef={backupKeyRef}
          />
        ) : null}
        <StatusMessage>{checking ? t('restore.checking') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className={summary ? undefined : 'primary'} aria-disabled={checking || undefined}>
            {t('restore.check')}
          </button>
          {props.onBack ? (
            <button type="button" onClick={props.onBack}>
              {props.backLabel}
            </button>
          ) : null}
        </div>
      </form>
      {summary ? (
        <>
          <BackupContents summary={summary} overStore={mode !== 'new-computer'} />
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
          signsOut={mode === 'signed-in'}
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
  signsOut: boolean;
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
      {props.signsOut ? <p>{t('restore.signsOut')}</p> : null}
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
