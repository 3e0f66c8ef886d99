// renderer/: sign in with a name and passphrase. A wrong passphrase clears only the passphrase.
import { useId, useRef } from 'react';
import { UnlockInput, type AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import type { LockReason } from '../app/lock';
import { FormFrame } from '../components/FormFrame';
import { NameField, PassphraseField, PublicCard, required } from '../components/SignInFields';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';

const lockNotes = { idle: 'unlock.lockedIdle', manual: 'unlock.lockedManual', system: 'unlock.lockedSystem', restored: 'restore.done' } as const;

export function Unlock(props: {
  lockReason: LockReason | null;
  restored: boolean;
  onStatus: (status: AppStatus) => void;
  onForgot: () => void;
  onFirstTime: () => void;
  onRestore: () => void;
}) {
  const { t } = useT();
  const passphraseRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const sf = useSchemaForm({
    schema: UnlockInput,
    defaults: { name: '', passphrase: '' },
    toInput: (v) => ({ name: v.name.trim(), passphrase: v.passphrase }),
    extraChecks: (v) => ({ name: required(t, v.name), passphrase: v.passphrase ? undefined : t('passphrase.required') }),
    send: (input) => call('session.unlock', input),
    onSaved: props.onStatus,
    special: (error) => {
      if (error.code === 'WRONG_PASSPHRASE') {
        sf.form.setValue('passphrase', '');
        passphraseRef.current?.focus();
      }
      return false;
    },
  });

  return (
    <PublicCard
      title={t('unlock.title')}
      links={[
        { label: t('unlock.firstTime'), onClick: props.onFirstTime },
        { label: t('unlock.forgot'), onClick: props.onForgot },
        { label: t('restore.open'), onClick: props.onRestore },
      ]}
    >
      {props.restored || props.lockReason === 'restored' ? (
        <p className="message message-success calm-note">{t('restore.done')}</p>
      ) : props.lockReason ? (
        <p className="message message-info calm-note">{t(lockNotes[props.lockReason])}</p>
      ) : null}
      <FormFrame form={sf} submitLabel={t('unlock.submit')} busyText={t('unlock.checking')} errorId={errorId}>
        <NameField label={t('unlock.name')} {...sf.field('name')} />
        <PassphraseField label={t('unlock.passphrase')} {...sf.field('passphrase')} describedBy={sf.formError ? errorId : undefined} inputRef={passphraseRef} />
      </FormFrame>
    </PublicCard>
  );
}
