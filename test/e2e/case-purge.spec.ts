// Deleting a closed case permanently (issue 15): an administrator opens "Delete this case
// permanently" on a closed case, reads what goes and that it cannot be undone, is told at the field
// when the typed case number is wrong, then deletes it with the keyboard and lands on the caseload
// with a message; the case is not found any more. In Spanish the same form speaks Spanish and
// Escape closes it without a change. axe on both; no canary in any file after the run.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { scanForCanaries } from '../helpers/scan';
import { createClient, search } from './support/intake.page';
import { caseStatus } from './support/plan.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency, type Agency } from './support/session';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const who: Agency = { agency: 'Synthetic Shelter Pg7Kd', admin: 'Synthetic Admin Wq2Zr', passphrase: 'synthetic harbor Mv5Xe lantern' };
const GONE = 'Purgecanary Tz8Qw';
const KEPT = 'Keptperson Hb4Lm';

async function closeCase(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Close this case' }).click();
  const dialog = page.getByRole('dialog', { name: `Close the case of ${name}?` });
  await dialog.getByLabel('Reason').selectOption({ label: 'Goals met' });
  await dialog.getByLabel('Where they are going').selectOption({ label: 'Unknown' });
  await dialog.getByRole('button', { name: 'Close the case' }).click();
  await expect(caseStatus(page)).toHaveText('Closed');
}

test('an administrator deletes a closed case permanently, in English and Spanish', async () => {
  test.setTimeout(180_000);
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);

  const number = await createClient(page, { chosenName: GONE });
  // Only a closed case offers it.
  await expect(page.getByRole('button', { name: 'Delete this case permanently' })).toHaveCount(0);
  await closeCase(page, GONE);
  await page.getByRole('button', { name: 'Delete this case permanently' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete case ${number} permanently?` });
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog).toContainText('Backups made before today still contain the case');
  await expectNoSeriousA11yIssues(page, 'delete case dialog');

  // A wrong number is refused at the field, and nothing is deleted.
  await dialog.getByLabel('Why is it being deleted?').selectOption({ label: 'The person asked for their records to be deleted' });
  await dialog.getByLabel(`Type the case number (${number}) to confirm`).fill('SH-0000-0000');
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(dialog.getByText('This is not the case number.', { exact: false })).toBeVisible();
  await expect(dialog.getByLabel(`Type the case number (${number}) to confirm`)).toBeFocused();

  // The right number, and Enter.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The case was deleted permanently.' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any status' });
  await search(page, GONE);
  await expect(page.getByText('No case matches this search.', { exact: false })).toBeVisible();

  // Spanish: the same form in Spanish; Escape closes it and the case stays.
  const keptNumber = await createClient(page, { chosenName: KEPT });
  await closeCase(page, KEPT);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('button', { name: 'Borrar este caso definitivamente' }).click();
  const spanish = page.getByRole('dialog', { name: `¿Borrar el caso ${keptNumber} definitivamente?` });
  await expect(spanish).toContainText('Esto no se puede deshacer.');
  await expect(spanish.getByLabel('¿Por qué se borra?')).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'delete case dialog (es)');
  await page.keyboard.press('Escape');
  await expect(spanish).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: KEPT })).toBeVisible();

  await run.stop();
  expect(scanForCanaries([run.dataDir, run.tempDir, run.profileDir], [GONE])).toEqual([]);
});
