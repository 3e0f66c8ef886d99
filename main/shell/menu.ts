// Runs in the Electron main process; may import electron. The application menu: standard edit
// commands (so copy and paste work on macOS) and "Lock now", which every role can reach by keyboard.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export const LOCK_ACCELERATOR = 'CmdOrCtrl+Shift+L';
/** Menu item id, so the Electron end-to-end test can click it. */
export const LOCK_MENU_ID = 'lock-now';

export function installMenu(onLockNow: () => void): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        { id: LOCK_MENU_ID, label: 'Lock now', accelerator: LOCK_ACCELERATOR, click: onLockNow },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const]),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
