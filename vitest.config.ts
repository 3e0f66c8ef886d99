import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,store,rpc,cli}/**/*.test.ts'],
    environment: 'node',
    // Argon2id at its 64 MiB floor and real encrypted files: honest work, slower than pure unit tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
