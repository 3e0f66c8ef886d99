// What a new user stumbled on (issue 16 §5), tried as they would: locking on a case and signing in
// again lands on that case, read afresh; a new report period takes the old report away; the partner
// directory has its own place in the frame, where a caseworker suggests a partner and a supervisor
// approves it; the access log speaks in words; and in Spanish the roles name the person.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { KDF_TIMEOUT, lock, setUpAgency, signIn, type Agency } from './support/session';
import { addStaff, firstSignIn, goToSection, hideSetupCode, navSections, openFirstSignIn } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const who: Agency = { agency: 'First Day Test Shelter', admin: 'Morgan Firstday', passphrase: 'first day lantern harbor 27' };

test('a first day: back where one was after a lock, a fresh report per period, partners in the frame, the log in words, roles in Spanish', async () => {
  test.setTimeout(240_000);
  run = await startPreviewRun();
  const { page } = run;
  await page.goto(run.url);
  await setUpAgency(page, who);

  // Locked on a case: signing in again opens that case (its data read again), not What's due.
  await createClient(page, { chosenName: 'Lina Firstday' });
  const caseAddress = new URL(page.url()).hash;
  await lock(page);
  await expect(page.getByText('Lina Firstday')).toHaveCount(0);
  await signIn(page, who);
  await expect(page.getByRole('heading', { level: 1, name: 'Lina Firstday' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe(caseAddress);

  // Reports: a new period takes the old report off the screen until it is shown again.
  await goToSection(page, 'Reports');
  await page.getByRole('group', { name: 'Or choose a usual period:' }).getByRole('button', { name: 'Last calendar year' }).click();
  await page.getByRole('button', { name: 'Show report' }).click();
  const report = page.getByRole('region', { name: /^Outcome report, / });
  await expect(report).toHaveCount(1);
  await page.getByRole('group', { name: 'Or choose a usual period:' }).getByRole('button', { name: 'This year so far' }).click();
  await expect(report).toHaveCount(0);
  await expect(page.getByText('The choices changed, so the report shown before was taken away.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(report).toHaveCount(1);

  // A caseworker joins.
  await goToSection(page, 'Admin');
  const code = await addStaff(page, 'Casey Firstday', 'Caseworker');
  await hideSetupCode(page, 'Casey Firstday');
  await lock(page);
  await openFirstSignIn(page);
  await firstSignIn(page, 'Casey Firstday', code, 'casey firstday own passphrase 5');

  // The partner directory has its own entry; the caseworker suggests a partner.
  expect(await navSections(page)).toContain('Partners');
  await goToSection(page, 'Partners');
  await expectNoSeriousA11yIssues(page, 'partners (caseworker)');
  await expect(page.getByRole('button', { name: 'Add a partner' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Suggest a partner' }).click();
  const form = page.getByRole('region', { name: 'Suggest a partner for the directory' });
  await form.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(form.getByLabel('Organization name')).toBeFocused();
  await form.getByLabel('Organization name').fill('Bridge Street Clinic');
  await form.getByRole('group', { name: 'Services they offer' }).getByLabel('Medical', { exact: true }).check();
  await form.getByRole('button', { name: 'Send suggestion' }).click();
  await expect(page.getByText('Thank you. A supervisor or administrator will review your suggestion.')).toBeVisible();
  const suggestions = page.getByRole('region', { name: 'Suggested partners' });
  await expect(suggestions.getByRole('listitem').filter({ hasText: 'Bridge Street Clinic' })).toContainText('Waiting for review');
  await expect(page.getByRole('region', { name: 'Partner directory' }).getByRole('listitem')).toHaveCount(0);
  await lock(page);

  // The administrator approves it: it joins the directory.
  await signIn(page, who);
  await goToSection(page, 'Partners');
  await page.getByRole('button', { name: 'Approve Bridge Street Clinic' }).click();
  await expect(page.getByText('Bridge Street Clinic is now in the directory.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Partner directory' }).getByRole('listitem').filter({ hasText: 'Bridge Street Clinic' })).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'partners (admin)');

  // The access log says what happened in words, not code names.
  await goToSection(page, 'Access log');
  const log = page.getByRole('table', { name: 'Entries' });
  await expect(log.getByRole('cell', { name: /^Approved or declined a suggested partner/u })).toBeVisible({ timeout: KDF_TIMEOUT });
  await expect(log.getByRole('cell', { name: /^Suggested a partner for the directory/u })).toBeVisible();
  await expect(log.getByRole('cell', { name: /^Looked at a case’s plan|^Opened a case/u }).first()).toBeVisible();

  // In Spanish, roles name the person.
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByText('Sesión de Morgan Firstday, Administrador/a')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Administración', exact: true }).click();
  await expect(page.getByRole('table').getByRole('cell', { name: 'Trabajador/a social', exact: true })).toBeVisible();
});
