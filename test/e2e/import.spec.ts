// An agency moves from a spreadsheet: the administrator checks a clients CSV on Admin → Import, sees
// its one problem by row and column (and no way to import it), fixes the file, checks it again and
// imports it whole (a file changed after its check is checked again, not imported); the caseload then
// finds every person by name. A caseworker has no import screen,
// and the method itself refuses them. Built renderer in Debian's Chromium against the real dispatcher;
// the spreadsheet is written with Node, as the agency's spreadsheet program would save it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { caseList, goToCaseload, resultCount, search } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { lock, setUpAgency, type Agency } from './support/session';
import { addStaff, firstSignIn, goToSection, hideSetupCode, navSections, openFirstSignIn } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

// Synthetic canaries: unique tokens that must never reach a file in the clear.
const who: Agency = { agency: 'Canary Shelter Jm4Ud8', admin: 'Canary Admin Tk6Sb2', passphrase: 'canary lantern Pq9Ve3 orchard' };
const PEOPLE = ['Canary-Import-Ana-Qx41', 'Canary-Import-Bea-Wd72', 'Canary-Import-Cruz-Lm83'];
/** A cell no code list holds: the problem must name its row and column, never repeat it. */
const BAD_CELL = 'Canary-Bad-Cell-Zr55';

/** Three people from the old spreadsheet; the second one's gender identity is `gender` (row 3 of the sheet). */
function clientsCsv(gender: string): string {
  return [
    'external_id,chosen_name,pronouns,gender_identity,intake_date',
    `OLD-1,${PEOPLE[0]},she/her,woman,2025-01-15`,
    `OLD-2,${PEOPLE[1]},,${gender},2025-02-01`,
    `OLD-3,${PEOPLE[2]},they/them,nonbinary,`,
  ].join('\r\n');
}

function importSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Import from a spreadsheet' });
}

function checkResult(page: Page): Locator {
  return importSection(page).getByRole('region', { name: 'What the check found' });
}

test('an administrator checks a spreadsheet, fixes the row it points to, and imports every person at once', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  const sheets = join(run.root, 'usb-drive');
  mkdirSync(sheets);
  const file = join(sheets, 'old-clients.csv');
  writeFileSync(file, clientsCsv(BAD_CELL));

  await goToSection(page, 'Admin');
  const section = importSection(page);
  await expect(section.getByRole('heading', { level: 2, name: 'Import from a spreadsheet' })).toBeVisible();
  // The template for the chosen kind: the header row to copy, and what each column takes.
  await section.getByRole('radio', { name: 'People (clients)' }).check();
  await section.getByText('Columns of a people (clients) file').click();
  await expect(section.getByLabel('Header row to copy into the first row of your spreadsheet')).toHaveValue(/^external_id,chosen_name,pronouns,/u);
  await expect(section.getByRole('table', { name: 'What each column takes' }).getByRole('row', { name: /chosen_name Required/u })).toBeVisible();

  // The first check finds the one bad cell, by row and column, and offers no import.
  await section.getByLabel('Spreadsheet file').fill(file);
  await section.getByRole('button', { name: 'Check the file' }).click();
  const result = checkResult(page);
  await expect(result.getByRole('heading', { name: 'What the check found' })).toBeFocused();
  await expect(result.getByText('The file has 1 problem, so nothing can be imported yet.')).toBeVisible();
  await expect(result.getByText('Fix them in your spreadsheet, save the file, then check it again.')).toBeVisible();
  await expect(result.getByText('Rows found: 3')).toBeVisible();
  const problems = result.getByRole('table', { name: 'Problems to fix' }).getByRole('row');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(1).getByRole('cell')).toHaveText(['3', 'gender_identity', /^Not one of the codes for this column\./u]);
  await expect(section.getByRole('button', { name: /^Import/u })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(BAD_CELL);
  await expectNoSeriousA11yIssues(page, 'import problems');

  // Fixed in the spreadsheet and saved: checked again from the keyboard, then imported whole.
  writeFileSync(file, clientsCsv('man'));
  await section.getByLabel('Spreadsheet file').press('Enter');
  await expect(result.getByRole('heading', { name: 'What the check found' })).toBeFocused();
  await expect(result.getByText('3 rows are ready to import. Nothing has been imported yet.')).toBeVisible();
  await expect(result.getByRole('table')).toHaveCount(0);

  // Saved again with the mistake after the check: main checks once more, imports nothing, and the
  // screen lists the problem again.
  writeFileSync(file, clientsCsv(BAD_CELL));
  await result.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(result.getByText('The file changed after it was checked. It was checked again, and nothing was imported.')).toBeVisible();
  await expect(result.getByRole('table', { name: 'Problems to fix' }).getByRole('row').nth(1).getByRole('cell')).toHaveText(['3', 'gender_identity', /^Not one of/u]);
  await expect(section.getByRole('button', { name: /^Import/u })).toHaveCount(0);

  writeFileSync(file, clientsCsv('man'));
  await section.getByLabel('Spreadsheet file').press('Enter');
  await expect(result.getByText('3 rows are ready to import. Nothing has been imported yet.')).toBeVisible();
  await result.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(section.getByRole('status').filter({ hasText: '3 people were added to the caseload.' })).toBeVisible();
  await expect(section.getByRole('button', { name: /^Import/u })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page, 'import done');

  // The caseload holds them, each found by name.
  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('3 cases');
  for (const name of PEOPLE) {
    await search(page, name);
    await expect(resultCount(page), `search for ${name}`).toHaveText('1 case');
    await expect(caseList(page).getByRole('link')).toContainText(name);
  }

  await run.stop();
  expect(scanForCanaries([run.dataDir, run.tempDir, run.profileDir], [who.agency, who.admin, who.passphrase, ...PEOPLE, BAD_CELL])).toEqual([]);
});

test('a caseworker has no import screen, and the import methods refuse them', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  await goToSection(page, 'Admin');
  await expect(importSection(page)).toBeVisible();
  const WORKER = 'Canary Worker Hc7Yn1';
  const code = await addStaff(page, WORKER, 'Caseworker');
  await hideSetupCode(page, WORKER);
  await lock(page);

  await openFirstSignIn(page);
  await firstSignIn(page, WORKER, code, 'canary meadow Gz3Rf6 kettle');
  expect(await navSections(page)).not.toContain('Admin');
  await page.goto(page.url().replace(/#.*$/u, '') + '#/admin');
  await expect(page.getByRole('heading', { level: 1, name: "What's due" })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import from a spreadsheet' })).toHaveCount(0);

  // Only administrators and supervisors may import (shared/contract.ts); asking anyway is refused.
  const file = join(run.root, 'clients.csv');
  writeFileSync(file, clientsCsv('woman'));
  const answers = await page.evaluate(async (path) => {
    const bridge = (window as unknown as { safehold: { invoke(method: string, input: unknown): Promise<unknown> } }).safehold;
    return Promise.all(['import.preview', 'import.apply'].map((method) => bridge.invoke(method, { kind: 'clients', file: path })));
  }, file);
  expect(answers).toMatchObject([
    { ok: false, error: { code: 'FORBIDDEN' } },
    { ok: false, error: { code: 'FORBIDDEN' } },
  ]);
});
