// renderer/: the signed-in person changes their own passphrase (their key slot is re-wrapped by main).
import { useId } from 'react';
import { ChangePassphraseInput } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { FormFrame } from '../components/FormFrame';
import { NewPassphrasePair, newPairChecks, PassphraseField } from '../components/SignInFields';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';

const empty = { currentPassphrase: '', newPassphrase: '', confirm: '' };

export function ChangePassphraseForm() {
  const { t } = useT();
  const headingId = useId();
  const sf = useSchemaForm({
    schema: ChangePassphraseInput,
    defaults: empty,
    toInput: (v) => ({ currentPassphrase: v.currentPassphrase, newPassphrase: v.newPassphrase }),
    extraChecks: (v) => ({ currentPassphrase: v.currentPassphrase ? undefined : t('passphrase.required'), ...newPairChecks(t, v) }),
    send: (input) => call('session.changePassphrase', input),
    onSaved: () => {
      sf.form.reset(empty);
    },
    // A wrong current passphrase is said at that field, which is emptied.
    special: (error) => {
      if (error.code !== 'WRONG_PASSPHRASE') return false;
      sf.form.setValue('currentPassphrase', '');
      sf.fail({ code: 'INVALID_INPUT', message: '', fields: [{ path: 'currentPassphrase', message: t('admin.wrongCurrent') }] });
      return true;
    },
  });

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('admin.changeTitle')}</h2>
      <FormFrame form={sf} submitLabel={t('admin.change')} busyText={t('admin.changing')} savedText={t('admin.changed')}>
        <PassphraseField label={t('admin.current')} {...sf.field('currentPassphrase')} />
        <NewPassphrasePair label={t('admin.new')} confirmLabel={t('admin.confirm')} passphrase={sf.field('newPassphrase')} confirm={sf.field('confirm')} />
      </FormFrame>
    </section>
  );
}
