// Main process (plain Node). Never imports electron.
import type { PreferencesStore } from '../../core/prefs';
import type { Handler } from '../types';

export function prefsHandlers(store: PreferencesStore): { get: Handler<'prefs.get'>; set: Handler<'prefs.set'> } {
  return {
    get: async () => store.get(),
    set: async (input) => {
      const next = { ...store.get(), ...input };
      store.set(next);
      return next;
    },
  };
}
