// Main process (plain Node). Never imports electron.
// Preferences outside the encrypted store. The zod schema is the whole allow-list, so nothing
// sensitive can be saved here by mistake. The Electron shell uses electron-store instead of this file.
import { existsSync, readFileSync } from 'node:fs';
import { Preferences } from '../../shared/schemas/prefs';
import { writeFileAtomic } from '../fs/atomic';

export interface PreferencesStore {
  get(): Preferences;
  set(preferences: Preferences): void;
}

export const defaultPreferences: Preferences = { language: 'en' };

export function filePreferences(path: string): PreferencesStore {
  return {
    get() {
      if (!existsSync(path)) return defaultPreferences;
      try {
        const parsed = Preferences.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        return parsed.success ? parsed.data : defaultPreferences;
      } catch {
        return defaultPreferences;
      }
    },
    set(preferences) {
      writeFileAtomic(path, `${JSON.stringify(Preferences.parse(preferences))}\n`);
    },
  };
}

export function memoryPreferences(): PreferencesStore {
  let current = defaultPreferences;
  return {
    get: () => current,
    set: (p) => {
      current = Preferences.parse(p);
    },
  };
}
