// renderer/: one day's appointments, in time order: when, whose case (the name only where the worker
// may open it, else the case number), what, where, with an interpreter or not, and how it went.
import type { z } from 'zod';
import type { WeekItem } from '../../../../shared/schemas/week';
import { appointmentKinds, appointmentStatuses } from '../../../../shared/vocab/week';
import { hrefFor } from '../../app/router';
import { useVocab } from '../../components/fields';
import { useT } from '../../i18n/i18n';

type Item = z.infer<typeof WeekItem>;

export function DayList(props: { day: string; items: Item[]; detailed: boolean; headingLevel: 2 | 3 }) {
  const { t, formatDay } = useT();
  const label = useVocab();
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `day-${props.day}`;
  return (
    <section className="week-day" aria-labelledby={headingId}>
      <Heading id={headingId}>{formatDay(props.day, 'long')}</Heading>
      {props.items.length === 0 ? (
        <p className="hint">{t('week.nothing')}</p>
      ) : (
        <ul className="due-list">
          {props.items.map((a) => (
            <li key={a.id} className="due-item">
              <strong>{a.time ?? t('week.noTime')}</strong>{' '}
              <a href={hrefFor({ page: 'client', id: a.clientId })}>{a.chosenName ?? a.caseNumber}</a>
              {' · '}
              {label(appointmentKinds, a.kind)}
              {a.status !== 'booked' ? ` · ${label(appointmentStatuses, a.status)}` : ''}
              {props.detailed ? (
                <span className="hint">
                  {a.place ? ` · ${a.place}` : ''}
                  {a.interpreter ? ` · ${t('appointment.withInterpreter')}` : ''}
                  {a.purpose ? ` · ${a.purpose}` : ''}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
