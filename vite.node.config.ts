// Build of the plain-Node entry points: the safehold CLI, the browser preview (development tooling)
// and the benchmark. None of them imports electron.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: {
        safehold: resolve('main/cli/safehold.ts'),
        preview: resolve('tools/preview/server.ts'),
        bench: resolve('tools/bench/bench.ts'),
        // Team sync's worker thread (folder and crypto work); found beside the code that starts it.
        'sync-worker': resolve('main/sync/team/worker.ts'),
        // Team sync's document workers (Automerge work of team creation and joining), beside it.
        'doc-worker': resolve('main/sync/engine/doc-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
