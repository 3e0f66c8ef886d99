// renderer/: consents and releases of information. Each shows plainly whether it is in force;
// those ending within 30 days are flagged. Consent is never a condition of service, and says so.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AddConsentInput, ClientProfile, Consent } from '../../../../shared/schemas/clients';
import { consentDataCategories, consentKinds, languagesSpoken, signedHow } from '../../../../shared/vocab/lists';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxGroup, VocabSelect, useVocab } from '../../components/fields';
import { errorAt, pathErrorsFrom, useFocusFirstInvalid, type PathErrors } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
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
  const { t, errorMessage } = useT();
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await call('consents.revoke', { consentId: props.consentId, revokedOn: date, reason: reason.trim() || null });
    setBusy(false);
    if (result.ok) return props.onDone(true);
    setErrors(pathErrorsFrom(result.error));
    setFormError(result.error.code === 'INVALID_INPUT' ? t('common.fixFields') : errorMessage(result.error));
    form.signal();
  }

  return (
    <form ref={form.ref} className="revoke-form" onSubmit={submit} noValidate>
      <ErrorMessage>{formError}</ErrorMessage>
      <TextField
        type="date"
        label={t('consent.revokeDate')}
        value={date}
        onChange={setDate}
        autoComplete="off"
        error={errorAt(errors, 'revokedOn')}
        className="medium"
        required
      />
      <TextField
        label={t('consent.revokeReason')}
        value={reason}
        onChange={setReason}
        autoComplete="off"
        maxLength={300}
        error={errorAt(errors, 'reason')}
      />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {t('consent.revokeConfirm')}
        </button>
        <button type="button" onClick={() => void props.onDone(false)}>
          {t('consent.revokeCancel')}
        </button>
      </div>
    </form>
  );
}

// A consent recorded for a referral starts on the day the referral is sent (which may be earlier
// than today), since that is the day the server checks it for.
function AddConsentForm(props: { clientId: string; recipient?: string | undefined; startDate?: string | undefined; onDone: (saved: boolean) => Promise<void> }) {
  const { t, language, errorMessage } = useT();
  const headingId = useId();
  const [kind, setKind] = useState<Kind>(props.recipient ? 'share_partner' : 'services');
  const [recipient, setRecipient] = useState(props.recipient ?? '');
  const [purpose, setPurpose] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const [startDate, setStartDate] = useState(props.startDate && props.startDate < today() ? props.startDate : today());
  const [expiryDate, setExpiryDate] = useState('');
  const [spoken, setSpoken] = useState<Spoken>(language);
  const [signed, setSigned] = useState<Signed>('written');
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    // Courtesy checks; main validates everything again.
    const found: PathErrors = {
      ...(kind === 'share_partner' && !recipient.trim() ? { recipient: t('consent.recipientRequired') } : {}),
      ...(!purpose.trim() ? { purpose: t('field.required') } : {}),
      ...(categories.length === 0 ? { dataCategories: t('consent.categoriesRequired') } : {}),
      ...(!startDate ? { startDate: t('field.required') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('common.fixFields'));
      return form.signal();
    }
    setBusy(true);
    const result = await call('consents.add', {
      clientId: props.clientId,
      kind,
      recipient: recipient.trim() || null,
      purpose: purpose.trim(),
      dataCategories: categories,
      startDate,
      expiryDate: expiryDate || null,
      language: spoken,
      signedHow: signed,
    });
    setBusy(false);
    if (result.ok) return props.onDone(true);
    setErrors(pathErrorsFrom(result.error));
    setFormError(result.error.code === 'INVALID_INPUT' ? t('common.fixFields') : errorMessage(result.error));
    form.signal();
  }

  return (
    <section className="panel add-consent" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('consent.addTitle')}
      </h3>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage>{formError}</ErrorMessage>
        <VocabSelect label={t('consent.kind')} list={consentKinds} value={kind} onChange={setKind} error={errorAt(errors, 'kind')} />
        <TextField
          label={t('consent.recipient')}
          hint={t('consent.recipientHint')}
          value={recipient}
          onChange={setRecipient}
          autoComplete="off"
          maxLength={200}
          error={errorAt(errors, 'recipient')}
          required={kind === 'share_partner'}
        />
        <TextField
          label={t('consent.purpose')}
          value={purpose}
          onChange={setPurpose}
          autoComplete="off"
          maxLength={500}
          error={errorAt(errors, 'purpose')}
          required
        />
        <CheckboxGroup
          legend={t('consent.categories')}
          list={consentDataCategories}
          value={categories}
          onChange={setCategories}
          error={errorAt(errors, 'dataCategories')}
        />
        <TextField
          type="date"
          label={t('consent.startDate')}
          value={startDate}
          onChange={setStartDate}
          autoComplete="off"
          error={errorAt(errors, 'startDate')}
          className="medium"
          required
        />
        <TextField
          type="date"
          label={t('consent.expiryDateOptional')}
          value={expiryDate}
          onChange={setExpiryDate}
          autoComplete="off"
          error={errorAt(errors, 'expiryDate')}
          className="medium"
        />
        <VocabSelect label={t('consent.language')} list={languagesSpoken} value={spoken} onChange={setSpoken} error={errorAt(errors, 'language')} />
        <VocabSelect label={t('consent.signedHow')} list={signedHow} value={signed} onChange={setSigned} error={errorAt(errors, 'signedHow')} />
        <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            {t('consent.save')}
          </button>
          <button type="button" onClick={() => void props.onDone(false)}>
            {t('consent.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
