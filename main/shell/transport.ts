// Runs in the Electron main process; may import electron. The one IPC door: checks the sender
// first, then hands (method, input) to the core's dispatcher untouched. It never validates input
// (dispatch does) and logs only method names, durations and error codes.
import { type BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { type AppEvent, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isMethod } from '../../shared/contract';
import { defaultMessages, type Result } from '../../shared/errors';
import type { SafeholdCore } from '../core/app';
import { isTrustedSender } from './sender';

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Safehold window and was refused.' },
};

// A rejected ipcMain.handle promise would carry the error text to the renderer; never let it.
const internal: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: defaultMessages.INTERNAL },
};

function senderIsTrusted(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  try {
    const frame = event.senderFrame; // null once the frame has navigated away or been destroyed
    if (frame === null) return false;
    return isTrustedSender({
      url: frame.url,
      isMainFrame: frame.parent === null,
      isOurWindow: win !== null && !win.isDestroyed() && event.sender === win.webContents,
    });
  } catch {
    return false;
  }
}

/** Only contract method names reach the log; anything else a renderer sends is not echoed. */
function logName(method: unknown): string {
  return isMethod(method) ? method : '(unknown method)';
}

/**
 * Wires the invoke channel to `core.dispatch` and forwards core events to the window.
 * Returns a function that removes both.
 */
export function serveTransport(core: SafeholdCore, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!senderIsTrusted(event, getWindow())) {
      console.warn(`[ipc] refused ${logName(method)}: untrusted sender`);
      return forbidden;
    }
    const started = performance.now();
    let result: Result<unknown>;
    try {
      result = await core.dispatch(method, input);
    } catch {
      result = internal;
    }
    if (!result.ok) {
      const ms = Math.round(performance.now() - started);
      console.warn(`[ipc] ${logName(method)} -> ${result.error.code} (${ms} ms)`);
    }
    return result;
  });

  const stopEvents = core.onEvent((appEvent: AppEvent) => {
    const win = getWindow();
    if (win !== null && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, appEvent);
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    stopEvents();
  };
}
