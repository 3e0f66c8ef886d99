// renderer/: a calendar date. The browser's own date input (its picker and its day/month/year order
// follow the computer's settings) holds YYYY-MM-DD, which is what main gets; below it the chosen day
// is written out in the person's language, so "03/04" can never be misread. A date typed only in
// part holds no value in the browser: instead of being dropped silently it becomes INCOMPLETE_DATE,
// which every shared/ date check refuses, and the field says plainly what is missing.
import { serverTextKey } from '../../i18n/serverText';
import { useT } from '../../i18n/i18n';
import { Labelled, type Described } from './described';

/** The value of a date typed only in part; not a date, so the form's schema refuses it. */
export const INCOMPLETE_DATE = 'incomplete';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/u;

export interface DateFieldProps extends Described {
  label: string;
  /** YYYY-MM-DD, '' for none, or INCOMPLETE_DATE. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  className?: string;
  disabled?: boolean;
}

/** What the browser holds for a date input: its value, or INCOMPLETE_DATE while a date is only partly typed. */
function valueOf(input: HTMLInputElement): string {
  return input.validity.badInput ? INCOMPLETE_DATE : input.value;
}

export function DateField(props: DateFieldProps) {
  const { t, formatDate } = useT();
  const incomplete = props.value === INCOMPLETE_DATE;
  const day = ISO_DAY.test(props.value) ? new Date(`${props.value}T00:00:00Z`) : null;
  const readout = day && !Number.isNaN(day.getTime()) ? formatDate(day, { dateStyle: 'full', timeZone: 'UTC' }) : null;
  // A date that is not whole (typed in part, or not a date at all) gets one plain message.
  const error = props.error && (incomplete || serverTextKey(props.error)?.key === 'server.date') ? t('date.incomplete') : props.error;
  const report = (input: HTMLInputElement) => {
    const next = valueOf(input);
    if (next !== props.value) props.onChange(next);
  };
  return (
    <Labelled label={props.label} hint={props.hint} error={error}>
      {(control) => (
        <>
          <input
            {...control}
            aria-describedby={[control['aria-describedby'], readout ? `${control.id}-day` : null].filter(Boolean).join(' ') || undefined}
            type="date"
            className={props.className ?? 'medium'}
            value={incomplete ? '' : props.value}
            onChange={(event) => report(event.target)}
            onBlur={(event) => report(event.target)}
            autoComplete="off"
            required={props.required}
            disabled={props.disabled}
          />
          {readout ? (
            <p id={`${control.id}-day`} className="hint date-readout">
              {readout}
            </p>
          ) : null}
        </>
      )}
    </Labelled>
  );
}

/** A date field whose value is a date or nothing (null), as the shared schemas keep optional dates. */
export function OptionalDateField(props: Omit<DateFieldProps, 'value' | 'onChange'> & { value: string | null; onChange: (value: string | null) => void }) {
  return <DateField {...props} value={props.value ?? ''} onChange={(next) => props.onChange(next === '' ? null : next)} />;
}
