// Runs in the Electron main process, but is pure (no electron import) so it is unit tested under Node.
// Decides whether an IPC message may reach the dispatcher: only the top frame of our one window,
// showing our own app:// page. Everything else is refused before any method is looked at.
import { isAppUrl } from './app-url';

export interface SenderFacts {
  /** URL of the frame that sent the message ('' when the frame is gone). */
  readonly url: string;
  /** The frame has no parent. */
  readonly isMainFrame: boolean;
  /** The message came from the webContents of the window this app created. */
  readonly isOurWindow: boolean;
}

export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.isOurWindow && facts.isMainFrame && isAppUrl(facts.url);
}
