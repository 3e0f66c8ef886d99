// renderer/: consents and releases of information. Each shows plainly whether it is in force;
// those ending within 30 days are flagged. Consent is never a condition of service, and says so.
import { useEffect, useId, useRef, useState } from 'react';
import type { ClientProfile, Consent } from '../../../../shared/schemas/clients';
import { consentDataCategories, consentKinds, languagesSpoken, signedHow } from '../../../../shared/vocab/lists';
import { useVocab } from '../../components/fields';
import { useT } from '../../i18n/i18n';
import { AddConsentForm, RevokeForm } from './ConsentForms';

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
