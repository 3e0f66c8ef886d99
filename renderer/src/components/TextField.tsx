// renderer/: a labelled text or passphrase input with its hint and error wired up for assistive tech.
import { useId, type ReactNode, type Ref } from 'react';
import { useT } from '../i18n/i18n';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'date' | 'search';
  autoComplete: string;
  hint?: ReactNode;
  error?: string | undefined;
  maxLength?: number;
  /** Extra ids (e.g. a strength meter's words) the field is described by. */
  describedBy?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  required?: boolean;
  disabled?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { fieldMessage } = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null, props.describedBy ?? null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
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
      <input
        id={id}
        ref={props.inputRef}
        className={props.className}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        autoComplete={props.autoComplete}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        maxLength={props.maxLength}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
