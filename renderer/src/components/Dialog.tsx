// renderer/: a modal confirmation on the native <dialog>: the browser keeps focus inside it and
// makes the page behind it inert. Focus goes to its heading, and back to what opened it on close.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog(props: { title: string; onClose: () => void; busy?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    heading.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape closes it, except while something is being changed.
        event.preventDefault();
        if (!props.busy) props.onClose();
      }}
    >
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
