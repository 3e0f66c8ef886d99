// renderer/: labelled controls beyond plain text: selects from the shared code lists, checkbox
// groups, and the "an answer, or a reason there is none" controls every sensitive intake question
// uses. Labels come from shared/vocab in the person's language; they are never retranslated here.
import { useId, useState, type ReactNode } from 'react';
import { reasons, type Reason, type Vocabulary } from '../../../shared/vocab/define';
import { useT } from '../i18n/i18n';
import { StatusMessage } from './Messages';

export interface Option {
  value: string;
  label: string;
}

interface Described {
  hint?: ReactNode;
  error?: string | undefined;
}

/** An id for the control, its hint and problem drawn below the label, and the ids that describe it. */
export function useDescribed(props: Described) {
  const { fieldMessage } = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const notes = (
    <>
      {props.hint ? (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="field-error">
          {fieldMessage(props.error)}
        </p>
      ) : null}
    </>
  );
  return { id, describedBy, notes };
}

export function useVocab() {
  const { language } = useT();
  return <C extends string>(list: Vocabulary<C>, code: C): string => list.labels[code][language];
}

function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && (reasons.codes as readonly string[]).includes(value);
}

function codeOf<C extends string>(list: Vocabulary<C>, value: string): C | null {
  return list.codes.find((c) => c === value) ?? null;
}

function reasonOf(value: string): Reason | null {
  return reasons.codes.find((c) => c === value) ?? null;
}

/** A plain labelled select; the wrappers below turn its string values into typed codes. */
export function SelectField(
  props: Described & {
    label: string;
    value: string;
    onChange: (value: string) => void;
    options: readonly Option[];
    /** A second group of options after the main ones, e.g. the reasons for no answer. */
    extra?: { label: string; options: readonly Option[] } | undefined;
    required?: boolean;
  },
) {
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {notes}
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {props.extra ? (
          <optgroup label={props.extra.label}>
            {props.extra.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}

function useReasonOptions(): { label: string; options: Option[] } {
  const { t } = useT();
  const label = useVocab();
  return { label: t('choice.noAnswerGroup'), options: reasons.codes.map((r) => ({ value: r, label: label(reasons, r) })) };
}

/** Exactly one code from a list (no empty choice), e.g. a safety flag or a contact kind. */
export function VocabSelect<C extends string>(
  props: Described & { label: string; list: Vocabulary<C>; value: C; onChange: (value: C) => void },
) {
  const label = useVocab();
  return (
    <SelectField
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value}
      onChange={(raw) => {
        const code = codeOf(props.list, raw);
        if (code) props.onChange(code);
      }}
      options={props.list.codes.map((c) => ({ value: c, label: label(props.list, c) }))}
    />
  );
}

/** One code that must be chosen: it starts empty ("Choose one") so nothing is picked for the person. */
export function ChoiceSelect<C extends string>(
  props: Described & { label: string; list: Vocabulary<C>; value: C | ''; onChange: (value: C | '') => void },
) {
  const { t } = useT();
  const label = useVocab();
  return (
    <SelectField
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value}
      onChange={(raw) => props.onChange(codeOf(props.list, raw) ?? '')}
      options={[{ value: '', label: t('choice.pickOne') }, ...props.list.codes.map((c) => ({ value: c, label: label(props.list, c) }))]}
      required
    />
  );
}

/** One code or nothing yet ("Not asked yet"), for questions that take no reason. */
export function OptionalSelect<C extends string>(
  props: Described & { label: string; list: Vocabulary<C>; value: C | null; onChange: (value: C | null) => void },
) {
  const { t } = useT();
  const label = useVocab();
  return (
    <SelectField
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value ?? ''}
      onChange={(raw) => props.onChange(codeOf(props.list, raw))}
      options={[{ value: '', label: t('choice.notAsked') }, ...props.list.codes.map((c) => ({ value: c, label: label(props.list, c) }))]}
    />
  );
}

/** A sensitive single-choice question: a code, one of the three reasons, or not asked yet (null). */
export function AnswerSelect<C extends string>(
  props: Described & { label: string; list: Vocabulary<C>; value: C | Reason | null; onChange: (value: C | Reason | null) => void },
) {
  const { t } = useT();
  const label = useVocab();
  const extra = useReasonOptions();
  return (
    <SelectField
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value ?? ''}
      onChange={(raw) => props.onChange(codeOf(props.list, raw) ?? reasonOf(raw))}
      options={[{ value: '', label: t('choice.notAsked') }, ...props.list.codes.map((c) => ({ value: c, label: label(props.list, c) }))]}
      extra={extra}
    />
  );
}

/** A group of checkboxes inside a fieldset whose legend names the question. */
export function CheckboxGroup<C extends string>(
  props: Described & {
    legend: string;
    list: Vocabulary<C>;
    value: readonly C[];
    onChange: (value: C[]) => void;
    disabled?: boolean;
    children?: ReactNode;
  },
) {
  const label = useVocab();
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <fieldset className={`field checkbox-group${props.error ? ' field-invalid' : ''}`} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {notes}
      <div className="checkbox-list">
        {props.list.codes.map((c) => (
          <div key={c} className="checkbox">
            <input
              id={`${id}-${c}`}
              type="checkbox"
              checked={props.value.includes(c)}
              disabled={props.disabled}
              onChange={(event) =>
                props.onChange(event.target.checked ? props.list.codes.filter((x) => x === c || props.value.includes(x)) : props.value.filter((x) => x !== c))
              }
            />
            <label htmlFor={`${id}-${c}`}>{label(props.list, c)}</label>
          </div>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

/** A reason select that sits beside an answer control: "no reason" means the answer above (or nothing yet). */
function ReasonSelect(props: { field: string; value: Reason | null; onChange: (value: Reason | null) => void }) {
  const { t } = useT();
  const label = useVocab();
  return (
    <SelectField
      label={t('choice.reasonFor', { field: props.field })}
      value={props.value ?? ''}
      onChange={(raw) => props.onChange(reasonOf(raw))}
      options={[{ value: '', label: t('choice.reasonNone') }, ...reasons.codes.map((r) => ({ value: r, label: label(reasons, r) }))]}
    />
  );
}

/**
 * A sensitive multi-choice question: some codes, or one reason instead, or not asked yet (null).
 * Choosing a reason while answers are ticked sets them aside, says so, and brings them back if the
 * reason is taken away again before saving; saving keeps only the reason.
 */
export function MultiAnswer<C extends string>(
  props: Described & { legend: string; list: Vocabulary<C>; value: C[] | Reason | null; onChange: (value: C[] | Reason | null) => void },
) {
  const { t } = useT();
  const label = useVocab();
  const [setAside, setSetAside] = useState<C[]>([]);
  const chosen = Array.isArray(props.value) ? props.value : [];
  const reason = isReason(props.value) ? props.value : null;
  function onReason(next: Reason | null) {
    if (next) {
      if (chosen.length > 0) setSetAside(chosen);
      props.onChange(next);
      return;
    }
    const back = chosen.length > 0 ? chosen : setAside;
    setSetAside([]);
    props.onChange(back.length > 0 ? back : null);
  }
  return (
    <CheckboxGroup
      legend={props.legend}
      list={props.list}
      value={chosen}
      onChange={(next) => {
        setSetAside([]);
        props.onChange(next.length > 0 ? next : null);
      }}
      error={props.error}
      hint={props.hint}
    >
      <ReasonSelect field={props.legend} value={reason} onChange={onReason} />
      <StatusMessage>
        {reason && setAside.length > 0 ? t('choice.reasonSetsAside', { answers: setAside.map((c) => label(props.list, c)).join(', ') }) : null}
      </StatusMessage>
    </CheckboxGroup>
  );
}

function AnswerInput(
  props: Described & {
    label: string;
    type: 'text' | 'date' | 'number';
    text: string;
    onText: (text: string) => void;
    maxLength?: number;
    reason: Reason | null;
    onReason: (reason: Reason | null) => void;
  },
) {
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <fieldset className={`field answer${props.error ? ' field-invalid' : ''}`}>
      <legend className="visually-hidden">{props.label}</legend>
      <div className="answer-row">
        <div className="field">
          <label htmlFor={id}>{props.label}</label>
          {notes}
          <input
            id={id}
            type={props.type}
            value={props.text}
            maxLength={props.maxLength}
            min={props.type === 'number' ? 0 : undefined}
            max={props.type === 'number' ? 120 : undefined}
            inputMode={props.type === 'number' ? 'numeric' : undefined}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => props.onText(event.target.value)}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={describedBy}
          />
        </div>
        <ReasonSelect field={props.label} value={props.reason} onChange={props.onReason} />
      </div>
    </fieldset>
  );
}

/** Free text that may instead be a reason (legal name, country of origin). Empty means not asked yet. */
export function AnswerText(
  props: Described & { label: string; value: string | null; onChange: (value: string | null) => void; maxLength: number; type?: 'text' | 'date' },
) {
  const reason = isReason(props.value) ? props.value : null;
  const text = reason || props.value === null ? '' : props.value;
  return (
    <AnswerInput
      label={props.label}
      hint={props.hint}
      error={props.error}
      type={props.type ?? 'text'}
      text={text}
      maxLength={props.maxLength}
      onText={(next) => props.onChange(next === '' ? null : next)}
      reason={reason}
      onReason={(r) => props.onChange(r)}
    />
  );
}

/** A whole number that may instead be a reason (age when first trafficked). */
export function AnswerNumber(
  props: Described & { label: string; value: number | Reason | null; onChange: (value: number | Reason | null) => void },
) {
  const reason = isReason(props.value) ? props.value : null;
  return (
    <AnswerInput
      label={props.label}
      hint={props.hint}
      error={props.error}
      type="number"
      text={typeof props.value === 'number' ? String(props.value) : ''}
      onText={(next) => props.onChange(toWholeNumber(next))}
      reason={reason}
      onReason={(r) => props.onChange(r)}
    />
  );
}

export function toWholeNumber(text: string): number | null {
  if (!/^\d{1,3}$/u.test(text.trim())) return null;
  return Number(text.trim());
}

export function NumberField(
  props: Described & { label: string; value: number | null; onChange: (value: number | null) => void; min?: number; max?: number },
) {
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {notes}
      <input
        id={id}
        type="number"
        className="short"
        min={props.min ?? 0}
        max={props.max ?? 120}
        inputMode="numeric"
        value={props.value ?? ''}
        onChange={(event) => props.onChange(toWholeNumber(event.target.value))}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function TextAreaField(
  props: Described & { label: string; value: string; onChange: (value: string) => void; maxLength: number },
) {
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {notes}
      <textarea
        autoComplete="off"
        id={id}
        rows={3}
        value={props.value}
        maxLength={props.maxLength}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function CheckboxField(props: Described & { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, describedBy, notes } = useDescribed(props);
  return (
    <div className={`field checkbox${props.error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{props.label}</label>
      {notes}
    </div>
  );
}
