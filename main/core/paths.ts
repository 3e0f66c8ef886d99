// Main process (plain Node). Never imports electron.
import { join } from 'node:path';

export interface DataPaths {
  dir: string;
  store: string;
  keyring: string;
  preferences: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    store: join(dir, 'safehold.db'),
    keyring: join(dir, 'keyring.json'),
    preferences: join(dir, 'preferences.json'),
  };
}
