// The staff table's two small dialogs, now on the form layer, keep their behaviour: an administrator
// changes a caseworker's role (the table and the note say the new role) and resets their passphrase
// (a new setup code is shown); Cancel closes a dialog without a change. Built renderer in Debian's
// Chromium against the real dispatcher; synthetic names only.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency, type Agency } from './support/session';
import { addStaff, goToSection, hideSetupCode, setupCodePanel, staffRow } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const who: Agency = { agency: 'Synthetic Shelter Dl4Gq', admin: 'Synthetic Admin Rx7Vb', passphrase: 'synthetic meadow Tq8Jw lantern' };
const WORKER = 'Synthetic Worker Hc3Pn';

test('an administrator changes a role and resets a passphrase through the staff dialogs', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  await goToSection(page, 'Admin');
  const firstCode = await addStaff(page, WORKER, 'Caseworker');
  await hideSetupCode(page, WORKER);

  // Cancel changes nothing.
  await staffRow(page, WORKER).getByRole('button', { name: `Change role (${WORKER})` }).click();
  const roleDialog = page.getByRole('dialog', { name: `Change the role of ${WORKER}` });
  await expect(roleDialog.getByLabel('New role')).toHaveValue('caseworker');
  await expectNoSeriousA11yIssues(page, 'change role dialog');
  await roleDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(roleDialog).toHaveCount(0);
  await expect(staffRow(page, WORKER)).toContainText('Caseworker');

  await staffRow(page, WORKER).getByRole('button', { name: `Change role (${WORKER})` }).click();
  await roleDialog.getByLabel('New role').selectOption({ label: 'Supervisor' });
  await roleDialog.getByRole('button', { name: 'Save role' }).click();
  await expect(roleDialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `${WORKER} now has the role Supervisor.` })).toBeVisible();
  await expect(staffRow(page, WORKER)).toContainText('Supervisor');

  await staffRow(page, WORKER).getByRole('button', { name: `Reset passphrase (${WORKER})` }).click();
  const resetDialog = page.getByRole('dialog', { name: `Reset the passphrase of ${WORKER}` });
  await expectNoSeriousA11yIssues(page, 'reset passphrase dialog');
  await resetDialog.getByRole('button', { name: 'Reset passphrase' }).click();
  await expect(resetDialog).toHaveCount(0);
  const panel = setupCodePanel(page, WORKER);
  await expect(panel.getByRole('heading', { name: `Setup code for ${WORKER}` })).toBeFocused();
  const code = (await panel.getByTestId('setup-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/u);
  expect(code).not.toBe(firstCode);
});
