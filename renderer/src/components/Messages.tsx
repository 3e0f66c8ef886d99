// renderer/: announced messages. Errors use role="alert"; progress and success use role="status".
import type { ReactNode } from 'react';

export function ErrorMessage({ id, children }: { id?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div id={id} role="alert" className="message message-error">
      {children}
    </div>
  );
}

/** Always rendered, so a polite live region exists before its text changes. */
export function StatusMessage({ children, tone }: { children?: ReactNode; tone?: 'info' | 'success' }) {
  return (
    <div role="status" className={children ? `message message-${tone ?? 'info'}` : 'status-empty'}>
      {children}
    </div>
  );
}
