// renderer/: first run on a new laptop of a team: the invitation file an administrator made, its
// one-time code, the shared folder, the invited person's name and a new passphrase. Main runs the
// same join as `safehold team join` (team.join) and signs the person in; this laptop's recovery key
// is shown once before the caseload opens. Files are named by their full path, as for backups.
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { NAME_MAX } from '../../../../shared/limits';
import { JoinTeamInput } from '../../../../shared/schemas/team-join';
import type { AppStatus } from '../../../../shared/schemas/session';
import { call } from '../../api/client';
import { checkNewPassphrase } from '../../components/forms';
import { FormFrame } from '../../components/FormFrame';
import { PageHeading } from '../../components/Heading';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { RecoveryKeySheet } from '../../components/RecoveryKeySheet';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

interface JoinValues {
  invitationFile: string;
  code: string;
  folder: string;
  name: string;
  passphrase: string;
  confirm: string;
}

const empty: JoinValues = { invitationFile: '', code: '', folder: '', name: '', passphrase: '', confirm: '' };

export function JoinTeam(props: { onBack: () => void; onJoined: (status: AppStatus) => void }) {
  const [joined, setJoined] = useState<Output<'team.join'> | null>(null);
  if (joined) return <JoinedKey joined={joined} onContinue={() => props.onJoined(joined.status)} />;
  return <JoinForm onBack={props.onBack} onJoined={setJoined} />;
}

function JoinForm(props: { onBack: () => void; onJoined: (joined: Output<'team.join'>) => void }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: JoinTeamInput,
    defaults: empty,
    toInput: (v) => ({ invitationFile: v.invitationFile.trim(), code: v.code, folder: v.folder.trim(), name: v.name, passphrase: v.passphrase }),
    extraChecks: (v) => {
      const pair = checkNewPassphrase(t, v.passphrase, v.confirm);
      return {
        invitationFile: v.invitationFile.trim() ? undefined : t('field.required'),
        code: v.code.trim() ? undefined : t('field.required'),
        folder: v.folder.trim() ? undefined : t('field.required'),
        name: v.name.trim() ? undefined : t('field.required'),
        passphrase: pair.passphrase,
        confirm: pair.confirm,
      };
    },
    send: (input) => call('team.join', input),
    onSaved: props.onJoined,
  });
  const passphrase = sf.field('passphrase');
  const confirm = sf.field('confirm');
  return (
    <section className="card">
      <PageHeading>{t('join.title')}</PageHeading>
      <p>{t('join.intro')}</p>
      <FormFrame form={sf} submitLabel={t('join.submit')} onCancel={props.onBack} cancelLabel={t('restore.backToSetup')}>
        <TextField label={t('join.file')} hint={t('join.fileHint')} {...sf.field('invitationFile')} autoComplete="off" className="mono" maxLength={4096} required />
        <TextField label={t('join.code')} hint={t('join.codeHint')} {...sf.field('code')} autoComplete="off" className="mono" maxLength={40} required />
        <TextField label={t('team.folder')} hint={t('team.folderHint')} {...sf.field('folder')} autoComplete="off" className="mono" maxLength={4096} required />
        <TextField label={t('join.name')} hint={t('join.nameHint')} {...sf.field('name')} autoComplete="off" maxLength={NAME_MAX} required />
        <NewPassphraseFields
          label={t('join.passphrase')}
          confirmLabel={t('setup.confirmPassphrase')}
          passphrase={passphrase.value}
          confirm={confirm.value}
          onPassphrase={passphrase.onChange}
          onConfirm={confirm.onChange}
          passphraseError={passphrase.error}
          confirmError={confirm.error}
        />
        {sf.busy ? <p className="hint">{t('join.busy')}</p> : null}
      </FormFrame>
    </section>
  );
}

function JoinedKey(props: { joined: Output<'team.join'>; onContinue: () => void }) {
  const { t } = useT();
  return (
    <section className="card">
      <PageHeading>{t('join.keyTitle')}</PageHeading>
      <p>{t('join.joined')}</p>
      <RecoveryKeySheet recoveryKey={props.joined.recoveryKey} />
      <div className="actions no-print">
        <button type="button" className="primary" onClick={props.onContinue}>
          {t('join.continue')}
        </button>
      </div>
    </section>
  );
}
