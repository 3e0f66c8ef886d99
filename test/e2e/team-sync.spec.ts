// Team sync end to end, in Chromium: two previews on two data folders sharing one folder. The
// administrator's laptop starts a team and invites a supervisor; the supervisor's new laptop joins
// from its first-run screen (a wrong code first, the screen in Spanish, keyboard, axe). A case made on
// the first appears on the second after "Sync now", and so does a document attached to it (it opens
// there); a goal's status changed on both before syncing is
// listed in "Needs review" on both, settled on the second, and the choice reaches the first. Then no
// name, case number or staff name is in any file of the shared folder, in any encoding.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { samplePdf } from '../helpers/documents';
import { filesUnder } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { scanForManyCanaries } from './support/canaries';
import { fillFirstContact, goToCaseload, isoDay, openFromCaseload, startFirstContact } from './support/intake.page';
import { addGoal, formPanel, goalItem, openCaseTab } from './support/plan.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { KDF_TIMEOUT, lock, setUpAgency, signIn, type Agency } from './support/session';
import { addStaff, goToSection } from './support/staff.page';

const runs: PreviewRun[] = [];
let shared = '';

test.afterEach(async () => {
  for (const run of runs.splice(0)) {
    await run.stop();
    run.cleanup();
  }
  if (shared) rmSync(shared, { recursive: true, force: true });
});

const admin: Agency = { agency: 'Synthetic Team Shelter Vb4', admin: 'Synthetic Team Admin Hn7', passphrase: 'synthetic harbor Kd3 lantern' };
const supervisor = { name: 'Synthetic Team Supervisor Jw5', passphrase: 'synthetic meadow Pz8 compass' };
const CLIENT = 'Synthetic Shared Person Tq6';
const GOAL = 'Synthetic shared goal Mx2';
const DOC_TITLE = 'Synthetic shared letter Rk3';
const DOC_TEXT = 'Synthetic letter content Wq9';

async function openDocumentsTab(page: Page) {
  await page.getByRole('tablist', { name: 'Parts of the case' }).getByRole('tab', { name: 'Documents', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Documents', exact: true });
  await expect(panel.getByRole('heading', { name: 'Documents' })).toBeVisible();
  return panel;
}

/** A first contact on a team laptop; its case number comes from the laptop's own block (SH-2026-<block>-0001). */
async function createTeamCase(page: Page, chosenName: string): Promise<string> {
  await startFirstContact(page);
  await fillFirstContact(page, { chosenName });
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: chosenName })).toBeVisible();
  const number = page.getByRole('region', { name: 'Case summary' }).locator('dd.mono');
  await expect(number).toHaveText(/^SH-\d{4}-[0-9A-F]{4}-\d{4}$/u);
  return (await number.innerText()).trim();
}

/** Presses "Sync now" in the frame and waits for the round's answer. */
async function syncNow(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/__preview/invoke') && (r.request().postData() ?? '').includes('"team.syncNow"'), { timeout: 60_000 });
  await page.getByRole('group', { name: 'Team sync' }).getByRole('button', { name: 'Sync now' }).click();
  const body = (await (await answered).json()) as { ok: boolean };
  expect(body.ok).toBe(true);
}

async function setGoalStatus(page: Page, status: string, on: string): Promise<void> {
  await openFromCaseload(page, CLIENT);
  await openCaseTab(page, 'Plan');
  const goal = goalItem(page, GOAL);
  await goal.getByRole('button', { name: 'Change status' }).click();
  const form = formPanel(goal, `Change the status of “${GOAL}”`);
  await form.getByLabel('Status', { exact: true }).selectOption({ label: status });
  await form.getByLabel('Date', { exact: true }).fill(on);
  await form.getByRole('button', { name: 'Save status' }).click();
  await expect(goal).toContainText(`${status} on`);
}

test('two laptops: join from the app, a case travels, a conflict is settled in Needs review on one and reaches the other; the folder reveals nothing', async () => {
  test.setTimeout(420_000);
  shared = mkdtempSync(join(tmpdir(), 'safehold-e2e-shared-'));
  const folder = join(shared, 'team');
  const invitation = join(shared, 'handover', 'invitation.shi');
  mkdirSync(folder);
  mkdirSync(join(shared, 'handover'));

  // The administrator's laptop: an agency, a supervisor on the staff list, a team, an invitation.
  const a = await startPreviewRun();
  runs.push(a);
  await setUpAgency(a.page, admin);
  await goToSection(a.page, 'Admin');
  await addStaff(a.page, supervisor.name, 'Supervisor');
  const team = a.page.getByRole('region', { name: 'Team: laptops sharing this caseload' });
  await team.getByLabel('Shared folder').fill(folder);
  await team.getByRole('button', { name: 'Start a team with this laptop' }).click();
  await expect(team.getByRole('table', { name: 'Laptops in this team' })).toBeVisible({ timeout: KDF_TIMEOUT });
  // Focus was left on the page body once the form and its button were gone.
  await expect(team.getByRole('heading', { name: 'Team: laptops sharing this caseload' })).toBeFocused();
  const invite = team.getByRole('region', { name: 'Add a laptop' });
  await invite.getByLabel('Who will use the new laptop').selectOption({ label: supervisor.name });
  await invite.getByLabel('Where to save the invitation file').fill(invitation);
  await invite.getByRole('button', { name: 'Make the invitation' }).click();
  const code = (await invite.getByLabel('One-time code').innerText({ timeout: KDF_TIMEOUT })).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/u);
  // The frame's sync indicator appears from the next sign-in on.
  await lock(a.page);
  await signIn(a.page, admin);

  // The supervisor's new laptop joins from its first-run screen.
  const b = await startPreviewRun();
  runs.push(b);
  const p = b.page;
  await expect(p.getByRole('heading', { name: 'Set up Safehold' })).toBeVisible({ timeout: KDF_TIMEOUT });
  await p.getByRole('button', { name: /^Join my agency.s team$/u }).click();
  await expect(p.getByRole('heading', { level: 1, name: /^Join your agency.s team$/u })).toBeVisible();
  await p.getByLabel('Language').selectOption('es');
  await expect(p.getByRole('heading', { level: 1, name: 'Unirse al equipo de su organización' })).toBeVisible();
  await expect(p.getByLabel('Código de un solo uso')).toBeVisible();
  await p.getByLabel('Idioma').selectOption('en');
  await p.getByLabel('Invitation file').fill(invitation);
  await p.getByLabel('One-time code').fill('AAAA-BBBB-CCCC-DDDD');
  await p.getByLabel('Shared folder').fill(folder);
  await p.getByLabel('Your name').fill(supervisor.name);
  await p.getByLabel('Choose your passphrase', { exact: true }).fill(supervisor.passphrase);
  await p.getByLabel('Confirm passphrase').fill(supervisor.passphrase);
  await expectNoSeriousA11yIssues(p, 'join a team');
  await p.getByLabel('Confirm passphrase').press('Enter');
  await expect(p.getByText('That code does not open this invitation.', { exact: false }).first()).toBeVisible({ timeout: KDF_TIMEOUT });
  await expect(p.getByLabel('One-time code')).toBeFocused();
  await p.getByLabel('One-time code').fill(code.toLowerCase());
  await p.getByRole('button', { name: 'Join the team' }).click();
  await expect(p.getByRole('heading', { level: 1, name: /^This laptop.s recovery key$/u })).toBeVisible({ timeout: KDF_TIMEOUT });
  await expect(p.getByTestId('recovery-key')).toHaveText(/[0-9A-Z]{4}/u);
  await p.getByRole('button', { name: 'I have kept the key. Continue' }).click();
  await expect(p.getByRole('button', { name: 'Lock now' })).toBeVisible();
  await expect(p.getByRole('group', { name: 'Team sync' })).toBeVisible();

  // A case made on the administrator's laptop appears on the supervisor's after "Sync now".
  const caseNumber = await createTeamCase(a.page, CLIENT);
  await openCaseTab(a.page, 'Plan');
  await addGoal(a.page, { area: 'Housing', title: GOAL });
  await syncNow(a.page);
  await syncNow(p);
  await goToCaseload(p);
  await expect(p.getByRole('list', { name: 'Cases' }).getByRole('link', { name: new RegExp(CLIENT, 'u') })).toBeVisible();
  await openFromCaseload(p, CLIENT);
  await expect(p.getByRole('region', { name: 'Case summary' })).toContainText(caseNumber);

  // A document attached on the administrator's laptop: its record, then its content (an encrypted
  // blob in the shared folder), reach the supervisor's laptop, where it opens.
  const docs = await openDocumentsTab(a.page);
  await docs.getByRole('button', { name: 'Add a document' }).click();
  await docs.getByLabel('Choose a file').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: samplePdf(DOC_TEXT) });
  await expect(docs.getByText('“letter.pdf” was checked.')).toBeVisible();
  await docs.getByLabel('Type of document').selectOption({ label: 'Identity document' });
  await docs.getByLabel('Title').fill(DOC_TITLE);
  await docs.getByRole('button', { name: 'Add the document' }).click();
  await expect(docs.getByRole('heading', { name: DOC_TITLE })).toBeVisible();
  await syncNow(a.page);
  await syncNow(p);
  const received = await openDocumentsTab(p);
  await received.getByRole('button', { name: `View ${DOC_TITLE}` }).click();
  await expect(received.getByRole('img', { name: `Page 1 of 1 of ${DOC_TITLE}` })).toBeVisible();
  await received.getByRole('button', { name: 'Close the document' }).click();

  // The same goal's status changed on both laptops before either syncs.
  const on = isoDay(0);
  await setGoalStatus(a.page, 'Achieved', on);
  await setGoalStatus(p, 'Partly achieved', on);
  await syncNow(a.page);
  await syncNow(p);
  await syncNow(a.page);

  // Listed on both laptops; settled on the supervisor's, choosing the value not shown now.
  await goToSection(a.page, 'Needs review');
  await expect(a.page.getByRole('article', { name: 'Goal: Status' })).toBeVisible();
  await goToCaseload(a.page);
  await goToSection(p, 'Needs review');
  const item = p.getByRole('article', { name: 'Goal: Status' });
  await expect(item.getByRole('link', { name: new RegExp(CLIENT, 'u') })).toBeVisible();
  const radios = item.getByRole('group', { name: 'Which should stay?' }).getByRole('radio');
  await expect(radios).toHaveCount(2);
  const labels = await Promise.all([0, 1].map(async (i) => (await radios.nth(i).getAttribute('id')) ?? ''));
  const texts = await Promise.all(labels.map((id) => p.locator(`label[for="${id}"]`).innerText()));
  const pick = texts.findIndex((text) => !text.includes('(shown now)'));
  expect(pick).toBeGreaterThanOrEqual(0);
  const chosen = /partly/iu.test(texts[pick]!) ? 'Partly achieved' : 'Achieved';
  await radios.nth(pick).check();
  await item.getByRole('button', { name: 'Save this choice' }).press('Enter');
  await expect(p.getByText('Saved. The other laptops get your choice when they next sync.')).toBeVisible();
  await expect(p.getByText('Nothing needs review.')).toBeVisible();

  // The choice reaches the administrator's laptop at its next sync.
  await syncNow(p);
  await syncNow(a.page);
  await goToSection(a.page, 'Needs review');
  await expect(a.page.getByText('Nothing needs review.')).toBeVisible();
  await openFromCaseload(a.page, CLIENT);
  await openCaseTab(a.page, 'Plan');
  await expect(goalItem(a.page, GOAL)).toContainText(chosen === 'Achieved' ? /Achieved on/u : /Partly achieved on/u);

  // The administrator's access log holds the supervisor laptop's entries too, marked with that laptop.
  await goToSection(a.page, 'Access log');
  const filters = a.page.getByRole('form', { name: 'Filter the access log' });
  const laptopFilter = filters.getByLabel('Laptop', { exact: true });
  await expect(laptopFilter.getByRole('option')).toHaveCount(3);
  const otherLaptop = (await laptopFilter.getByRole('option').nth(2).getAttribute('value')) ?? '';
  expect(otherLaptop).toMatch(/^[0-9a-f]{16}$/u);
  await laptopFilter.selectOption(otherLaptop);
  await filters.getByRole('button', { name: 'Show entries' }).click();
  const entries = a.page.getByRole('table', { name: 'Entries' });
  await expect(entries.getByRole('row').nth(1)).toContainText(otherLaptop);
  await expect(entries.getByRole('cell', { name: 'This laptop', exact: true })).toHaveCount(0);

  // Nothing readable in the shared folder (or the invitation): names, the case number, staff, agency.
  for (const run of runs) await run.stop();
  // The scan reads real bundles: both laptops wrote several.
  expect(filesUnder(folder).filter((f) => f.endsWith('.shb')).length).toBeGreaterThanOrEqual(4);
  expect(filesUnder(folder).filter((f) => f.endsWith('.shd'))).toHaveLength(1);
  const canaries = [CLIENT, caseNumber, GOAL, admin.admin, admin.agency, supervisor.name, DOC_TITLE, DOC_TEXT];
  expect(scanForManyCanaries([folder, join(shared, 'handover')], canaries)).toEqual([]);
});
