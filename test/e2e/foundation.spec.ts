// Setup -> lock -> wrong passphrase -> unlock -> quick-lock, as a new agency would do it, in Debian's
// Chromium against the real dispatcher; then every file the run wrote is scanned for what was typed.
import { expect, test, type Page } from '@playwright/test';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { startPreviewRun, type PreviewRun } from './support/preview';

// Synthetic canaries: strings that must never reach any file in the clear.
const AGENCY = 'Canary Shelter Kx4Wq9';
const ADMIN = 'Canary Admin Jp7Hd2';
const PASSPHRASE = 'canary lantern Mv8Tz3 orchard';

async function expectNoCaseDataInPage(page: Page) {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain(AGENCY);
  expect(html).not.toContain(ADMIN);
}

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

test('a new agency sets up, locks, is refused a wrong passphrase, unlocks, and nothing leaks to disk', async () => {
  run = await startPreviewRun();
  const { page } = run;

  // First run: step 1.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'setup');
  await page.getByLabel('Agency name').fill(AGENCY);
  await page.getByLabel('Your name').fill(ADMIN);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 2: the recovery key must be typed back before anything is saved.
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/gu, '-');
  expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/u);
  await expectNoSeriousA11yIssues(page, 'recovery key');
  const finish = page.getByRole('button', { name: 'Finish setup' });
  // Finishing without typing it back, or with a wrong key, is refused in plain words at the field.
  const typedBack = page.getByLabel('Type the recovery key to confirm');
  await finish.click();
  await expect(typedBack).toBeFocused();
  await expect(typedBack).toHaveAccessibleDescription(/Type the recovery key shown above to finish setting up\./u);
  await typedBack.fill(key.replace(/^..../u, 'ZZZZ'));
  await finish.click();
  await expect(typedBack).toHaveAccessibleDescription(/This does not match the key shown above\./u);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/recovery key/iu);
  await typedBack.fill(key.toLowerCase());
  await finish.click();

  // Signed in: the main frame with its navigation.
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible();
  await expect(page.getByText(AGENCY)).toBeVisible();
  for (const name of ['Caseload', 'Reports', 'Admin']) await expect(page.getByRole('link', { name })).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'main frame');

  // Lock: back to the sign-in screen with nothing of the session left in the page.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Safehold' })).toBeVisible();
  await expectNoCaseDataInPage(page);
  await expectNoSeriousA11yIssues(page, 'sign in');

  // A wrong passphrase is refused in plain words; the name stays, the passphrase is cleared.
  await page.getByLabel('Your name').fill(ADMIN);
  await page.getByLabel('Passphrase', { exact: true }).fill('this is not it at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await expect(page.getByLabel('Your name')).toHaveValue(ADMIN);
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');

  // The right passphrase opens it again.
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible();

  // Quick-lock shortcut.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Sign in to Safehold' })).toBeVisible();
  await expectNoCaseDataInPage(page);

  await run.stop();
  const hits = scanForCanaries([run.dataDir, run.tempDir, run.profileDir], [AGENCY, ADMIN, PASSPHRASE]);
  expect(hits).toEqual([]);
});

test('the first screen switches to Spanish at once, and the choice survives a reload', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await expect(page.getByRole('heading', { name: 'Set up Safehold' })).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Configurar Safehold' })).toBeVisible();
  await expect(page.getByLabel('Nombre de la organización')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Configurar Safehold' })).toBeVisible();
});

test('the preview refuses requests without its token and from other origins', async () => {
  run = await startPreviewRun();
  const origin = new URL(run.url).origin;
  const noToken = await fetch(`${origin}/`);
  expect(noToken.status).toBe(403);
  const forged = await run.page.evaluate(async () => {
    const response = await fetch('/__preview/invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ method: 'app.status', input: {} }),
    });
    return response.status;
  });
  expect(forged).toBe(403);
  const fromElsewhere = await fetch(`${origin}/__preview/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
    body: JSON.stringify({ method: 'app.status', input: {} }),
  });
  expect(fromElsewhere.status).toBe(403);
});
