// renderer/: a worker's week of appointments (seven day lists, Monday first) or one day in detail;
// supervisors and admins choose whose week. Outreach with no case is logged here too. Nothing here
// sends anything to anyone; the optional calendar file is for staff only.
import { useCallback, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { SessionUser } from '../../../../shared/schemas/session';
import type { WeekItem } from '../../../../shared/schemas/week';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { DateField, INCOMPLETE_DATE, SelectField } from '../../components/fields';
import { PageHeading } from '../../components/Heading';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import { OutreachSection } from '../contacts/OutreachSection';
import { CalendarExport } from './CalendarExport';
import { DayList } from './DayList';
import { useStaff } from './useStaff';
import { mondayOf, shiftDay, weekDays } from './weekDates';

type Item = z.infer<typeof WeekItem>;

export function WeekPage({ user }: { user: SessionUser }) {
  const { t, errorMessage, formatDay } = useT();
  const viewId = useId();
  const seesOthers = user.role === 'admin' || user.role === 'supervisor';
  const staff = useStaff(seesOthers);
  const [worker, setWorker] = useState(user.id);
  const [view, setView] = useState<'week' | 'day'>('week');
  const [day, setDay] = useState(today());
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const monday = mondayOf(day);

  const load = useCallback(async () => {
    const result = await call('appointments.week', { from: monday, days: 7, workerId: worker === user.id ? null : worker });
    if (result.ok) {
      setItems(result.value.items);
      setError(null);
    } else setError(result.error);
  }, [monday, worker, user.id]);
  useEffect(() => void load(), [load]);

  const on = (d: string) => (items ?? []).filter((i) => i.date === d);
  return (
    <section className="week-page">
      <PageHeading>{t('week.title')}</PageHeading>
      <p className="hint">{t('appointment.noInvitations')}</p>
      <div className="filters">
        {seesOthers ? (
          <SelectField label={t('week.whose')} value={worker} onChange={setWorker} options={staff.map((s) => ({ value: s.id, label: s.displayName }))} />
        ) : null}
        <fieldset className="field">
          <legend id={viewId}>{t('week.show')}</legend>
          {(['week', 'day'] as const).map((v) => (
            <label key={v} className="inline">
              <input type="radio" name={viewId} checked={view === v} onChange={() => setView(v)} /> {t(`week.view.${v}`)}
            </label>
          ))}
        </fieldset>
        <DateField label={view === 'day' ? t('week.day') : t('week.aDayInWeek')} value={day} onChange={(v) => v && v !== INCOMPLETE_DATE && setDay(v)} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => setDay(shiftDay(day, view === 'day' ? -1 : -7))}>{view === 'day' ? t('week.previousDay') : t('week.previousWeek')}</button>
        <button type="button" onClick={() => setDay(today())}>{t('week.today')}</button>
        <button type="button" onClick={() => setDay(shiftDay(day, view === 'day' ? 1 : 7))}>{view === 'day' ? t('week.nextDay') : t('week.nextWeek')}</button>
      </div>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      {items === null ? (
        <p role="status">{t('common.working')}</p>
      ) : view === 'day' ? (
        <DayList day={day} items={on(day)} detailed headingLevel={2} />
      ) : (
        <div>
          <h2>{t('week.weekOf', { date: formatDay(monday, 'long') })}</h2>
          {weekDays(monday).map((d) => (
            <DayList key={d} day={d} items={on(d)} detailed={false} headingLevel={3} />
          ))}
        </div>
      )}
      <StatusMessage tone="success">{exported ? t('week.exported', { file: exported }) : null}</StatusMessage>
      {exporting ? (
        <CalendarExport from={monday} workerId={worker === user.id ? null : worker} onDone={(file) => (setExporting(false), setExported(file))} />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => (setExported(null), setExporting(true))}>{t('week.exportOpen')}</button>
        </div>
      )}
      <OutreachSection />
    </section>
  );
}
