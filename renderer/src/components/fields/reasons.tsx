// renderer/: the "an answer, or a reason there is none" controls every sensitive intake question
// uses. A reason code ("Client doesn't know", "Prefers not to answer", "Not collected") is an answer,
// offered here and never re-implemented per form; null means not asked yet.
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Reason, Vocabulary } from '../../../../shared/vocab/define';
import { useT } from '../../i18n/i18n';
import { DateField } from './DateField';
import { Labelled, type Described } from './described';
import { toWholeNumber } from './NumberField';
import { SelectField } from './SelectField';
import { codeOf, isReason, reasonOf, useOptions, useReasonOptions } from './vocab';

/** A sensitive single-choice question: a code, one of the three reasons, or not asked yet (null). */
export function AnswerSelect<C extends string>(
  props: Described & { label: string; list: Vocabulary<C>; value: C | Reason | null; onChange: (value: C | Reason | null) => void },
) {
  const { t } = useT();
  const options = useOptions();
  const extra = useReasonOptions();
  return (
    <SelectField
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value ?? ''}
      onChange={(raw) => props.onChange(codeOf(props.list, raw) ?? reasonOf(raw))}
      options={[{ value: '', label: t('choice.notAsked') }, ...options(props.list)]}
      extra={extra}
    />
  );
}

/** A reason select that sits beside an answer control: "no reason" means the answer above (or nothing yet). */
export function ReasonSelect(props: { field: string; value: Reason | null; onChange: (value: Reason | null) => void }) {
  const { t } = useT();
  const { options } = useReasonOptions();
  return (
    <SelectField
      label={t('choice.reasonFor', { field: props.field })}
      value={props.value ?? ''}
      onChange={(raw) => props.onChange(reasonOf(raw))}
      options={[{ value: '', label: t('choice.reasonNone') }, ...options]}
    />
  );
}

/** An answer control with its reason select beside it, grouped under the question. */
function AnswerRow(props: { label: string; error?: string | undefined; reason: Reason | null; onReason: (reason: Reason | null) => void; children: ReactNode }) {
  return (
    <fieldset className={`field answer${props.error ? ' field-invalid' : ''}`}>
      <legend className="visually-hidden">{props.label}</legend>
      <div className="answer-row">
        {props.children}
        <ReasonSelect field={props.label} value={props.reason} onChange={props.onReason} />
      </div>
    </fieldset>
  );
}

type Answer<V> = Described & { label: string; value: V | Reason | null; onChange: (value: V | Reason | null) => void };

/** A typed answer (text or a number) beside its reason select. */
function AnswerInput(props: Described & { label: string; reason: Reason | null; onReason: (reason: Reason | null) => void; text: string; onText: (text: string) => void; input: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <AnswerRow label={props.label} error={props.error} reason={props.reason} onReason={props.onReason}>
      <Labelled label={props.label} hint={props.hint} error={props.error}>
        {(control) => <input {...control} {...props.input} value={props.text} autoComplete="off" spellCheck={false} onChange={(event) => props.onText(event.target.value)} />}
      </Labelled>
    </AnswerRow>
  );
}

/** Free text that may instead be a reason (legal name, country of origin). Empty means not asked yet. */
export function AnswerText(props: Answer<string> & { maxLength: number }) {
  const reason = isReason(props.value) ? props.value : null;
  return (
    <AnswerInput
      {...props}
      reason={reason}
      onReason={props.onChange}
      text={reason || props.value === null ? '' : props.value}
      onText={(text) => props.onChange(text === '' ? null : text)}
      input={{ type: 'text', maxLength: props.maxLength }}
    />
  );
}

/** A date (YYYY-MM-DD) that may instead be a reason (date of birth). Empty means not asked yet. */
export function AnswerDate(props: Answer<string>) {
  const reason = isReason(props.value) ? props.value : null;
  return (
    <AnswerRow label={props.label} error={props.error} reason={reason} onReason={props.onChange}>
      <DateField
        label={props.label}
        hint={props.hint}
        error={props.error}
        value={reason || props.value === null ? '' : props.value}
        onChange={(next) => props.onChange(next === '' ? null : next)}
      />
    </AnswerRow>
  );
}

/** A whole number that may instead be a reason (age when first trafficked). */
export function AnswerNumber(props: Answer<number>) {
  return (
    <AnswerInput
      {...props}
      reason={isReason(props.value) ? props.value : null}
      onReason={props.onChange}
      text={typeof props.value === 'number' ? String(props.value) : ''}
      onText={(text) => props.onChange(toWholeNumber(text))}
      input={{ type: 'number', min: 0, max: 120, inputMode: 'numeric' }}
    />
  );
}
