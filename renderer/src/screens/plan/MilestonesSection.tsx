// renderer/: legal and immigration milestones (Continued Presence, T and U visas, HHS letters,
// vacatur) with their dates and a due-date clock. A granted interim assistance letter gets its
// 90-day deadline from main when no date is given. Each milestone can book its court or USCIS date.
import { OpensForm } from '../../components/OpensForm';
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { Result } from '../../../../shared/errors';
import { MilestoneInput, type Milestone } from '../../../../shared/schemas/planning';
import { milestoneKinds, milestoneStatuses } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { daysBetween, today } from '../../components/dates';
import { DateField, useVocab, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT, type I18n } from '../../i18n/i18n';
import { BookFromMilestone } from '../appointments/BookFromMilestone';
import type { PlanContext } from './PlanTab';

type MilestoneRow = z.infer<typeof Milestone>;
type Kind = MilestoneRow['kind'];
type MilestoneStatus = MilestoneRow['status'];

/** "Due in 12 days" / "Overdue by 3 days", or null when there is no clock running. */
export function dueClock(t: I18n['t'], formatDay: I18n['formatDay'], dueOn: string | null): { text: string; overdue: boolean } | null {
  if (!dueOn) return null;
  const days = daysBetween(today(), dueOn);
  const date = formatDay(dueOn, 'medium');
  if (days < 0) return { text: t(days === -1 ? 'clock.overdueOne' : 'clock.overdue', { days: -days, date }), overdue: true };
  if (days === 0) return { text: t('clock.today', { date }), overdue: false };
  if (days === 1) return { text: t('clock.tomorrow', { date }), overdue: false };
  return { text: t('clock.dueIn', { days, date }), overdue: false };
}

export function MilestonesSection({ ctx, me }: { ctx: PlanContext; /** The signed-in person: "with whom" for a date booked here. */ me: string }) {
  const { t } = useT();
  const headingId = useId();
  const { milestones } = ctx.plan;
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('milestone.listTitle')}</h2>
      {milestones.length === 0 ? <p>{t('milestone.none')}</p> : null}
      <ul className="milestone-list" aria-labelledby={headingId}>
        {milestones.map((m) => (
          <MilestoneItem key={m.id} milestone={m} ctx={ctx} me={me} />
        ))}
      </ul>
      <OpensForm label={t('milestone.add')}>
        {(close) => <MilestoneForm ctx={ctx} milestone={null} onDone={close} />}
      </OpensForm>
    </section>
  );
}

function MilestoneItem({ milestone, ctx, me }: { milestone: MilestoneRow; ctx: PlanContext; me: string }) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const titleId = useId();
  const [booked, setBooked] = useState(false);
  // The clock only runs while something can still be done about it.
  const running = milestone.status === 'requested' || milestone.status === 'granted';
  const clock = running ? dueClock(t, formatDay, milestone.dueOn) : null;
  const dates: [string, string | null][] = [
    [t('milestone.requestedOn'), milestone.requestedOn],
    [t('milestone.decidedOn'), milestone.decidedOn],
    [t('milestone.expiresOn'), milestone.expiresOn],
    [t('milestone.dueOn'), milestone.dueOn],
  ];
  const kind = label(milestoneKinds, milestone.kind);
  return (
    <li className="milestone panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{kind}</h3>
      <p className="badges">
        <span className={`badge badge-milestone-${milestone.status}`}>{label(milestoneStatuses, milestone.status)}</span>
        {clock ? <span className={`badge ${clock.overdue ? 'badge-overdue' : 'badge-due'}`}>{clock.text}</span> : null}
      </p>
      <dl className="facts">
        {dates
          .filter(([, value]) => value !== null)
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value ? formatDay(value) : null}</dd>
            </div>
          ))}
        {milestone.note ? (
          <div className="case-fact-wide">
            <dt>{t('common.note')}</dt>
            <dd>{milestone.note}</dd>
          </div>
        ) : null}
      </dl>
      <OpensForm label={t('milestone.update', { kind })} primary={false}>
        {(close) => <MilestoneForm ctx={ctx} milestone={milestone} onDone={close} />}
      </OpensForm>{' '}
      <OpensForm label={t('milestone.bookDate')} ariaLabel={t('milestone.bookDateFor', { kind })} primary={false} onOpen={() => setBooked(false)}>
        {(close) => (
          <BookFromMilestone
            clientId={ctx.clientId}
            milestoneId={milestone.id}
            title={t('milestone.bookDateFor', { kind })}
            me={me}
            onDone={(saved) => {
              setBooked(saved);
              close();
            }}
          />
        )}
      </OpensForm>
      <StatusMessage tone="success">{booked ? t('milestone.booked') : null}</StatusMessage>
    </li>
  );
}

interface MilestoneValues {
  kind: Kind;
  status: MilestoneStatus;
  requestedOn: string;
  decidedOn: string;
  expiresOn: string;
  dueOn: string;
  note: string;
}

/** Adds a milestone, or updates one (its kind stays); both are checked against the milestone schema. */
function MilestoneForm(props: { ctx: PlanContext; milestone: MilestoneRow | null; onDone: () => void }) {
  const { t } = useT();
  const label = useVocab();
  const m = props.milestone;
  const defaults: MilestoneValues = {
    kind: m?.kind ?? 't_visa',
    status: m?.status ?? 'requested',
    requestedOn: m?.requestedOn ?? '',
    decidedOn: m?.decidedOn ?? '',
    expiresOn: m?.expiresOn ?? '',
    dueOn: m?.dueOn ?? '',
    note: m?.note ?? '',
  };
  const sf = useSchemaForm({
    schema: MilestoneInput,
    defaults,
    toInput: (v) => ({
      clientId: props.ctx.clientId,
      kind: v.kind,
      status: v.status,
      requestedOn: v.requestedOn || null,
      decidedOn: v.decidedOn || null,
      expiresOn: v.expiresOn || null,
      dueOn: v.dueOn || null,
      note: v.note.trim() || null,
    }),
    send: async ({ clientId: _clientId, kind: _kind, ...rest }): Promise<Result<unknown>> =>
      m ? call('milestones.update', { milestoneId: m.id, ...rest }) : call('milestones.add', { clientId: _clientId, kind: _kind, ...rest }),
    onSaved: async () => {
      await props.ctx.reload();
      props.onDone();
    },
  });
  const dateField = (name: string, path: 'requestedOn' | 'decidedOn' | 'expiresOn' | 'dueOn', hint?: string) => (
    <DateField label={name} hint={hint} {...sf.field(path)} />
  );
  return (
    <FormPanel title={m ? t('milestone.updateTitle', { kind: label(milestoneKinds, m.kind) }) : t('milestone.addTitle')} level={m ? 4 : 3}>
      <FormFrame form={sf} submitLabel={t('milestone.save')} onCancel={props.onDone}>
        {m ? null : <VocabSelect label={t('milestone.kind')} list={milestoneKinds} {...sf.field('kind')} />}
        <VocabSelect label={t('common.status')} list={milestoneStatuses} {...sf.field('status')} />
        <div className="form-row">
          {dateField(t('milestone.requestedOnOptional'), 'requestedOn')}
          {dateField(t('milestone.decidedOnOptional'), 'decidedOn')}
        </div>
        <div className="form-row">
          {dateField(t('milestone.expiresOnOptional'), 'expiresOn')}
          {dateField(t('milestone.dueOnOptional'), 'dueOn', t('milestone.dueHint'))}
        </div>
        <TextField label={t('common.note')} {...sf.field('note')} autoComplete="off" maxLength={500} />
      </FormFrame>
    </FormPanel>
  );
}
