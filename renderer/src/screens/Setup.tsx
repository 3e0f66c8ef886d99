// renderer/: first run, step 1 of 2: the agency, its first administrator and a passphrase.
// Nothing is saved until setup.complete on step 2; going back keeps everything typed. On a new
// computer, an agency with a backup restores it instead of setting up afresh.
import { useState } from 'react';
import { SetupCompleteInput, type AppStatus } from '../../../shared/schemas/session';
import type { Result } from '../../../shared/errors';
import { call } from '../api/client';
import { FormFrame } from '../components/FormFrame';
import { NameField, NewPassphrasePair, newPairChecks, PublicCard, required } from '../components/SignInFields';
import { PublicShell } from '../components/PublicShell';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';
import { JoinTeam } from './join/JoinTeam';
import { RestoreBackup } from './RestoreBackup';
import { SetupRecoveryKey } from './SetupRecoveryKey';

const StepOne = SetupCompleteInput.omit({ recoveryKeyConfirmation: true });

export function Setup({ onStatus, onRestored }: { onStatus: (status: AppStatus) => void; onRestored: (status: AppStatus) => void }) {
  const { t } = useT();
  const [step, setStep] = useState<1 | 2>(1);
  const [restoring, setRestoring] = useState(false);
  const [joining, setJoining] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [keyConfirmation, setKeyConfirmation] = useState('');

  async function refreshStatus() {
    const status = await call('app.status', {});
    if (status.ok && status.value.state !== 'needs-setup') onStatus(status.value);
  }

  // Step 1 only checks what was typed and asks main for the recovery key; nothing is saved until step 2.
  const sf = useSchemaForm({
    schema: StepOne,
    defaults: { agencyName: '', adminName: '', newPassphrase: '', confirm: '' },
    toInput: (v) => ({ agencyName: v.agencyName.trim(), adminName: v.adminName.trim(), passphrase: v.newPassphrase }),
    extraChecks: (v) => ({ agencyName: required(t, v.agencyName), adminName: required(t, v.adminName), ...newPairChecks(t, v) }),
    // One key per setup attempt: coming back from step 2 must not replace a key already shown.
    send: async (): Promise<Result<{ recoveryKey: string }>> => (recoveryKey ? { ok: true, value: { recoveryKey } } : call('setup.begin', {})),
    onSaved: (begun) => {
      setRecoveryKey(begun.recoveryKey);
      setStep(2);
    },
    special: (error) => {
      if (error.code === 'ALREADY_SET_UP') void refreshStatus();
      return false;
    },
  });

  async function finish(confirmation: string) {
    const v = sf.form.getValues();
    const result = await call('setup.complete', {
      agencyName: v.agencyName,
      adminName: v.adminName,
      passphrase: v.newPassphrase,
      recoveryKeyConfirmation: confirmation,
    });
    if (result.ok) {
      onStatus(result.value);
      return null;
    }
    if (result.error.code === 'ALREADY_SET_UP') void refreshStatus();
    const onStep1 = (result.error.fields ?? []).some((f) => ['agencyName', 'adminName', 'passphrase'].includes(f.path));
    if (onStep1) {
      // Show the problem beside the field it belongs to, with everything still filled in.
      setStep(1);
      sf.fail({ ...result.error, fields: result.error.fields?.map((f) => (f.path === 'passphrase' ? { ...f, path: 'newPassphrase' } : f)) });
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
      <PublicCard
        step={t('setup.step', { step: 1 })}
        title={t('setup.title')}
        intro={t('setup.intro')}
        links={[
          { label: t('restore.open'), onClick: () => setRestoring(true) },
          { label: t('join.open'), onClick: () => setJoining(true) },
        ]}
      >
        <FormFrame form={sf} submitLabel={t('setup.continue')} busyText={t('setup.preparing')}>
          <NameField label={t('setup.agencyName')} {...sf.field('agencyName')} />
          <NameField label={t('setup.adminName')} hint={t('setup.adminNameHint')} {...sf.field('adminName')} />
          <NewPassphrasePair label={t('setup.passphrase')} confirmLabel={t('setup.confirmPassphrase')} passphrase={sf.field('newPassphrase')} confirm={sf.field('confirm')} />
        </FormFrame>
      </PublicCard>
    </PublicShell>
  );
}
