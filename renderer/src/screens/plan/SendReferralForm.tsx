// renderer/: sending a referral. One that carries the person's name or identifying details needs
// their active consent to share with that partner; without it main refuses with CONSENT_REQUIRED and
// the form explains why, offers to record consent (and comes back ready to send), and makes plain the
// referral can go without those details.
import { useEffect, useState } from 'react';
import { SendReferralInput } from '../../../../shared/schemas/planning';
import { serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { CheckboxField, DateField, SelectField, useVocab, VocabSelect } from '../../components/fields';
import { focusSoon } from '../../components/focusSoon';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { StatusMessage } from '../../components/Messages';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { PartnerEntry, PlanContext } from './PlanTab';

type Service = (typeof serviceCategories.codes)[number];

export function SendReferralForm(props: {
  ctx: PlanContext;
  partners: PartnerEntry[];
  onRecordConsent: (partnerName: string, startDate: string) => void;
  backFromConsent: number;
  onDone: () => void;
}) {
  const { t } = useT();
  const label = useVocab();
  const active = props.partners.filter((p) => p.active);
  const [consentRecorded, setConsentRecorded] = useState(false);
  const [seenReturn] = useState(props.backFromConsent);
  // The partner whose consent is missing, after main refused to share identity with them.
  const [consentNeeded, setConsentNeeded] = useState<string | null>(null);
  const defaults: { partnerId: string; service: Service; sentOn: string; sharesIdentity: boolean } = { partnerId: '', service: 'case_management', sentOn: today(), sharesIdentity: false };
  const sf = useSchemaForm({
    schema: SendReferralInput,
    defaults,
    toInput: (v) => ({ clientId: props.ctx.clientId, partnerId: v.partnerId, service: v.service, sentOn: v.sentOn, sharesIdentity: v.sharesIdentity }),
    extraChecks: (v) => ({ partnerId: v.partnerId ? undefined : t('referral.partnerRequired'), sentOn: v.sentOn ? undefined : t('field.required') }),
    send: (input) => call('referrals.send', input),
    special: (error) => {
      if (error.code !== 'CONSENT_REQUIRED') return false;
      setConsentNeeded(partner?.name ?? '');
      return true;
    },
    onSaved: async () => {
      await props.ctx.reload();
      props.onDone();
    },
  });
  const partnerField = sf.field('partnerId');
  const identity = sf.field('sharesIdentity');
  const partner = active.find((p) => p.id === partnerField.value) ?? null;
  const sendButton = () => sf.formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]');

  // Back from recording consent: the same referral is ready to send, with identifying details.
  const { backFromConsent } = props;
  useEffect(() => {
    if (backFromConsent === seenReturn) return;
    setConsentNeeded(null);
    setConsentRecorded(true);
    focusSoon(sendButton);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a return from the Consents tab moves focus
  }, [backFromConsent, seenReturn]);

  function send() {
    setConsentNeeded(null);
    setConsentRecorded(false);
    void sf.onSubmit();
  }
  /** The form's own submit: a new try starts without the last refusal's notice. */
  function submitNew(event?: { preventDefault: () => void }) {
    event?.preventDefault();
    send();
    return Promise.resolve();
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
      <FormFrame form={{ ...sf, onSubmit: submitNew }} submitLabel={t('referral.save')} onCancel={props.onDone}>
        <SelectField
          label={t('referral.partner')}
          hint={partner ? t('referral.partnerOffers', { services: partner.services.map((s) => label(serviceCategories, s)).join(', ') }) : undefined}
          {...partnerField}
          onChange={(id) => {
            partnerField.onChange(id);
            setConsentNeeded(null);
            const first = active.find((p) => p.id === id)?.services[0];
            const offered = active.find((p) => p.id === id)?.services ?? [];
            if (first && !offered.includes(sf.form.getValues('service'))) sf.form.setValue('service', first);
          }}
          options={[{ value: '', label: t('referral.choosePartner') }, ...active.map((p) => ({ value: p.id, label: p.name }))]}
          required
        />
        <VocabSelect label={t('service.category')} list={serviceCategories} {...sf.field('service')} />
        <DateField label={t('referral.sentOn')} {...sf.field('sentOn')} required />
        <CheckboxField
          label={t('referral.sharesIdentity')}
          hint={t('referral.sharesIdentityHint')}
          checked={identity.value}
          onChange={(checked) => {
            identity.onChange(checked);
            setConsentNeeded(null);
          }}
        />
        {consentNeeded !== null ? (
          <div role="alert" className="message message-info consent-needed">
            <p>{t('referral.consentNeeded', { partner: consentNeeded })}</p>
            <p>{t('referral.consentNeverCondition')}</p>
            <div className="actions">
              <button type="button" onClick={() => props.onRecordConsent(consentNeeded, sf.form.getValues('sentOn'))}>
                {t('referral.recordConsent', { partner: consentNeeded })}
              </button>
              <button
                type="button"
                onClick={() => {
                  identity.onChange(false);
                  send();
                }}
              >
                {t('referral.sendWithout')}
              </button>
            </div>
          </div>
        ) : null}
        <StatusMessage>{consentRecorded && !sf.busy ? t('referral.readyAfterConsent') : null}</StatusMessage>
      </FormFrame>
    </FormPanel>
  );
}
