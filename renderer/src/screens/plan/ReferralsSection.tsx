// renderer/: referrals to partner organizations. A referral that carries the person's name or
// identifying details needs their active consent to share with that partner; without it the screen
// explains why, offers to record consent, and makes plain the referral can go without those details.
import { focusSoon } from '../../components/focusSoon';
import { OpensForm } from '../../components/OpensForm';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { allCasesRoles } from '../../../../shared/roles';
import { SetReferralStatusInput, type Referral } from '../../../../shared/schemas/planning';
import type { SessionUser } from '../../../../shared/schemas/session';
import { referralStatuses, serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxField, SelectField, useVocab } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import { PartnerDirectory } from './PartnerDirectory';
import type { PartnerEntry, PlanContext } from './PlanTab';

type ReferralRow = z.infer<typeof Referral>;
type Service = ReferralRow['service'];
type ReferralStatus = ReferralRow['status'];

export function ReferralsSection(props: {
  ctx: PlanContext;
  user: SessionUser;
  partners: PartnerEntry[];
  onPartnersChanged: () => Promise<void>;
  onRecordConsent: (partnerName: string, startDate: string) => void;
  backFromConsent: number;
}) {
  const { t } = useT();
  const headingId = useId();
  const { referrals } = props.ctx.plan;
  const manages = allCasesRoles.includes(props.user.role);
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('referral.listTitle')}</h2>
      {referrals.length === 0 ? <p>{t('referral.none')}</p> : null}
      <ul className="referral-list" aria-labelledby={headingId}>
        {referrals.map((r) => (
          <ReferralItem key={r.id} referral={r} ctx={props.ctx} />
        ))}
      </ul>
      <OpensForm label={t('referral.send')}>
        {(close) => <SendReferralForm ctx={props.ctx} partners={props.partners} onRecordConsent={props.onRecordConsent} backFromConsent={props.backFromConsent} onDone={close} />}
      </OpensForm>
      {manages ? <PartnerDirectory partners={props.partners} onChanged={props.onPartnersChanged} /> : null}
    </section>
  );
}

function ReferralItem({ referral, ctx }: { referral: ReferralRow; ctx: PlanContext }) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const titleId = useId();
  const statusText = referral.statusOn
    ? t('referral.statusOn', { status: label(referralStatuses, referral.status), date: formatDay(referral.statusOn, 'medium') })
    : label(referralStatuses, referral.status);
  return (
    <li className="referral panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('referral.itemTitle', { partner: referral.partner, service: label(serviceCategories, referral.service) })}</h3>
      <p>
        <span className={`badge badge-referral-${referral.status}`}>{statusText}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('referral.sentOn')}</dt>
          <dd>{formatDay(referral.sentOn)}</dd>
        </div>
        <div>
          <dt>{t('referral.daysToMatch')}</dt>
          <dd>
            {referral.daysToMatch === null
              ? t('referral.notMatched')
              : referral.daysToMatch === 0
                ? t('referral.sameDay')
                : referral.daysToMatch === 1
                ? t('referral.oneDay')
                : t('referral.days', { days: referral.daysToMatch })}
          </dd>
        </div>
        <div>
          <dt>{t('referral.identity')}</dt>
          <dd>{referral.sharesIdentity ? t('referral.identityShared') : t('referral.identityNotShared')}</dd>
        </div>
      </dl>
      <OpensForm label={t('referral.updateStatus')} primary={false}>
        {(close) => <ReferralStatusForm referral={referral} ctx={ctx} onDone={close} />}
      </OpensForm>
    </li>
  );
}

const answerStatuses = referralStatuses.codes.filter((c) => c !== 'sent');

function ReferralStatusForm(props: { referral: ReferralRow; ctx: PlanContext; onDone: () => void }) {
  const { t } = useT();
  const label = useVocab();
  const defaults: { status: ReferralStatus; on: string } = { status: props.referral.status === 'sent' ? 'accepted' : props.referral.status, on: today() };
  const sf = useSchemaForm({
    schema: SetReferralStatusInput,
    defaults,
    toInput: (v) => ({ referralId: props.referral.id, status: v.status, on: v.on }),
    send: (input) => call('referrals.setStatus', input),
    onSaved: async () => {
      await props.ctx.reload();
      props.onDone();
    },
  });
  const status = sf.field('status');
  return (
    <FormPanel title={t('referral.statusTitle', { partner: props.referral.partner })} level={4}>
      <FormFrame form={sf} submitLabel={t('referral.saveStatus')} onCancel={props.onDone}>
        <SelectField
          label={t('common.status')}
          {...status}
          onChange={(v) => status.onChange(referralStatuses.codes.find((c) => c === v) ?? status.value)}
          options={answerStatuses.map((c) => ({ value: c, label: label(referralStatuses, c) }))}
        />
        <TextField type="date" label={t('common.date')} {...sf.field('on')} autoComplete="off" className="medium" required />
      </FormFrame>
    </FormPanel>
  );
}

function SendReferralForm(props: {
  ctx: PlanContext;
  partners: PartnerEntry[];
  onRecordConsent: (partnerName: string, startDate: string) => void;
  backFromConsent: number;
  onDone: () => void;
}) {
  const { t } = useT();
  const label = useVocab();
  const active = props.partners.filter((p) => p.active);
  const sendButton = useRef<HTMLButtonElement>(null);
  const [consentRecorded, setConsentRecorded] = useState(false);
  const [seenReturn] = useState(props.backFromConsent);
  const [partnerId, setPartnerId] = useState('');
  const [service, setService] = useState<Service>('case_management');
  const [sentOn, setSentOn] = useState(today());
  const [sharesIdentity, setSharesIdentity] = useState(false);
  // The partner whose consent is missing, after main refused to share identity with them.
  const [consentNeeded, setConsentNeeded] = useState<string | null>(null);
  const submit = useSubmit();
  const partner = active.find((p) => p.id === partnerId) ?? null;

  // Back from recording consent: the same referral is ready to send, with identifying details.
  const { backFromConsent } = props;
  useEffect(() => {
    if (backFromConsent === seenReturn) return;
    setConsentNeeded(null);
    setConsentRecorded(true);
    focusSoon(() => sendButton.current);
  }, [backFromConsent, seenReturn]);

  function choosePartner(id: string) {
    setPartnerId(id);
    setConsentNeeded(null);
    const chosen = active.find((p) => p.id === id);
    const first = chosen?.services[0];
    if (chosen && first && !chosen.services.includes(service)) setService(first);
  }

  async function send(withIdentity: boolean) {
    const found: Record<string, string> = {};
    if (!partnerId) found.partnerId = t('referral.partnerRequired');
    if (!sentOn) found.sentOn = t('field.required');
    const saved = await submit.run(
      found,
      () => call('referrals.send', { clientId: props.ctx.clientId, partnerId, service, sentOn, sharesIdentity: withIdentity }),
      (error) => {
        if (error.code !== 'CONSENT_REQUIRED') return false;
        setConsentNeeded(partner?.name ?? '');
        return true;
      },
    );
    if (!saved) return;
    await props.ctx.reload();
    props.onDone();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setConsentNeeded(null);
    setConsentRecorded(false);
    void send(sharesIdentity);
  }

  if (active.length === 0) {
    return (
      <FormPanel title={t('referral.sendTitle')}>
        <p>{t('partner.noneYet')}</p>
        <div className="actions">
          <button type="button" onClick={props.onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </FormPanel>
    );
  }

  return (
    <FormPanel title={t('referral.sendTitle')}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <SelectField
          label={t('referral.partner')}
          hint={partner ? t('referral.partnerOffers', { services: partner.services.map((s) => label(serviceCategories, s)).join(', ') }) : undefined}
          value={partnerId}
          onChange={choosePartner}
          options={[{ value: '', label: t('referral.choosePartner') }, ...active.map((p) => ({ value: p.id, label: p.name }))]}
          error={errorAt(submit.errors, 'partnerId')}
          required
        />
        <SelectField
          label={t('service.category')}
          value={service}
          onChange={(v) => setService(serviceCategories.codes.find((c) => c === v) ?? service)}
          options={serviceCategories.codes.map((c) => ({ value: c, label: label(serviceCategories, c) }))}
          error={errorAt(submit.errors, 'service')}
        />
        <TextField type="date" label={t('referral.sentOn')} value={sentOn} onChange={setSentOn} autoComplete="off" className="medium" error={errorAt(submit.errors, 'sentOn')} required />
        <CheckboxField
          label={t('referral.sharesIdentity')}
          hint={t('referral.sharesIdentityHint')}
          checked={sharesIdentity}
          onChange={(checked) => {
            setSharesIdentity(checked);
            setConsentNeeded(null);
          }}
        />
        {consentNeeded !== null ? (
          <div role="alert" className="message message-info consent-needed">
            <p>{t('referral.consentNeeded', { partner: consentNeeded })}</p>
            <p>{t('referral.consentNeverCondition')}</p>
            <div className="actions">
              <button type="button" onClick={() => props.onRecordConsent(consentNeeded, sentOn)}>
                {t('referral.recordConsent', { partner: consentNeeded })}
              </button>
              <button
                type="button"
                onClick={() => {
                  setSharesIdentity(false);
                  setConsentNeeded(null);
                  void send(false);
                }}
              >
                {t('referral.sendWithout')}
              </button>
            </div>
          </div>
        ) : null}
        <StatusMessage>{submit.busy ? t('common.working') : consentRecorded ? t('referral.readyAfterConsent') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" ref={sendButton} className="primary" aria-disabled={submit.busy || undefined}>
            {t('referral.save')}
          </button>
          <button type="button" onClick={props.onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
