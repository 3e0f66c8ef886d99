// renderer/: a labelled text or passphrase input with its hint and error wired up for assistive tech.
import type { ReactNode, Ref } from 'react';
import { Labelled } from './fields/described';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'date' still works; a new form uses DateField, which also writes the day out in the person's language. */
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
  return (
    <Labelled label={props.label} hint={props.hint} error={props.error} describedBy={props.describedBy}>
      {(control) => (
        <input
          {...control}
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
        />
      )}
    </Labelled>
  );
}

/** A text field whose value is text or nothing (null), as the shared schemas keep optional text. */
export function OptionalTextField(props: Omit<TextFieldProps, 'value' | 'onChange'> & { value: string | null; onChange: (value: string | null) => void }) {
  return <TextField {...props} value={props.value ?? ''} onChange={(next) => props.onChange(next === '' ? null : next)} />;
}
