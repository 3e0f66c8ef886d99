// Runs in the Electron main process; may import electron. The one window: isolated, sandboxed,
// non-persistent session, hidden from screen capture, loading only app://safehold/.
import { app, BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { preloadPath } from './paths';

/** No 'persist:' prefix: Chromium keeps this session's storage in memory only, never on disk. */
export const WINDOW_PARTITION = 'safehold';

function secureWebPreferences(): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    preload: preloadPath,
    partition: WINDOW_PARTITION,
    devTools: !app.isPackaged,
  };
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Safehold',
    width: 1200,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(),
  });
  // Keeps case data out of screenshots and screen sharing (Windows and macOS honour this).
  win.setContentProtection(true);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

export function focusWindow(win: BrowserWindow | null): void {
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
