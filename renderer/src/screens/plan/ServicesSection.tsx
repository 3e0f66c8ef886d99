// renderer/: services delivered, with the short form to log one (also opened from a goal with that
// goal already chosen), and a way to correct or remove one, each with a reason (ServiceForm.tsx).
import type { z } from 'zod';
import { focusSoon } from '../../components/focusSoon';
import { useEffect, useId, useRef, useState } from 'react';
import type { Service } from '../../../../shared/schemas/planning';
import { providerKinds, serviceCategories, serviceChangeReasons } from '../../../../shared/vocab/planning';
import { DataTable } from '../../components/DataTable';
import { useVocab } from '../../components/fields';
import { StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import type { PartnerEntry, PlanContext } from './PlanTab';
import { RemoveServiceDialog, ServiceForm } from './ServiceForm';

type ServiceRow = z.infer<typeof Service>;
type Done = 'saved' | 'corrected' | 'removed' | null;

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
  const [done, setDone] = useState<Done>(null);
  const [correcting, setCorrecting] = useState<ServiceRow | null>(null);
  const [removing, setRemoving] = useState<ServiceRow | null>(null);
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
    setCorrecting(null);
    setDone(null);
    onRequestDone();
  }, [request, onRequestDone]);

  const goalTitle = (id: string | null) => goals.find((g) => g.id === id)?.title ?? null;
  const howMuch = (s: ServiceRow) =>
    [s.minutes !== null ? t('service.minutesValue', { minutes: formatNumber(s.minutes) }) : null, s.amountCents !== null ? money.format(s.amountCents / 100) : null]
      .filter(Boolean)
      .join(' · ') || '—';
  /** The last correction, and the buttons to correct or remove the service. */
  const changes = (s: ServiceRow) => (
    <>
      {s.correctionReason && s.correctedOn ? (
        <p className="hint">{t('service.correctedOn', { date: formatDay(s.correctedOn.slice(0, 10), 'medium'), reason: label(serviceChangeReasons, s.correctionReason) })}</p>
      ) : null}
      <div className="row-actions">
        <button
          type="button"
          aria-label={t('service.correctOne', { service: rowName(s) })}
          onClick={(event) => {
            opener.current = event.currentTarget;
            setAdding(null);
            setDone(null);
            setCorrecting(s);
          }}
        >
          {t('service.correct')}
        </button>
        <button
          type="button"
          aria-label={t('service.removeOne', { service: rowName(s) })}
          onClick={() => {
            setDone(null);
            setRemoving(s);
          }}
        >
          {t('service.remove')}
        </button>
      </div>
    </>
  );
  /** "Legal, 3 Mar 2026": how a row is named on its buttons and in the removal dialog. */
  const rowName = (s: ServiceRow) => `${label(serviceCategories, s.category)}, ${formatDay(s.date, 'medium')}`;
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('service.listTitle')}</h2>
      {services.length === 0 ? <p>{t('service.none')}</p> : null}
      {adding ? (
        <ServiceForm
          key={adding.n}
          ctx={props.ctx}
          partners={props.partners}
          goalId={adding.goalId}
          service={null}
          onDone={(saved) => {
            setAdding(null);
            setDone(saved ? 'saved' : null);
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
              setDone(null);
              setCorrecting(null);
              setAdding({ goalId: null, n: Date.now() });
            }}
          >
            {t('service.log')}
          </button>
        </div>
      )}
      <StatusMessage tone="success">{done ? t(`service.${done}`) : null}</StatusMessage>
      {correcting ? (
        <ServiceForm
          key={correcting.id}
          ctx={props.ctx}
          partners={props.partners}
          goalId={null}
          service={correcting}
          onDone={(saved) => {
            setCorrecting(null);
            setDone(saved ? 'corrected' : null);
            focusSoon(() => (opener.current?.isConnected ? opener.current : addButton.current));
          }}
        />
      ) : null}
      {removing ? (
        <RemoveServiceDialog
          ctx={props.ctx}
          service={removing}
          name={rowName(removing)}
          onDone={(removed) => {
            setRemoving(null);
            setDone(removed ? 'removed' : null);
            if (removed) focusSoon(() => addButton.current);
          }}
        />
      ) : null}
      {services.length > 0 ? (
        <DataTable
          labelledBy={headingId}
          rows={services}
          rowKey={(s) => s.id}
          columns={[
            { header: t('common.date'), cell: (s) => formatDay(s.date, 'medium') },
            { header: t('service.category'), cell: (s) => label(serviceCategories, s.category) },
            { header: t('service.provider'), cell: (s) => (s.provider === 'partner' ? (s.partner ?? label(providerKinds, 'partner')) : label(providerKinds, 'in_house')) },
            { header: t('service.howMuch'), cell: howMuch },
            { header: t('service.goal'), cell: (s) => goalTitle(s.goalId) ?? '—' },
            { header: t('common.note'), cell: (s) => s.note ?? '—', className: 'break' },
            { header: t('service.changes'), cell: changes },
          ]}
        />
      ) : null}
    </section>
  );
}
