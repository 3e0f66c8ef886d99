// renderer/: choosing the report's period: two dates, or one of the usual periods in one press.
import { useId } from 'react';
import { today } from '../../components/dates';
import type { FieldState } from '../../components/SignInFields';
import { DateField } from '../../components/fields';
import { useT } from '../../i18n/i18n';

export interface Period {
  from: string;
  to: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The usual reporting periods, counted on this computer's calendar from `now` (YYYY-MM-DD). */
export function quickPeriods(now: string): { lastYear: Period; lastQuarter: Period; thisYear: Period } {
  const year = Number(now.slice(0, 4));
  const quarter = Math.floor((Number(now.slice(5, 7)) - 1) / 3);
  const qYear = quarter === 0 ? year - 1 : year;
  const q = quarter === 0 ? 3 : quarter - 1;
  return {
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    lastQuarter: { from: isoDay(new Date(Date.UTC(qYear, q * 3, 1))), to: isoDay(new Date(Date.UTC(qYear, q * 3 + 3, 0))) },
    thisYear: { from: `${year}-01-01`, to: now },
  };
}

/** A courtesy check before asking main; null when the period is fine. */
export function periodProblems(t: ReturnType<typeof useT>['t'], period: Period): Record<string, string | undefined> {
  return {
    from: period.from ? undefined : t('field.required'),
    to: !period.to ? t('field.required') : period.from && period.to < period.from ? t('server.periodOrder') : undefined,
  };
}

/** The period's two dates and the usual periods in one press; the caller's form holds the values. */
export function PeriodFields(props: { from: FieldState; to: FieldState; onPeriod: (period: Period) => void }) {
  const { t } = useT();
  const quickId = useId();
  const quick = quickPeriods(today());
  const choices: { label: string; period: Period }[] = [
    { label: t('period.lastYear'), period: quick.lastYear },
    { label: t('period.lastQuarter'), period: quick.lastQuarter },
    { label: t('period.thisYear'), period: quick.thisYear },
  ];
  return (
    <>
      <div className="form-row">
        <DateField label={t('period.from')} {...props.from} required />
        <DateField label={t('period.to')} {...props.to} required />
      </div>
      <div role="group" aria-labelledby={quickId} className="quick-periods">
        <p id={quickId} className="hint">
          {t('period.quick')}
        </p>
        <div className="actions">
          {choices.map((c) => (
            <button
              key={c.label}
              type="button"
              aria-pressed={props.from.value === c.period.from && props.to.value === c.period.to}
              onClick={() => props.onPeriod(c.period)}
            >
              {c.label}
            </button>
          ))}
        </div>
      </div>
    </>
  );
}
