// Test tooling: the steps every story starts with. A new agency is set up through the real first-run
// screens (agency, administrator, passphrase, recovery key typed back), and a person signs in or locks.
import { expect, type Page } from '@playwright/test';

export interface Agency {
  agency: string;
  admin: string;
  passphrase: string;
}

/** Synthetic people and a synthetic agency; tests that scan the disk pass their own canaries instead. */
export const TEST_AGENCY: Agency = {
  agency: 'Harbor Lantern Test Shelter',
  admin: 'Rowan Testworker',
  passphrase: 'quiet harbor lantern orchard 42',
};

// Deriving the key from a passphrase takes about a second; setup and sign-in get room for it.
export const KDF_TIMEOUT = 30_000;

/** Sets up a new agency from the first-run screen and leaves the administrator signed in. Returns
 * who was set up, with the recovery key as the screen showed it (groups joined by dashes). */
export async function setUpAgency(page: Page, who: Agency = TEST_AGENCY): Promise<Agency & { recoveryKey: string }> {
  await expect(page.getByRole('heading', { name: 'Set up Safehold' })).toBeVisible({ timeout: KDF_TIMEOUT });
  await page.getByLabel('Agency name').fill(who.agency);
  await page.getByLabel('Your name').fill(who.admin);
  await page.getByLabel('Passphrase', { exact: true }).fill(who.passphrase);
  await page.getByLabel('Confirm passphrase').fill(who.passphrase);
  await page.getByRole('button', { name: 'Continue' }).click();

  const key = (await page.getByTestId('recovery-key').innerText({ timeout: KDF_TIMEOUT })).replace(/\s+/gu, '-');
  await page.getByLabel('Type the recovery key to confirm').fill(key);
  await page.getByRole('button', { name: 'Finish setup' }).click();
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: KDF_TIMEOUT });
  return { ...who, recoveryKey: key };
}

/** Locks with the frame's button; the page reloads onto the sign-in screen. */
export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Safehold' })).toBeVisible();
}

export async function signIn(page: Page, who: Agency): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Safehold' })).toBeVisible();
  await page.getByLabel('Your name').fill(who.admin);
  await page.getByLabel('Passphrase', { exact: true }).fill(who.passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: KDF_TIMEOUT });
}
