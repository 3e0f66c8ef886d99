// renderer/: consents and releases of information. Each shows plainly whether it is in force;
// those ending within 30 days are flagged. Consent is never a condition of service, and says so.
import { useEffect, useId, useRef, useState } from 'react';
import { AddConsentInput, RevokeConsentInput, type ClientProfile, type Consent } from '../../../../shared/schemas/clients';
import { consentDataCategories, consentKinds, languagesSpoken, signedHow } from '../../../../shared/vocab/lists';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxGroup, VocabSelect, useVocab } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

type Kind = AddConsentInput['kind'];
type Category = AddConsentInput['dataCategories'][number];
type Spoken = AddConsentInput['language'];
type Signed = AddConsentInput['signedHow'];

export function ConsentsTab(props: {
  profile: ClientProfile;
  onChanged: () => Promise<void>;
  /** From a referral that needs consent: open the form for sharing with this partner. */
  prefill?: { recipient: string; startDate: string; n: number } | null;
  onBackToPlan?: () => void;
}) {
  const { profile, onChanged, prefill } = props;
  const { t } = useT();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  // The partner of the referral waiting for this consent, once it has been recorded.
  const [recordedFor, setRecordedFor] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (recordedFor) backButton.current?.focus();
  }, [recordedFor]);

  useEffect(() => {
    if (!prefill) return;
    setRecordedFor(null);
    setAdding(true);
  }, [prefill]);
  return (
    <div className="consents">
      <p className="calm-note message message-info">{t('consent.neverCondition')}</p>
      <h2 id={headingId}>{t('consent.listTitle')}</h2>
      {profile.consents.length === 0 ? <p>{t('consent.none')}</p> : null}
      <ul className="consent-list" aria-labelledby={headingId}>
        {profile.consents.map((c) => (
          <ConsentItem key={c.id} consent={c} onChanged={onChanged} />
        ))}
      </ul>
      {recordedFor && props.onBackToPlan ? (
        <div className="message message-success">
          <p>{t('consent.recordedForReferral', { partner: recordedFor })}</p>
          <button type="button" ref={backButton} onClick={props.onBackToPlan}>
            {t('consent.backToReferral')}
          </button>
        </div>
      ) : null}
      {adding ? (
        <AddConsentForm
          key={prefill?.n ?? 0}
          clientId={profile.id}
          recipient={prefill?.recipient}
          startDate={prefill?.startDate}
          onDone={async (saved) => {
            setAdding(false);
            if (saved) await onChanged();
            if (saved && prefill) setRecordedFor(prefill.recipient);
            else addButton.current?.focus();
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" ref={addButton} className="primary" onClick={() => setAdding(true)}>
            {t('consent.add')}
          </button>
        </div>
      )}
    </div>
  );
}

function ConsentBadge({ consent }: { consent: Consent }) {
  const { t } = useT();
  const days = consent.daysToExpiry;
  let text: string;
  switch (consent.status) {
    case 'expiring':
      text = days === 0 ? t('consent.expiresToday') : days === 1 ? t('consent.expiresTomorrow') : t('consent.expiresIn', { days: days ?? 0 });
      break;
    default:
      text = t(`consentStatus.${consent.status}`);
  }
  return <span className={`badge badge-consent-${consent.status}`}>{text}</span>;
}

function ConsentItem({ consent, onChanged }: { consent: Consent; onChanged: () => Promise<void> }) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const [revoking, setRevoking] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const canRevoke = consent.status !== 'revoked' && consent.status !== 'expired';
  return (
    <li className="consent panel">
      <h3>
        {label(consentKinds, consent.kind)}
        {consent.recipient ? ` — ${consent.recipient}` : null}
      </h3>
      <p>
        <ConsentBadge consent={consent} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('consent.purpose')}</dt>
          <dd>{consent.purpose}</dd>
        </div>
        <div>
          <dt>{t('consent.categories')}</dt>
          <dd>{consent.dataCategories.map((c) => label(consentDataCategories, c)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consent.startDate')}</dt>
          <dd>{formatDay(consent.startDate)}</dd>
        </div>
        <div>
          <dt>{t('consent.expiryDate')}</dt>
          <dd>{consent.expiryDate ? formatDay(consent.expiryDate) : t('consent.noExpiry')}</dd>
        </div>
        <div>
          <dt>{t('consent.language')}</dt>
          <dd>{label(languagesSpoken, consent.language)}</dd>
        </div>
        <div>
          <dt>{t('consent.signedHow')}</dt>
          <dd>{label(signedHow, consent.signedHow)}</dd>
        </div>
        {consent.revokedOn ? (
          <div>
            <dt>{t('consent.revokedOn')}</dt>
            <dd>
              {formatDay(consent.revokedOn)}
              {consent.revokeReason ? ` — ${consent.revokeReason}` : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {canRevoke && !revoking ? (
        <button type="button" ref={revokeButton} onClick={() => setRevoking(true)}>
          {t('consent.revoke')}
        </button>
      ) : null}
      {revoking ? (
        <RevokeForm
          consentId={consent.id}
          onDone={async (saved) => {
            setRevoking(false);
            if (saved) await onChanged();
            else revokeButton.current?.focus();
          }}
        />
      ) : null}
    </li>
  );
}

function RevokeForm(props: { consentId: string; onDone: (saved: boolean) => Promise<void> }) {
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
      <TextField type="date" label={t('consent.revokeDate')} {...sf.field('revokedOn')} autoComplete="off" className="medium" required />
      <TextField label={t('consent.revokeReason')} {...sf.field('reason')} autoComplete="off" maxLength={300} />
    </FormFrame>
  );
}

// A consent recorded for a referral starts on the day the referral is sent (which may be earlier
// than today), since that is the day the server checks it for.
function AddConsentForm(props: { clientId: string; recipient?: string | undefined; startDate?: string | undefined; onDone: (saved: boolean) => Promise<void> }) {
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
        <TextField type="date" label={t('consent.startDate')} {...sf.field('startDate')} autoComplete="off" className="medium" required />
        <TextField type="date" label={t('consent.expiryDateOptional')} {...sf.field('expiryDate')} autoComplete="off" className="medium" />
        <VocabSelect label={t('consent.language')} list={languagesSpoken} {...sf.field('language')} />
        <VocabSelect label={t('consent.signedHow')} list={signedHow} {...sf.field('signedHow')} />
      </FormFrame>
    </section>
  );
}
