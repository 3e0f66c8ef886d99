// Build of the three Electron parts. Runs without the Electron binary (it only reads electron's version).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // sync-worker: team sync's worker thread (folder and crypto work), a file of its own;
      // doc-worker: the document workers (Automerge work of team creation and joining).
      rolldownOptions: {
        input: { index: resolve('main/shell/index.ts'), 'sync-worker': resolve('main/sync/team/worker.ts'), 'doc-worker': resolve('main/sync/engine/doc-worker.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules or npm packages: one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
