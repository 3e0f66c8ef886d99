// renderer/: what every labelled control shares: an id, its hint and problem drawn below the label,
// and the ids that describe it for assistive tech.
import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n';

export interface Option {
  value: string;
  label: string;
}

export interface Described {
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

/** The attributes a control takes from its field: its id, whether it is invalid, what describes it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** One labelled control: the label, its hint and problem, then the control the caller draws. */
export function Labelled(
  props: Described & { label: string; className?: string; describedBy?: string | undefined; children: (control: ControlProps) => ReactNode },
) {
  const { id, describedBy, notes } = useDescribed(props);
  const ids = [describedBy, props.describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {notes}
      {props.children({ id, 'aria-invalid': props.error ? true : undefined, 'aria-describedby': ids })}
    </div>
  );
}
