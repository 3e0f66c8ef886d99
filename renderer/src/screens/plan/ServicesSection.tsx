// renderer/: services delivered, and a short form to log one in a few seconds (also opened from a
// goal with that goal already chosen). Money is typed in dollars and stored in whole cents.
import { focusSoon } from '../../components/focusSoon';
import { useEffect, useId, useRef, useState } from 'react';
import { AddServiceInput } from '../../../../shared/schemas/planning';
import { providerKinds, serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { SelectField, VocabSelect, useVocab } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import type { PartnerEntry, PlanContext } from './PlanTab';

type Category = NonNullable<AddServiceInput['category']>;
type Provider = NonNullable<AddServiceInput['provider']>;

/** "12", "12.5" or "12.50" dollars as whole cents; null for empty, NaN for anything else. */
export function dollarsToCents(text: string): number | null {
  const clean = text.trim().replace(/^\$/u, '').replace(/,/gu, '');
  if (clean === '') return null;
  if (!/^\d{1,7}(\.\d{1,2})?$/u.test(clean)) return Number.NaN;
  const [whole = '0', part = ''] = clean.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

export function ServicesSection(props: {
  ctx: PlanContext;
  partners: PartnerEntry[];
  request: { goalId: string | null; n: number } | null;
  onRequestDone: () => void;
}) {
  const { t, language, formatDay, formatNumber } = useT();
  const label = useVocab();
  const headingId = useId();
  const [adding, setAdding] = useState<{ goalId: string | null; n: number } | null>(null);
  const [logged, setLogged] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  // Focus goes back to whatever opened the form (this section's button or a goal's).
  const opener = useRef<HTMLElement | null>(null);
  const { services, goals } = props.ctx.plan;
  const money = new Intl.NumberFormat(language, { style: 'currency', currency: 'USD' });

  const { request, onRequestDone } = props;
  useEffect(() => {
    if (!request) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAdding(request);
    setLogged(false);
    onRequestDone();
  }, [request, onRequestDone]);

  const goalTitle = (id: string | null) => goals.find((g) => g.id === id)?.title ?? null;
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('service.listTitle')}</h2>
      {services.length === 0 ? <p>{t('service.none')}</p> : null}
      {adding ? (
        <LogServiceForm
          key={adding.n}
          ctx={props.ctx}
          partners={props.partners}
          goalId={adding.goalId}
          onDone={(saved) => {
            setAdding(null);
            setLogged(saved);
            focusSoon(() => (opener.current?.isConnected ? opener.current : addButton.current));
          }}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            ref={addButton}
            className="primary"
            onClick={() => {
              opener.current = addButton.current;
              setLogged(false);
              setAdding({ goalId: null, n: Date.now() });
            }}
          >
            {t('service.log')}
          </button>
        </div>
      )}
      <StatusMessage tone="success">{logged ? t('service.saved') : null}</StatusMessage>
      {services.length > 0 ? (
        <div className="table-scroll">
          <table aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('service.category')}</th>
                <th scope="col">{t('service.provider')}</th>
                <th scope="col">{t('service.howMuch')}</th>
                <th scope="col">{t('service.goal')}</th>
                <th scope="col">{t('common.note')}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.id}>
                  <td>{formatDay(s.date, 'medium')}</td>
                  <td>{label(serviceCategories, s.category)}</td>
                  <td>{s.provider === 'partner' ? (s.partner ?? label(providerKinds, 'partner')) : label(providerKinds, 'in_house')}</td>
                  <td>
                    {[
                      s.minutes !== null ? t('service.minutesValue', { minutes: formatNumber(s.minutes) }) : null,
                      s.amountCents !== null ? money.format(s.amountCents / 100) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ') || '—'}
                  </td>
                  <td>{goalTitle(s.goalId) ?? '—'}</td>
                  <td className="break">{s.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Minutes as typed: null for empty, NaN for anything that is not a whole number. */
function minutesOf(text: string): number | null {
  const clean = text.trim();
  return clean === '' ? null : /^\d{1,4}$/u.test(clean) ? Number(clean) : Number.NaN;
}

interface ServiceValues {
  date: string;
  category: Category;
  provider: Provider;
  partnerId: string;
  minutes: string;
  amountCents: string;
  goalId: string;
  note: string;
}

function LogServiceForm(props: { ctx: PlanContext; partners: PartnerEntry[]; goalId: string | null; onDone: (saved: boolean) => void }) {
  const { t } = useT();
  const goal = props.ctx.plan.goals.find((g) => g.id === props.goalId) ?? null;
  const active = props.partners.filter((p) => p.active);
  const defaults: ServiceValues = { date: today(), category: 'case_management', provider: 'in_house', partnerId: '', minutes: '', amountCents: '', goalId: goal?.id ?? '', note: '' };
  const sf = useSchemaForm({
    schema: AddServiceInput,
    defaults,
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
      };
    },
    send: (input) => call('services.add', input),
    onSaved: async () => {
      await props.ctx.reload();
      props.onDone(true);
    },
  });
  const provider = sf.field('provider');
  return (
    <FormPanel title={goal ? t('service.logForGoalTitle', { goal: goal.title }) : t('service.logTitle')} className="compact-form">
      <FormFrame form={sf} submitLabel={t('service.save')} onCancel={() => props.onDone(false)}>
        <div className="form-row">
          <TextField type="date" label={t('common.date')} {...sf.field('date')} autoComplete="off" required />
          <VocabSelect label={t('service.category')} list={serviceCategories} {...sf.field('category')} />
        </div>
        <div className="form-row">
          <VocabSelect label={t('service.provider')} list={providerKinds} {...provider} />
          {provider.value === 'partner' ? (
            active.length > 0 ? (
              <SelectField
                label={t('referral.partner')}
                {...sf.field('partnerId')}
                options={[{ value: '', label: t('referral.choosePartner') }, ...active.map((p) => ({ value: p.id, label: p.name }))]}
                required
              />
            ) : (
              <p className="hint">{t('partner.noneYet')}</p>
            )
          ) : null}
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
