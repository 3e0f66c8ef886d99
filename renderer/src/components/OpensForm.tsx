// renderer/: a button that opens a form in its place; when the form is done the button comes back
// and takes the focus again, so keyboard users stay where they were. A form passed as children gets
// the `close` to call when it is saved or cancelled.
import { useRef, useState, type ReactNode } from 'react';
import { focusSoon } from './focusSoon';

export function OpensForm(props: {
  label: string;
  /** The section's main action (a primary button in its own actions row) or a smaller one inline. */
  primary?: boolean;
  /** Accessible name when the visible label alone is ambiguous (e.g. "Update" in a list). */
  ariaLabel?: string;
  onOpen?: () => void;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (open) {
    return (
      <>
        {props.children(() => {
          setOpen(false);
          focusSoon(() => button.current);
        })}
      </>
    );
  }
  const control = (
    <button
      type="button"
      ref={button}
      className={props.primary === false ? undefined : 'primary'}
      aria-label={props.ariaLabel}
      onClick={() => {
        props.onOpen?.();
        setOpen(true);
      }}
    >
      {props.label}
    </button>
  );
  return props.primary === false ? control : <div className="actions">{control}</div>;
}
