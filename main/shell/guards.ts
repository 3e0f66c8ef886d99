// Runs in the Electron main process; may import electron. Locks down every webContents and every
// session the app creates: no navigation away from app://safehold/, no new windows, no <webview>,
// no permissions, no devices, and no network request of any kind.
import { app, type Session, type WebContents, type WebPreferences } from 'electron';
import { isAppUrl } from './app-url';

/** Schemes a renderer may load. Everything else (http, https, ws, file, ftp, ...) is cancelled. */
const allowedRequestSchemes = new Set(['app:', 'devtools:', 'data:', 'blob:']);

function requestSchemeAllowed(url: string): boolean {
  try {
    return allowedRequestSchemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Applied to every session (default and the window's partition): deny, deny, deny, and no network. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestSchemeAllowed(details.url) });
  });
}

// Not in Electron's typings, but present at runtime; used only to double-check, never to configure.
type WithLastPreferences = { getLastWebPreferences?: () => WebPreferences | null };

function hasSecurePreferences(contents: WebContents): boolean {
  const prefs = (contents as unknown as WithLastPreferences).getLastWebPreferences?.();
  if (prefs === undefined || prefs === null) return true; // cannot read: the window options are asserted in window.ts
  return (
    prefs.contextIsolation === true &&
    prefs.sandbox === true &&
    prefs.nodeIntegration !== true &&
    prefs.nodeIntegrationInSubFrames !== true &&
    prefs.webviewTag !== true &&
    prefs.webSecurity !== false
  );
}

function guardContents(contents: WebContents): void {
  const type = contents.getType();
  if ((type === 'window' || type === 'browserView') && !hasSecurePreferences(contents)) {
    console.error('[shell] refused a webContents created without isolation and sandbox');
    contents.close();
    return;
  }
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Call once, before the app is ready, so no webContents or session escapes the guards. */
export function installGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('session-created', (ses) => lockDownSession(ses));
}
