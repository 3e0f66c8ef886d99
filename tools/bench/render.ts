// Development tooling: how long the caseload takes to show its first rows with a big store, in
// Debian's Chromium, through the same preview server and renderer build people try Safehold with.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startPreview } from '../preview/server';
import type { Emit } from './caseload';

const CHROMIUM = process.env.SAFEHOLD_CHROMIUM ?? '/usr/bin/chromium';

export async function benchCaseloadRender(dataDir: string, signIn: { name: string; passphrase: string }, emit: Emit): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench: caseload_first_render_ms skipped: no Chromium at ${CHROMIUM}\n`);
    return;
  }
  const preview = await startPreview({ dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(preview.url);
    await page.getByLabel('Your name').fill(signIn.name);
    await page.getByLabel('Passphrase', { exact: true }).fill(signIn.passphrase);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Caseload', exact: true }).waitFor({ timeout: 60_000 });
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('link', { name: "What's due", exact: true }).click();
      await page.getByRole('heading', { level: 1, name: "What's due" }).waitFor();
      const start = performance.now();
      await page.getByRole('link', { name: 'Caseload', exact: true }).click();
      await page.getByRole('list', { name: 'Cases' }).getByRole('link').first().waitFor({ timeout: 60_000 });
      times.push(performance.now() - start);
    }
    emit('caseload_first_render_ms', [...times].sort((a, b) => a - b)[1]!, 'ms');
  } finally {
    await browser.close();
    await preview.close();
  }
}
