// An administrator adds a caseworker and an auditor; each signs in for the first time with the setup
// code read off the administrator's screen and a passphrase of their own, and each finds exactly
// what their role allows: the caseworker their own cases (and another's only by saying why), the
// auditor the access log, which proves itself intact and shows the break-glass opening. Locking
// leaves nothing of the session in the page. Built renderer in Debian's Chromium against the real
// dispatcher; the run ends with a scan of every file it wrote.
import { expect, test, type Page } from '@playwright/test';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { caseList, createClient, goToCaseload, resultCount, search } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { lock, setUpAgency, signIn, type Agency } from './support/session';
import {
  addStaff,
  firstSignIn,
  goToSection,
  hideSetupCode,
  navSections,
  openFirstSignIn,
  setupCodePanel,
  staffRow,
} from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

// Synthetic canaries: unique tokens that must never reach a file in the clear.
const who: Agency = { agency: 'Canary Shelter Qz8Lm3', admin: 'Canary Admin Vb2Rk7', passphrase: 'canary orchard Hn5Tw1 kettle' };
const WORKER = 'Canary Worker Pd4Xs9';
const WORKER_PASSPHRASE = 'canary meadow Ue6Jc2 lantern';
const AUDITOR = 'Canary Auditor Fy1Gn8';
const AUDITOR_PASSPHRASE = 'canary pebble Wr3Kd5 harbour';
const ADMIN_CLIENT = 'Canary-Admins-Client-Mt62';
const WORKER_CLIENT = 'Canary-Workers-Client-Zo17';
const REASON = 'Checking Canary-Reason-Hb38 is not the same person';

/** The page's whole markup, as a script in the page (or a screen reader) could read it. */
function pageHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** Types an address into the page, as someone with an old bookmark would: only the part after # changes. */
async function goToAddress(page: Page, hash: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/u, '') + hash);
}

/** The record id in the address of an open client profile (#/clients/<id>). */
function clientIdInAddress(page: Page): string {
  const match = /#\/clients\/([0-9a-f]{32})$/u.exec(page.url());
  expect(match, `client address in ${page.url()}`).not.toBeNull();
  return match![1]!;
}

test('an admin adds a caseworker and an auditor, and each sees exactly what their role allows', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  await createClient(page, { chosenName: ADMIN_CLIENT });
  const adminClientId = clientIdInAddress(page);

  // The administrator adds two colleagues and reads each one's setup code off the screen.
  await goToSection(page, 'Admin');
  await expect(page.getByRole('heading', { level: 2, name: 'Staff' })).toBeVisible();
  await expect(staffRow(page, who.admin)).toContainText('Administrator');
  await expectNoSeriousA11yIssues(page, 'admin page');

  const workerCode = await addStaff(page, WORKER, 'Caseworker');
  await expectNoSeriousA11yIssues(page, 'setup code panel');
  await expect(staffRow(page, WORKER)).toContainText('Caseworker');
  await expect(staffRow(page, WORKER)).toContainText('Active');
  await hideSetupCode(page, WORKER);
  expect(await pageHtml(page)).not.toContain(workerCode);

  const auditorCode = await addStaff(page, AUDITOR, 'Auditor');
  expect(auditorCode).not.toBe(workerCode);
  await expect(staffRow(page, AUDITOR)).toContainText('Auditor');
  await hideSetupCode(page, AUDITOR);
  await expect(setupCodePanel(page, AUDITOR)).toHaveCount(0);
  await lock(page);

  // The caseworker's first sign-in: their name, the code, and a passphrase only they know.
  await openFirstSignIn(page);
  await expectNoSeriousA11yIssues(page, 'first sign-in');
  await firstSignIn(page, WORKER, workerCode, WORKER_PASSPHRASE);
  await expect(page.getByText(`Signed in as ${WORKER}, Caseworker`)).toBeVisible();
  expect(await navSections(page)).toEqual(["What's due", 'Week', 'Caseload', 'Partners', 'Needs review', 'Reports', 'My account']);

  // No Admin page for a caseworker, not even by typing its address.
  await goToAddress(page, '#/admin');
  await expect(page.getByRole('heading', { level: 1, name: "What's due" })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toHaveCount(0);

  // Their caseload holds their own case only.
  await createClient(page, { chosenName: WORKER_CLIENT });
  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('1 case');
  await expect(caseList(page).getByRole('link')).toHaveCount(1);
  await expect(caseList(page).getByRole('link')).toContainText(WORKER_CLIENT);
  await search(page, ADMIN_CLIENT);
  await expect(resultCount(page)).toHaveText('0 cases');

  // The administrator's case, opened by its address, asks why before it shows anything.
  await goToAddress(page, `#/clients/${adminClientId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'This case is assigned to another worker.' })).toBeVisible();
  expect(await pageHtml(page)).not.toContain(ADMIN_CLIENT);
  await expectNoSeriousA11yIssues(page, 'break-glass panel');
  const reason = page.getByLabel('Why do you need to open it?');
  await reason.fill('because');
  await page.getByRole('button', { name: 'Open the case and record why' }).click();
  await expect(page.getByText('Write at least 10 characters')).toBeVisible();
  expect(await pageHtml(page)).not.toContain(ADMIN_CLIENT);
  await reason.fill(REASON);
  await page.getByRole('button', { name: 'Open the case and record why' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ADMIN_CLIENT })).toBeVisible();
  await expect(page.getByText('You opened this case with a reason, which has been recorded.')).toBeVisible();

  // Locking clears the page: no agency, staff or client name is left in it.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Safehold' })).toBeVisible();
  const afterLock = await pageHtml(page);
  for (const name of [who.agency, who.admin, WORKER, ADMIN_CLIENT, WORKER_CLIENT, REASON]) expect(afterLock).not.toContain(name);

  // The auditor: the access log and reports, never a caseload.
  await openFirstSignIn(page);
  await firstSignIn(page, AUDITOR, auditorCode, AUDITOR_PASSPHRASE);
  await expect(page.getByText(`Signed in as ${AUDITOR}, Auditor`)).toBeVisible();
  expect(await navSections(page)).toEqual(['Access log', 'Reports', 'My account']);
  await expect(page.getByRole('heading', { level: 1, name: 'Access log' })).toBeVisible();
  await goToAddress(page, '#/caseload');
  await expect(page.getByRole('heading', { level: 1, name: 'Access log' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page, 'access log');

  await page.getByRole('button', { name: 'Check the access log' }).click();
  await expect(page.getByText('The access log is intact.')).toBeVisible();
  await expect(page.getByText(/^Entries checked: \d+$/u)).toBeVisible();

  // The break-glass opening is in the log: who, what, and the case by its id only.
  await page.getByLabel('Action', { exact: true }).fill('client.break-glass');
  await page.getByRole('button', { name: 'Show entries' }).click();
  const entries = page.getByRole('table', { name: 'Entries' });
  await expect(page.getByText('Showing entries 1 to 1 of 1, newest first')).toBeVisible();
  const row = entries.getByRole('row').nth(1);
  await expect(row).toContainText(WORKER);
  await expect(row).toContainText('Opened a case that is not theirs (with a reason)');
  await expect(row).toContainText(adminClientId.slice(0, 8));
  await expect(row).toContainText('Done');
  const auditorView = await pageHtml(page);
  for (const text of [ADMIN_CLIENT, WORKER_CLIENT, REASON]) expect(auditorView).not.toContain(text);
  await lock(page);

  // The administrator can show the same proof.
  await signIn(page, who);
  await goToSection(page, 'Access log');
  await page.getByRole('button', { name: 'Check the access log' }).click();
  await expect(page.getByText('The access log is intact.')).toBeVisible();

  await run.stop();
  const canaries = [who.agency, who.admin, who.passphrase, WORKER, WORKER_PASSPHRASE, AUDITOR, AUDITOR_PASSPHRASE, ADMIN_CLIENT, WORKER_CLIENT, REASON, workerCode, auditorCode];
  expect(scanForCanaries([run.dataDir, run.tempDir, run.profileDir], canaries)).toEqual([]);
});
