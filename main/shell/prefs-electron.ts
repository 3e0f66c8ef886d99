// Runs in the Electron main process; may import electron and electron-store. Non-sensitive
// preferences only (the Preferences schema is the whole of what may be stored here): read back
// through zod, so a hand-edited or damaged file falls back to defaults instead of reaching the app.
import { chmodSync, existsSync } from 'node:fs';
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { type Preferences as PreferencesType, Preferences } from '../../shared/schemas/prefs';
import { defaultPreferences, type PreferencesStore } from '../core/prefs';
import { PREFERENCES_FILE_OPTIONS } from './launch-policy';

export function createElectronPreferences(): PreferencesStore {
  const store = new Store<{ preferences?: unknown }>(PREFERENCES_FILE_OPTIONS);
  // New files are written 0600; one written by an older version is narrowed too.
  if (existsSync(store.path)) chmodSync(store.path, 0o600);
  // electron-store answers this channel for renderer-side stores; we have none, and the app keeps
  // to its one IPC channel, so the listener is removed.
  ipcMain.removeAllListeners('electron-store-get-data');

  return {
    get(): PreferencesType {
      const parsed = Preferences.safeParse(store.get('preferences'));
      return parsed.success ? parsed.data : defaultPreferences;
    },
    set(preferences: PreferencesType): void {
      store.set('preferences', Preferences.parse(preferences));
    },
  };
}
