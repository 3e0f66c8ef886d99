// renderer/: first run, step 1 of 2: the agency, its first administrator and a passphrase.
// Nothing is saved until setup.complete on step 2; going back keeps everything typed. On a new
// computer, an agency with a backup restores it instead of setting up afresh.
import { useState, type FormEvent } from 'react';
import { NAME_MAX } from '../../../shared/limits';
import type { AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { checkNewPassphrase, fieldErrorsFrom, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../components/forms';
import { PageHeading } from '../components/Heading';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { PublicShell } from '../components/PublicShell';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/i18n';
import { JoinTeam } from './join/JoinTeam';
import { RestoreBackup } from './RestoreBackup';
import { SetupRecoveryKey } from './SetupRecoveryKey';

type Field = 'agencyName' | 'adminName' | 'passphrase' | 'confirm';
const serverFields = ['agencyName', 'adminName', 'passphrase'] as const;

export function Setup({ onStatus, onRestored }: { onStatus: (status: AppStatus) => void; onRestored: (status: AppStatus) => void }) {
  const { t, errorMessage } = useT();
  const [step, setStep] = useState<1 | 2>(1);
  const [restoring, setRestoring] = useState(false);
  const [joining, setJoining] = useState(false);
  const [agencyName, setAgencyName] = useState('');
  const [adminName, setAdminName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [keyConfirmation, setKeyConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function refreshStatus() {
    const status = await call('app.status', {});
    if (status.ok && status.value.state !== 'needs-setup') onStatus(status.value);
  }

  async function continueToKey(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    const pair = checkNewPassphrase(t, passphrase, confirm);
    const found: FieldErrors<Field> = {
      agencyName: agencyName.trim() ? undefined : t('field.required'),
      adminName: adminName.trim() ? undefined : t('field.required'),
      passphrase: pair.passphrase,
      confirm: pair.confirm,
    };
    setErrors(found);
    if (hasErrors(found)) return form.signal();
    // One key per setup attempt: coming back from step 2 must not replace a key already shown.
    if (recoveryKey) return setStep(2);

    setBusy(true);
    const result = await call('setup.begin', {});
    setBusy(false);
    if (!result.ok) {
      setFormError(errorMessage(result.error));
      if (result.error.code === 'ALREADY_SET_UP') void refreshStatus();
      return;
    }
    setRecoveryKey(result.value.recoveryKey);
    setStep(2);
  }

  async function finish() {
    const result = await call('setup.complete', {
      agencyName,
      adminName,
      passphrase,
      recoveryKeyConfirmation: keyConfirmation,
    });
    if (result.ok) {
      onStatus(result.value);
      return null;
    }
    if (result.error.code === 'ALREADY_SET_UP') void refreshStatus();
    const onStep1 = fieldErrorsFrom(result.error, serverFields);
    if (hasErrors(onStep1)) {
      // Show the problem beside the field it belongs to, with everything still filled in.
      setErrors(onStep1);
      setFormError(errorMessage(result.error));
      setStep(1);
      form.signal();
      return null;
    }
    return result.error;
  }

  if (restoring) {
    return (
      <PublicShell>
        <RestoreBackup backLabel={t('restore.backToSetup')} onBack={() => setRestoring(false)} onRestored={onRestored} />
      </PublicShell>
    );
  }

  if (joining) {
    return (
      <PublicShell>
        <JoinTeam onBack={() => setJoining(false)} onJoined={onStatus} />
      </PublicShell>
    );
  }

  if (step === 2 && recoveryKey) {
    return (
      <PublicShell>
        <SetupRecoveryKey
          recoveryKey={recoveryKey}
          confirmation={keyConfirmation}
          onConfirmation={setKeyConfirmation}
          onBack={() => setStep(1)}
          onFinish={finish}
        />
      </PublicShell>
    );
  }

  return (
    <PublicShell>
      <section className="card">
        <p className="step">{t('setup.step', { step: 1 })}</p>
        <PageHeading>{t('setup.title')}</PageHeading>
        <p>{t('setup.intro')}</p>
        <form ref={form.ref} onSubmit={continueToKey} noValidate>
          <ErrorMessage>{formError || (hasErrors(errors) ? t('common.fixFields') : '')}</ErrorMessage>
          <TextField
            label={t('setup.agencyName')}
            value={agencyName}
            onChange={setAgencyName}
            autoComplete="off"
            error={errors.agencyName}
            maxLength={NAME_MAX}
            required
          />
          <TextField
            label={t('setup.adminName')}
            value={adminName}
            onChange={setAdminName}
            autoComplete="off"
            hint={t('setup.adminNameHint')}
            error={errors.adminName}
            maxLength={NAME_MAX}
            required
          />
          <NewPassphraseFields
            label={t('setup.passphrase')}
            confirmLabel={t('setup.confirmPassphrase')}
            passphrase={passphrase}
            confirm={confirm}
            onPassphrase={setPassphrase}
            onConfirm={setConfirm}
            passphraseError={errors.passphrase}
            confirmError={errors.confirm}
          />
          <StatusMessage>{busy ? t('setup.preparing') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={busy || undefined}>
              {t('setup.continue')}
            </button>
          </div>
        </form>
        <p className="secondary-action">
          <button type="button" className="link-button" onClick={() => setRestoring(true)}>
            {t('restore.open')}
          </button>
        </p>
        <p className="secondary-action">
          <button type="button" className="link-button" onClick={() => setJoining(true)}>
            {t('join.open')}
          </button>
        </p>
      </section>
    </PublicShell>
  );
}
