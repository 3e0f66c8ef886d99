// renderer/: referrals to partner organizations. A referral that carries the person's name or
// identifying details needs their active consent to share with that partner; without it the screen
// explains why, offers to record consent, and makes plain the referral can go without those details.
import { OpensForm } from '../../components/OpensForm';
import { useId } from 'react';
import type { z } from 'zod';
import { allCasesRoles } from '../../../../shared/roles';
import { SetReferralStatusInput, type Referral } from '../../../../shared/schemas/planning';
import type { SessionUser } from '../../../../shared/schemas/session';
import { referralStatuses, serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { DateField, SelectField, useVocab } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { PartnerDirectory } from './PartnerDirectory';
import { SendReferralForm } from './SendReferralForm';
import type { PartnerEntry, PlanContext } from './PlanTab';

type ReferralRow = z.infer<typeof Referral>;
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
        <DateField label={t('common.date')} {...sf.field('on')} required />
      </FormFrame>
    </FormPanel>
  );
}
