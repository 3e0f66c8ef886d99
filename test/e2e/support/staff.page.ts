// Test tooling: the Admin page's staff list and the first sign-in with a setup code, by their
// visible labels. The administrator reads each setup code off the screen, as they would to hand it on.
import { expect, type Locator, type Page } from '@playwright/test';
import { KDF_TIMEOUT } from './session';

export type RoleLabel = 'Administrator' | 'Supervisor' | 'Caseworker' | 'Auditor';

/** The names of the links in the frame's navigation, in order. */
export async function navSections(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
  return (await links.allInnerTexts()).map((s) => s.trim());
}

export async function goToSection(page: Page, name: string, heading = name): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

export function staffTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Staff' });
}

/** A row of the staff table, found by the person's name in its row header. */
export function staffRow(page: Page, name: string): Locator {
  return staffTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`, 'u') }) });
}

export function setupCodePanel(page: Page, name: string): Locator {
  return page.getByRole('region', { name: `Setup code for ${name}` });
}

/** Adds a staff member on the Admin page and returns the setup code the screen shows for them. */
export async function addStaff(page: Page, name: string, role: RoleLabel): Promise<string> {
  const form = page.getByRole('region', { name: 'Add a staff member' });
  await form.getByLabel('Full name').fill(name);
  await form.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await form.getByRole('button', { name: 'Add staff member' }).click();
  const panel = setupCodePanel(page, name);
  await expect(panel.getByRole('heading', { name: `Setup code for ${name}` })).toBeFocused();
  const code = (await panel.getByTestId('setup-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/u);
  return code;
}

export async function hideSetupCode(page: Page, name: string): Promise<void> {
  await setupCodePanel(page, name).getByRole('button', { name: 'Done, hide the code' }).click();
  await expect(setupCodePanel(page, name)).toHaveCount(0);
}

/** From the sign-in screen, opens the setup-code form. */
export async function openFirstSignIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Safehold' })).toBeVisible();
  await page.getByRole('button', { name: 'First time here, or have a setup code?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in with a setup code' })).toBeVisible();
}

/** Fills the setup-code form and signs in with a passphrase of the person's own choosing. */
export async function firstSignIn(page: Page, name: string, setupCode: string, passphrase: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Setup code').fill(setupCode);
  await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm new passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Choose passphrase and sign in' }).click();
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: KDF_TIMEOUT });
}
