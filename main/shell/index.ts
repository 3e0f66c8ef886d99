// Runs in the Electron main process; may import electron. App lifecycle only: one instance, one
// window, sandbox everywhere, no crash reporter (crashReporter.start is never called), and the core
// locked whenever the screen locks or the machine sleeps.
import { resolve } from 'node:path';
import { app, type BrowserWindow, dialog, powerMonitor, protocol, session } from 'electron';
import { createSafeholdCore, type SafeholdCore } from '../core/app';
import { keychainAnchorKeeper } from './anchor-keeper';
import { APP_SCHEME } from './app-url';
import { installGuards, lockDownSession } from './guards';
import { launchDecision } from './launch-policy';
import { installMenu } from './menu';
import { rendererDir } from './paths';
import { createElectronPreferences } from './prefs-electron';
import { serveRenderer } from './protocol';
import { serveTransport } from './transport';
import { createMainWindow, focusWindow, WINDOW_PARTITION } from './window';

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
installGuards();

// A packaged build refuses debugging switches and ignores SAFEHOLD_DATA_DIR (launch-policy.ts).
// Unpackaged, tests (and the Playwright leak scan) point the whole profile, store included, at a temp
// folder. Set before the single-instance lock, which is keyed on the userData folder.
const launch = launchDecision({ isPackaged: app.isPackaged, argv: process.argv, env: process.env });
if (!launch.start) {
  console.error(`[shell] refused start-up switches: ${launch.refused.join(' ')}`);
  dialog.showErrorBox('Safehold', launch.message);
  app.exit(1);
} else if (launch.dataDir !== null) {
  app.setPath('userData', resolve(launch.dataDir));
}

let mainWindow: BrowserWindow | null = null;
let core: SafeholdCore | null = null;

function start(): void {
  lockDownSession(session.defaultSession);
  const windowSession = session.fromPartition(WINDOW_PARTITION);
  lockDownSession(windowSession);
  serveRenderer(windowSession, rendererDir);

  const started = createSafeholdCore({
    dataDir: app.getPath('userData'),
    prefs: createElectronPreferences(),
    // The access log's anchor outside the data folder, in the OS keychain (issue 11, finding 3).
    anchors: keychainAnchorKeeper(),
  });
  core = started;

  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  serveTransport(started, () => mainWindow);
  installMenu(() => started.lock('manual'));

  powerMonitor.on('lock-screen', () => started.lock('system'));
  powerMonitor.on('suspend', () => started.lock('system'));
}

if (!launch.start) {
  // Refused above; nothing else starts.
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  // A closed window means the session is over on every platform, macOS included.
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    core?.close();
    core = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // The name and code say what failed; messages can carry paths, so they stay out of the log.
      const code = (error as { code?: unknown } | null)?.code;
      const name = error instanceof Error ? error.name : 'unknown';
      console.error(`[shell] start-up failed: ${name} ${typeof code === 'string' ? code : ''}`);
      app.exit(1);
    });
}
