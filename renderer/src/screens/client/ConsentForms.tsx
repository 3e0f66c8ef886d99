// renderer/: recording a consent (what may be shared, with whom, from when, how it was given) and
// revoking one. Each is a shared/ schema, its fields and one call.
import { useEffect, useId, useRef } from 'react';
import { AddConsentInput, RevokeConsentInput } from '../../../../shared/schemas/clients';
import { consentDataCategories, consentKinds, languagesSpoken, signedHow } from '../../../../shared/vocab/lists';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxGroup, DateField, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

type Kind = AddConsentInput['kind'];
type Category = AddConsentInput['dataCategories'][number];
type Spoken = AddConsentInput['language'];
type Signed = AddConsentInput['signedHow'];

export function RevokeForm(props: { consentId: string; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: RevokeConsentInput,
    defaults: { revokedOn: today(), reason: '' },
    toInput: (v) => ({ consentId: props.consentId, revokedOn: v.revokedOn, reason: v.reason.trim() || null }),
    send: (input) => call('consents.revoke', input),
    onSaved: () => props.onDone(true),
  });
  return (
    <FormFrame form={sf} className="revoke-form" submitLabel={t('consent.revokeConfirm')} onCancel={() => void props.onDone(false)} cancelLabel={t('consent.revokeCancel')}>
      <DateField label={t('consent.revokeDate')} {...sf.field('revokedOn')} required />
      <TextField label={t('consent.revokeReason')} {...sf.field('reason')} autoComplete="off" maxLength={300} />
    </FormFrame>
  );
}

// A consent recorded for a referral starts on the day the referral is sent (which may be earlier
// than today), since that is the day the server checks it for.
export function AddConsentForm(props: { clientId: string; recipient?: string | undefined; startDate?: string | undefined; onDone: (saved: boolean) => Promise<void> }) {
  const { t, language } = useT();
  const headingId = useId();
  const defaults: { kind: Kind; recipient: string; purpose: string; dataCategories: Category[]; startDate: string; expiryDate: string; language: Spoken; signedHow: Signed } = {
    kind: props.recipient ? 'share_partner' : 'services',
    recipient: props.recipient ?? '',
    purpose: '',
    dataCategories: [],
    startDate: props.startDate && props.startDate < today() ? props.startDate : today(),
    expiryDate: '',
    language,
    signedHow: 'written',
  };
  const sf = useSchemaForm({
    schema: AddConsentInput,
    defaults,
    toInput: (v) => ({ ...v, clientId: props.clientId, recipient: v.recipient.trim() || null, purpose: v.purpose.trim(), expiryDate: v.expiryDate || null }),
    extraChecks: (v) => ({
      recipient: v.kind === 'share_partner' && !v.recipient.trim() ? t('consent.recipientRequired') : undefined,
      dataCategories: v.dataCategories.length === 0 ? t('consent.categoriesRequired') : undefined,
    }),
    send: (input) => call('consents.add', input),
    onSaved: () => props.onDone(true),
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const kind = sf.field('kind');
  return (
    <section className="panel add-consent" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('consent.addTitle')}
      </h3>
      <FormFrame form={sf} submitLabel={t('consent.save')} onCancel={() => void props.onDone(false)} cancelLabel={t('consent.cancel')}>
        <VocabSelect label={t('consent.kind')} list={consentKinds} {...kind} />
        <TextField
          label={t('consent.recipient')}
          hint={t('consent.recipientHint')}
          {...sf.field('recipient')}
          autoComplete="off"
          maxLength={200}
          required={kind.value === 'share_partner'}
        />
        <TextField label={t('consent.purpose')} {...sf.field('purpose')} autoComplete="off" maxLength={500} required />
        <CheckboxGroup legend={t('consent.categories')} list={consentDataCategories} {...sf.field('dataCategories')} />
        <DateField label={t('consent.startDate')} {...sf.field('startDate')} required />
        <DateField label={t('consent.expiryDateOptional')} {...sf.field('expiryDate')} />
        <VocabSelect label={t('consent.language')} list={languagesSpoken} {...sf.field('language')} />
        <VocabSelect label={t('consent.signedHow')} list={signedHow} {...sf.field('signedHow')} />
      </FormFrame>
    </section>
  );
}
