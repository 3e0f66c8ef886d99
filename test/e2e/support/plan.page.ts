// Test tooling: the client profile's Plan, Safety plan and Notes tabs, and closing a case, by their
// visible labels. Each helper waits for what its step leads to, so stories read step by step.
import { expect, type Locator, type Page } from '@playwright/test';

export type CaseTab = 'Intake' | 'Consents' | 'Plan' | 'Safety plan' | 'Notes' | 'History';

/** Opens one of the profile's tabs. Names are exact: "Plan" is not "Safety plan". */
export async function openCaseTab(page: Page, name: CaseTab): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Parts of the case' }).getByRole('tab', { name, exact: true }).click();
  const panel = page.getByRole('tabpanel', { name, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

/** A section of the plan (Goals, Services delivered, Referrals, Legal and immigration milestones). */
export function planSection(page: Page, heading: string): Locator {
  return page.getByRole('tabpanel', { name: 'Plan', exact: true }).getByRole('region', { name: heading, exact: true });
}

/** A form that opened in place, by its heading. */
export function formPanel(scope: Page | Locator, title: string): Locator {
  return scope.getByRole('region', { name: title, exact: true });
}

export interface NewGoal {
  area: string;
  title: string;
  targetDate?: string;
  responsible?: string;
  steps?: { text: string; dueDate?: string }[];
}

export async function addGoal(page: Page, goal: NewGoal): Promise<Locator> {
  const goals = planSection(page, 'Goals');
  await goals.getByRole('button', { name: 'Add a goal' }).click();
  const form = formPanel(goals, 'Add a goal');
  await fillGoal(form, goal);
  await form.getByRole('button', { name: 'Save goal' }).click();
  await expect(form).toHaveCount(0);
  const item = goalItem(page, goal.title);
  await expect(item).toBeVisible();
  return item;
}

export async function fillGoal(form: Locator, goal: NewGoal): Promise<void> {
  await form.getByLabel('Goal area').selectOption({ label: goal.area });
  await form.getByLabel('Goal', { exact: true }).fill(goal.title);
  if (goal.targetDate !== undefined) await form.getByLabel('Target date (optional)').fill(goal.targetDate);
  if (goal.responsible !== undefined) await form.getByLabel('Person responsible').selectOption({ label: goal.responsible });
  for (const [i, step] of (goal.steps ?? []).entries()) {
    await form.getByRole('button', { name: i === 0 ? 'Add a first step' : 'Add another step' }).click();
    await form.getByLabel(`Step ${i + 1}`, { exact: true }).fill(step.text);
    if (step.dueDate !== undefined) await form.getByLabel(`Due date for step ${i + 1} (optional)`).fill(step.dueDate);
  }
}

export function goalItem(page: Page, title: string): Locator {
  return planSection(page, 'Goals').getByRole('listitem', { name: title, exact: true });
}

export interface NewService {
  /** YYYY-MM-DD; the form starts on today. */
  date?: string;
  category: string;
  minutes?: string;
  amount?: string;
  goal?: string;
  note?: string;
}

/** Logs a service with the section's own button (mouse); the keyboard-only path is in the story. */
export async function logService(page: Page, s: NewService): Promise<void> {
  const services = planSection(page, 'Services delivered');
  await services.getByRole('button', { name: 'Log a service', exact: true }).click();
  const form = formPanel(services, 'Log a service');
  await fillService(form, s);
  await form.getByRole('button', { name: 'Save service' }).click();
  await expect(services.getByRole('status').filter({ hasText: 'The service was logged.' })).toBeVisible();
}

export async function fillService(form: Locator, s: NewService): Promise<void> {
  if (s.date !== undefined) await form.getByLabel('Date', { exact: true }).fill(s.date);
  await form.getByLabel('Service', { exact: true }).selectOption({ label: s.category });
  if (s.minutes !== undefined) await form.getByLabel('Minutes (optional)').fill(s.minutes);
  if (s.amount !== undefined) await form.getByLabel('Amount in dollars (optional)').fill(s.amount);
  if (s.goal !== undefined) await form.getByLabel('For goal (optional)').selectOption({ label: s.goal });
  if (s.note !== undefined) await form.getByLabel('Note', { exact: true }).fill(s.note);
}

/** The rows of the services table, without its header. */
export function serviceRows(page: Page): Locator {
  return planSection(page, 'Services delivered').getByRole('table').locator('tbody tr');
}

/** Adds an organization to the partner directory (administrators and supervisors). */
export async function addPartner(page: Page, name: string, services: string[]): Promise<void> {
  const directory = planSection(page, 'Referrals').getByRole('region', { name: 'Partner directory' });
  await directory.getByRole('button', { name: 'Add a partner' }).click();
  const form = formPanel(directory, 'Add a partner');
  await form.getByLabel('Organization name').fill(name);
  const offered = form.getByRole('group', { name: 'Services they offer' });
  for (const service of services) await offered.getByLabel(service, { exact: true }).check();
  await form.getByRole('button', { name: 'Save partner' }).click();
  await expect(directory.getByText('The partner was added to the directory.')).toBeVisible();
  await expect(directory.getByRole('listitem').filter({ hasText: name })).toBeVisible();
}

/** Opens the referral form and fills it; the caller presses "Send referral". */
export async function startReferral(page: Page, r: { partner: string; service: string; sentOn: string; sharesIdentity: boolean }): Promise<Locator> {
  const referrals = planSection(page, 'Referrals');
  await referrals.getByRole('button', { name: 'Send a referral' }).click();
  const form = formPanel(referrals, 'Send a referral');
  await form.getByLabel('Partner', { exact: true }).selectOption({ label: r.partner });
  await form.getByLabel('Service', { exact: true }).selectOption({ label: r.service });
  await form.getByLabel('Sent on').fill(r.sentOn);
  await form.getByLabel('This referral shares their name or identifying details').setChecked(r.sharesIdentity);
  return form;
}

export function referralItem(page: Page, partner: string, service: string): Locator {
  return planSection(page, 'Referrals').getByRole('listitem', { name: `${partner}: ${service}`, exact: true });
}

/** The profile header's Status, as shown (Active or Closed). */
export function caseStatus(page: Page): Locator {
  return page.getByRole('region', { name: 'Case summary' }).locator('dt', { hasText: /^Status$/u }).locator('xpath=following-sibling::dd');
}
