// renderer/: total loss of a passphrase. The printed recovery key lets a named administrator set a
// new passphrase; nothing else about the records changes.
import type { AppStatus } from '../../../shared/schemas/session';
import { RecoverInput } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { FormFrame } from '../components/FormFrame';
import { normalizeRecoveryKey } from '../components/recoveryKey';
import { NameField, NewPassphrasePair, newPairChecks, PublicCard, required } from '../components/SignInFields';
import { TextField } from '../components/TextField';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';

export function Recover(props: { onStatus: (status: AppStatus) => void; onBack: () => void }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: RecoverInput,
    defaults: { recoveryKey: '', name: '', newPassphrase: '', confirm: '' },
    toInput: (v) => ({ recoveryKey: v.recoveryKey, name: v.name.trim(), newPassphrase: v.newPassphrase }),
    extraChecks: (v) => ({
      recoveryKey: /^[0-9A-Z]{32}$/u.test(normalizeRecoveryKey(v.recoveryKey)) ? undefined : t('recover.keyShape'),
      name: required(t, v.name),
      ...newPairChecks(t, v),
    }),
    send: (input) => call('session.recover', input),
    onSaved: props.onStatus,
    errorText: (error) => (error.code === 'WRONG_PASSPHRASE' ? t('recover.wrong') : undefined),
  });

  return (
    <PublicCard title={t('recover.title')} intro={t('recover.intro')}>
      <FormFrame form={sf} submitLabel={t('recover.submit')} busyText={t('recover.checking')} onCancel={props.onBack} cancelLabel={t('recover.back')}>
        <TextField label={t('recover.key')} {...sf.field('recoveryKey')} autoComplete="off" className="mono" maxLength={80} required />
        <NameField label={t('recover.name')} {...sf.field('name')} />
        <NewPassphrasePair label={t('recover.newPassphrase')} confirmLabel={t('recover.confirmPassphrase')} passphrase={sf.field('newPassphrase')} confirm={sf.field('confirm')} />
      </FormFrame>
    </PublicCard>
  );
}
