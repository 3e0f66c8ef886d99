// renderer/: choosing the report's period: two dates, or one of the usual periods in one press.
import { useId, type FormEvent, type ReactNode, type Ref } from 'react';
import { today } from '../../components/dates';
import { errorAt, type PathErrors } from '../../components/forms';
import { TextField } from '../../components/TextField';
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

export function PeriodForm(props: {
  period: Period;
  onChange: (period: Period) => void;
  onSubmit: (event: FormEvent) => void;
  errors: PathErrors;
  formRef: Ref<HTMLFormElement>;
  busy: boolean;
  children?: ReactNode;
}) {
  const { t } = useT();
  const quickId = useId();
  const quick = quickPeriods(today());
  const choices: { label: string; period: Period }[] = [
    { label: t('period.lastYear'), period: quick.lastYear },
    { label: t('period.lastQuarter'), period: quick.lastQuarter },
    { label: t('period.thisYear'), period: quick.thisYear },
  ];
  return (
    <form ref={props.formRef} onSubmit={props.onSubmit} noValidate className="panel period-form">
      <div className="form-row">
        <TextField
          type="date"
          label={t('period.from')}
          value={props.period.from}
          onChange={(from) => props.onChange({ ...props.period, from })}
          autoComplete="off"
          error={errorAt(props.errors, 'from')}
          required
        />
        <TextField
          type="date"
          label={t('period.to')}
          value={props.period.to}
          onChange={(to) => props.onChange({ ...props.period, to })}
          autoComplete="off"
          error={errorAt(props.errors, 'to')}
          required
        />
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
              aria-pressed={props.period.from === c.period.from && props.period.to === c.period.to}
              onClick={() => props.onChange(c.period)}
            >
              {c.label}
            </button>
          ))}
        </div>
      </div>
      {props.children}
      <div className="actions">
        <button type="submit" className="primary" aria-disabled={props.busy || undefined}>
          {t('period.show')}
        </button>
      </div>
    </form>
  );
}
