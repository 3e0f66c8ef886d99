// renderer/: a one-time message carried to the next screen (the caseload says a case was deleted).
// Memory only, a translation key and never a name; read when the screen opens, cleared once shown.
import type { MessageKey } from '../i18n/en';

let pending: MessageKey | null = null;

export function leaveNotice(key: MessageKey): void {
  pending = key;
}

/** The waiting message, if any (read in a state initializer: reading twice gives the same). */
export function peekNotice(): MessageKey | null {
  return pending;
}

export function clearNotice(): void {
  pending = null;
}
