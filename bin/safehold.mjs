#!/usr/bin/env node
// The `safehold` command: runs the built CLI (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/node/safehold.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('safehold: the command-line tool is not built yet. Run `npm run build` in the Safehold folder.\n');
  process.exit(2);
}
await import(built);
