// renderer/: services delivered, and a short form to log one in a few seconds (also opened from a
// goal with that goal already chosen). Money is typed in dollars and stored in whole cents.
import { focusSoon } from '../../components/focusSoon';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AddServiceInput } from '../../../../shared/schemas/planning';
import { providerKinds, serviceCategories } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { SelectField, VocabSelect, useVocab } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
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

function LogServiceForm(props: { ctx: PlanContext; partners: PartnerEntry[]; goalId: string | null; onDone: (saved: boolean) => void }) {
  const { t } = useT();
  const goal = props.ctx.plan.goals.find((g) => g.id === props.goalId) ?? null;
  const [date, setDate] = useState(today());
  const [category, setCategory] = useState<Category>('case_management');
  const [provider, setProvider] = useState<Provider>('in_house');
  const [partnerId, setPartnerId] = useState('');
  const [minutes, setMinutes] = useState('');
  const [amount, setAmount] = useState('');
  const [goalId, setGoalId] = useState(goal?.id ?? '');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const active = props.partners.filter((p) => p.active);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!date) found.date = t('field.required');
    if (provider === 'partner' && !partnerId) found.partnerId = t('service.partnerRequired');
    const mins = minutes.trim() === '' ? null : /^\d{1,4}$/u.test(minutes.trim()) ? Number(minutes.trim()) : Number.NaN;
    if (mins !== null && (Number.isNaN(mins) || mins < 1 || mins > 1440)) found.minutes = t('service.minutesInvalid');
    const cents = dollarsToCents(amount);
    if (cents !== null && Number.isNaN(cents)) found.amountCents = t('service.amountInvalid');
    const result = await submit.run(found, () =>
      call('services.add', {
        clientId: props.ctx.clientId,
        date,
        category,
        provider,
        partnerId: provider === 'partner' ? partnerId : null,
        minutes: mins,
        amountCents: cents,
        goalId: goalId || null,
        note: note.trim() || null,
      }),
    );
    if (!result) return;
    await props.ctx.reload();
    props.onDone(true);
  }

  return (
    <FormPanel title={goal ? t('service.logForGoalTitle', { goal: goal.title }) : t('service.logTitle')} className="compact-form">
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <div className="form-row">
          <TextField type="date" label={t('common.date')} value={date} onChange={setDate} autoComplete="off" error={errorAt(submit.errors, 'date')} required />
          <VocabSelect label={t('service.category')} list={serviceCategories} value={category} onChange={setCategory} error={errorAt(submit.errors, 'category')} />
        </div>
        <div className="form-row">
          <VocabSelect label={t('service.provider')} list={providerKinds} value={provider} onChange={setProvider} error={errorAt(submit.errors, 'provider')} />
          {provider === 'partner' ? (
            active.length > 0 ? (
              <SelectField
                label={t('referral.partner')}
                value={partnerId}
                onChange={setPartnerId}
                options={[{ value: '', label: t('referral.choosePartner') }, ...active.map((p) => ({ value: p.id, label: p.name }))]}
                error={errorAt(submit.errors, 'partnerId')}
                required
              />
            ) : (
              <p className="hint">{t('partner.noneYet')}</p>
            )
          ) : null}
        </div>
        <div className="form-row">
          <TextField
            label={t('service.minutes')}
            value={minutes}
            onChange={setMinutes}
            autoComplete="off"
            maxLength={4}
            className="short"
            error={errorAt(submit.errors, 'minutes')}
          />
          <TextField
            label={t('service.amount')}
            value={amount}
            onChange={setAmount}
            autoComplete="off"
            maxLength={12}
            className="short"
            error={errorAt(submit.errors, 'amountCents')}
          />
        </div>
        <SelectField
          label={t('service.goalOptional')}
          value={goalId}
          onChange={setGoalId}
          options={[{ value: '', label: t('service.noGoal') }, ...props.ctx.plan.goals.map((g) => ({ value: g.id, label: g.title }))]}
          error={errorAt(submit.errors, 'goalId')}
        />
        <TextField
          label={t('common.note')}
          hint={t('service.noteHint')}
          value={note}
          onChange={setNote}
          autoComplete="off"
          maxLength={500}
          error={errorAt(submit.errors, 'note')}
        />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('service.save')}
          </button>
          <button type="button" onClick={() => props.onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}
