// Runs in the Electron main process; no electron import. Where the built parts sit relative to the
// main bundle (out/main/index.js is ESM, so import.meta.url rather than __dirname).
import { fileURLToPath } from 'node:url';

/** out/renderer/: the only folder the app:// protocol serves from. */
export const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

/** out/preload/index.cjs: one CommonJS file, because a sandboxed preload cannot load modules. */
export const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
