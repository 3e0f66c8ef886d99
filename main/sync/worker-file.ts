// Main process (plain Node). Never imports electron.
// Where a built worker thread's script is: beside the bundle that runs this code (or one folder up),
// as name.mjs or name.js. null when running from source (tests), where the work runs in this thread.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function builtWorkerFile(name: string): string | null {
  let here: string;
  try {
    here = dirname(fileURLToPath(import.meta.url));
  } catch {
    return null;
  }
  for (const dir of [here, join(here, '..')]) {
    for (const file of [`${name}.mjs`, `${name}.js`]) {
      const path = join(dir, file);
      if (existsSync(path)) return path;
    }
  }
  return null;
}
