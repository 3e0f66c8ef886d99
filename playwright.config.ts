// End-to-end tests. e2e/: the built renderer in Debian's Chromium against the real dispatcher, served
// by the preview tool. electron/: the real app through Playwright's _electron, where the binary exists.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  projects: [
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
