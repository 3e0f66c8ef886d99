// renderer/: a new or reset account's first sign-in: their name, the one-time setup code from an
// administrator, and a passphrase of their own that nobody else learns.
import { useId, useRef } from 'react';
import type { AppStatus } from '../../../shared/schemas/session';
import { FirstSignInInput } from '../../../shared/schemas/staff';
import { call } from '../api/client';
import { FormFrame } from '../components/FormFrame';
import { NameField, NewPassphrasePair, newPairChecks, PublicCard, required } from '../components/SignInFields';
import { TextField } from '../components/TextField';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';

export function FirstSignIn(props: { onStatus: (status: AppStatus) => void; onBack: () => void }) {
  const { t } = useT();
  const codeRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const sf = useSchemaForm({
    schema: FirstSignInInput,
    defaults: { name: '', setupCode: '', newPassphrase: '', confirm: '' },
    toInput: (v) => ({ name: v.name.trim(), setupCode: v.setupCode.trim(), newPassphrase: v.newPassphrase }),
    extraChecks: (v) => ({ name: required(t, v.name), setupCode: required(t, v.setupCode, 'firstSignIn.codeRequired'), ...newPairChecks(t, v) }),
    send: (input) => call('session.firstSignIn', input),
    onSaved: props.onStatus,
    // Main's message says which: a wrong or expired code, or how long to wait after many attempts.
    // Everything stays typed, so a slip in the code can be fixed where it is.
    special: (error) => {
      if (error.code === 'WRONG_PASSPHRASE') codeRef.current?.focus();
      return false;
    },
  });

  return (
    <PublicCard title={t('firstSignIn.title')} intro={t('firstSignIn.intro')}>
      <FormFrame form={sf} submitLabel={t('firstSignIn.submit')} busyText={t('firstSignIn.checking')} onCancel={props.onBack} cancelLabel={t('recover.back')} errorId={errorId}>
        <NameField label={t('firstSignIn.name')} hint={t('firstSignIn.nameHint')} {...sf.field('name')} />
        <TextField
          label={t('firstSignIn.code')}
          hint={t('firstSignIn.codeHint')}
          {...sf.field('setupCode')}
          autoComplete="off"
          className="mono"
          describedBy={sf.formError ? errorId : undefined}
          inputRef={codeRef}
          maxLength={40}
          required
        />
        <NewPassphrasePair label={t('firstSignIn.newPassphrase')} confirmLabel={t('firstSignIn.confirmPassphrase')} passphrase={sf.field('newPassphrase')} confirm={sf.field('confirm')} />
      </FormFrame>
    </PublicCard>
  );
}
