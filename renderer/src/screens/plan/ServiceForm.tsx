// renderer/: logging a service in a few seconds, correcting one (the same fields, and why), and
// removing one logged by mistake (why, in a dialog). Money is typed in dollars and kept in whole cents.
import { useRef } from 'react';
import type { z } from 'zod';
import type { Result } from '../../../../shared/errors';
import { AddServiceInput, RemoveServiceInput, type Service } from '../../../../shared/schemas/planning';
import { providerKinds, serviceCategories, serviceChangeReasons } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { Dialog } from '../../components/Dialog';
import { ChoiceSelect, DateField, SelectField, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { PartnerEntry, PlanContext } from './PlanTab';

type ServiceRow = z.infer<typeof Service>;
type Reason = ServiceRow['correctionReason'] & string;

/** "12", "12.5" or "12.50" dollars as whole cents; null for empty, NaN for anything else. */
export function dollarsToCents(text: string): number | null {
  const clean = text.trim().replace(/^\$/u, '').replace(/,/gu, '');
  if (clean === '') return null;
  if (!/^\d{1,7}(\.\d{1,2})?$/u.test(clean)) return Number.NaN;
  const [whole = '0', part = ''] = clean.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

/** Minutes as typed: null for empty, NaN for anything that is not a whole number. */
function minutesOf(text: string): number | null {
  const clean = text.trim();
  return clean === '' ? null : /^\d{1,4}$/u.test(clean) ? Number(clean) : Number.NaN;
}

const centsText = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

/** Logs a new service (service null), or corrects one: then a reason is required too. */
export function ServiceForm(props: { ctx: PlanContext; partners: PartnerEntry[]; goalId: string | null; service: ServiceRow | null; onDone: (saved: boolean) => void }) {
  const { t } = useT();
  const s = props.service;
  const goal = props.ctx.plan.goals.find((g) => g.id === props.goalId) ?? null;
  const active = props.partners.filter((p) => p.active || p.id === s?.partnerId);
  const reason = useRef<() => string>(() => '');
  const sf = useSchemaForm({
    schema: AddServiceInput,
    defaults: {
      date: s?.date ?? today(),
      category: s?.category ?? 'case_management',
      provider: s?.provider ?? 'in_house',
      partnerId: s?.partnerId ?? '',
      minutes: s?.minutes?.toString() ?? '',
      amountCents: centsText(s?.amountCents ?? null),
      goalId: s ? (s.goalId ?? '') : (goal?.id ?? ''),
      note: s?.note ?? '',
      reason: '',
    },
    toInput: (v) => ({
      clientId: props.ctx.clientId,
      date: v.date,
      category: v.category,
      provider: v.provider,
      partnerId: v.provider === 'partner' ? v.partnerId || null : null,
      minutes: minutesOf(v.minutes),
      amountCents: dollarsToCents(v.amountCents),
      goalId: v.goalId || null,
      note: v.note.trim() || null,
    }),
    extraChecks: (v) => {
      const mins = minutesOf(v.minutes);
      const cents = dollarsToCents(v.amountCents);
      return {
        partnerId: v.provider === 'partner' && !v.partnerId ? t('service.partnerRequired') : undefined,
        minutes: mins !== null && (Number.isNaN(mins) || mins < 1 || mins > 1440) ? t('service.minutesInvalid') : undefined,
        amountCents: cents !== null && Number.isNaN(cents) ? t('service.amountInvalid') : undefined,
        reason: s && !v.reason ? t('service.reasonRequired') : undefined,
      };
    },
    // The reason is not part of the logged service's schema: it is read from the form when sending.
    send: ({ clientId, ...fields }): Promise<Result<unknown>> =>
      s ? call('services.edit', { serviceId: s.id, reason: reason.current() as Reason, ...fields }) : call('services.add', { clientId, ...fields }),
    onSaved: async () => {
      await props.ctx.reload();
      props.onDone(true);
    },
  });
  reason.current = () => sf.form.getValues('reason');
  const provider = sf.field('provider');
  const title = s ? t('service.correctTitle') : goal ? t('service.logForGoalTitle', { goal: goal.title }) : t('service.logTitle');
  return (
    <FormPanel title={title} className="compact-form">
      <FormFrame form={sf} submitLabel={t(s ? 'service.saveCorrection' : 'service.save')} onCancel={() => props.onDone(false)}>
        {s ? <ChoiceSelect label={t('service.reason')} list={serviceChangeReasons} {...sf.field('reason')} /> : null}
        <div className="form-row">
          <DateField label={t('common.date')} {...sf.field('date')} required />
          <VocabSelect label={t('service.category')} list={serviceCategories} {...sf.field('category')} />
        </div>
        <div className="form-row">
          <VocabSelect label={t('service.provider')} list={providerKinds} {...provider} />
          {provider.value !== 'partner' ? null : active.length > 0 ? (
            <SelectField
              label={t('referral.partner')}
              {...sf.field('partnerId')}
              options={[{ value: '', label: t('referral.choosePartner') }, ...active.map((p) => ({ value: p.id, label: p.name }))]}
              required
            />
          ) : (
            <p className="hint">{t('partner.noneYet')}</p>
          )}
        </div>
        <div className="form-row">
          <TextField label={t('service.minutes')} {...sf.field('minutes')} autoComplete="off" maxLength={4} className="short" />
          <TextField label={t('service.amount')} {...sf.field('amountCents')} autoComplete="off" maxLength={12} className="short" />
        </div>
        <SelectField
          label={t('service.goalOptional')}
          {...sf.field('goalId')}
          options={[{ value: '', label: t('service.noGoal') }, ...props.ctx.plan.goals.map((g) => ({ value: g.id, label: g.title }))]}
        />
        <TextField label={t('common.note')} hint={t('service.noteHint')} {...sf.field('note')} autoComplete="off" maxLength={500} />
      </FormFrame>
    </FormPanel>
  );
}

/** Asks why a service is being removed, then removes it; the reason goes into the case history. */
export function RemoveServiceDialog(props: { ctx: PlanContext; service: ServiceRow; name: string; onDone: (removed: boolean) => void }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: RemoveServiceInput,
    defaults: { reason: '' },
    toInput: (v) => ({ serviceId: props.service.id, reason: v.reason as Reason }),
    extraChecks: (v) => ({ reason: v.reason ? undefined : t('service.reasonRequired') }),
    send: (input) => call('services.remove', input),
    onSaved: async () => {
      await props.ctx.reload();
      props.onDone(true);
    },
  });
  return (
    <Dialog title={t('service.removeTitle', { service: props.name })} onClose={() => props.onDone(false)} busy={sf.busy}>
      <p>{t('service.removeIntro')}</p>
      <FormFrame form={sf} submitLabel={t('service.remove')} onCancel={() => props.onDone(false)}>
        <ChoiceSelect label={t('service.reason')} list={serviceChangeReasons} {...sf.field('reason')} />
      </FormFrame>
    </Dialog>
  );
}
