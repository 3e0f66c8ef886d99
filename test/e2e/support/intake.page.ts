// Test tooling: the caseload, first-contact form and client profile as a caseworker uses them, by
// their visible labels. Each helper waits for the screen it leads to, so stories read step by step.
import { expect, type Locator, type Page } from '@playwright/test';

export interface FirstContact {
  chosenName: string;
  pronouns?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  contactValue?: string;
  urgent?: boolean;
  needs?: string[];
}

export const CASE_NUMBER = /^SH-\d{4}-\d{4}$/u;

/** A calendar day `offset` days from today on this computer, as YYYY-MM-DD (what a date input holds). */
export function isoDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function goToCaseload(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
}

export async function startFirstContact(page: Page): Promise<void> {
  await goToCaseload(page);
  await page.getByRole('button', { name: 'New client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First contact' })).toBeVisible();
}

/** A date input takes what its value holds; fill() sets it the same whatever the browser's date order. */
export async function fillFirstContact(page: Page, c: FirstContact): Promise<void> {
  await page.getByLabel('Name or alias they choose').fill(c.chosenName);
  if (c.pronouns !== undefined) await page.getByLabel('Pronouns (optional)').fill(c.pronouns);
  if (c.dateOfBirth !== undefined) await page.getByLabel('Date of birth (optional)').fill(c.dateOfBirth);
  if (c.contactValue !== undefined) await page.getByLabel('Phone number, email or how to reach them').fill(c.contactValue);
  if (c.urgent) await page.getByLabel('Urgent safety need right now').check();
  const needs = page.getByRole('group', { name: 'What do they need now?' });
  for (const need of c.needs ?? []) await needs.getByLabel(need).check();
}

/** The profile header's case number, once the profile has opened. */
export async function caseNumberShown(page: Page): Promise<string> {
  const summary = page.getByRole('region', { name: 'Case summary' });
  const number = summary.locator('dd.mono');
  await expect(number).toHaveText(CASE_NUMBER);
  return (await number.innerText()).trim();
}

/** Records a first contact with no possible duplicate and returns the new case number. */
export async function createClient(page: Page, c: FirstContact): Promise<string> {
  await startFirstContact(page);
  await fillFirstContact(page, c);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: c.chosenName })).toBeVisible();
  return caseNumberShown(page);
}

/** The caseload's "n cases" line. */
export function resultCount(page: Page): Locator {
  return page.locator('p.result-count[role="status"]');
}

export function caseList(page: Page): Locator {
  return page.getByRole('list', { name: 'Cases' });
}

export async function search(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search by name, alias or case number' }).fill(words);
}

export async function openFromCaseload(page: Page, chosenName: string): Promise<void> {
  await goToCaseload(page);
  await search(page, chosenName);
  await caseList(page).getByRole('link', { name: chosenName }).click();
  await expect(page.getByRole('heading', { level: 1, name: chosenName })).toBeVisible();
}

export async function openTab(page: Page, name: 'Intake' | 'Consents' | 'Plan' | 'Outcomes' | 'Notes' | 'History'): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Parts of the case' }).getByRole('tab', { name }).click();
  const panel = page.getByRole('tabpanel', { name });
  await expect(panel).toBeVisible();
  return panel;
}

/** An intake section's region; its toggle reads "<section> <n> of <m> answered". */
export function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name: new RegExp(`${name}\\s*\\d+ of \\d+ answered`, 'u') });
}

export function sectionToggle(page: Page, name: string): Locator {
  return section(page, name).getByRole('button', { name: new RegExp(`${name}\\s*\\d+ of \\d+ answered`, 'u') });
}

/** "3 of 10 answered", as the section's toggle shows it. */
export async function progressOf(page: Page, name: string): Promise<string> {
  const text = await sectionToggle(page, name).innerText();
  const match = /\d+ of \d+ answered/u.exec(text);
  expect(match, `progress note of ${name}`).not.toBeNull();
  return match![0];
}

export async function openSection(page: Page, name: string): Promise<Locator> {
  const toggle = sectionToggle(page, name);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return section(page, name);
}

export async function saveSection(region: Locator): Promise<void> {
  await region.getByRole('button', { name: 'Save this section' }).click();
  // A section holds other live regions too (a multi-choice question says when a reason sets answers aside).
  await expect(region.getByRole('status').filter({ hasText: 'This section has been saved.' })).toHaveText('This section has been saved.');
}

export interface NewConsent {
  kind: 'Consent to services' | 'Share information with a partner' | 'De-identified reporting';
  recipient?: string;
  purpose: string;
  covers: string[];
  startDate: string;
  expiryDate?: string;
}

export async function addConsent(page: Page, c: NewConsent): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Consents' });
  await panel.getByRole('button', { name: 'Add consent' }).click();
  const form = panel.getByRole('region', { name: 'Add consent' });
  await form.getByLabel('Kind of consent').selectOption({ label: c.kind });
  if (c.recipient !== undefined) await form.getByLabel('Partner organization it allows sharing with').fill(c.recipient);
  await form.getByLabel('Purpose').fill(c.purpose);
  const covers = form.getByRole('group', { name: 'Information it covers' });
  for (const item of c.covers) await covers.getByLabel(item).check();
  await form.getByLabel('Start date').fill(c.startDate);
  if (c.expiryDate !== undefined) await form.getByLabel('Expiry date (optional)').fill(c.expiryDate);
  await form.getByRole('button', { name: 'Save consent' }).click();
  await expect(form).toBeHidden();
}

/** One consent in the list, found by what its purpose says. */
export function consentItem(page: Page, purpose: string): Locator {
  return page.getByRole('tabpanel', { name: 'Consents' }).getByRole('listitem').filter({ hasText: purpose });
}
