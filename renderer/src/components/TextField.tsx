// renderer/: a labelled text or passphrase input with its hint and error wired up for assistive tech.
import type { ReactNode, Ref } from 'react';
import { useDescribed } from './fields';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'date' | 'time' | 'search';
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
  const described = useDescribed(props);
  const describedBy = [described.describedBy, props.describedBy].filter(Boolean).join(' ');
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={described.id}>{props.label}</label>
      {described.notes}
      <input
        id={described.id}
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
