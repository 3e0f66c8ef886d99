// An administrator adds an assessment instrument, in English and Spanish, and then a domain to it:
// a missing level is said at that field (focus goes there), nothing is saved until every text is in
// both languages, and the new instrument and domain are listed. On the form layer; axe-clean.
import { expect, test, type Locator } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { formPanel } from './support/plan.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';
import { goToSection } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

async function fillDomain(form: Locator, name: string, skipLevel?: number): Promise<void> {
  await form.getByLabel('Domain name in English').fill(name);
  await form.getByLabel('Domain name in Spanish').fill(`${name} (es)`);
  for (let n = 1; n <= 5; n++) {
    if (n !== skipLevel) await form.getByLabel(`Level ${n} in English`).fill(`${name} level ${n}`);
    await form.getByLabel(`Level ${n} in Spanish`).fill(`${name} nivel ${n}`);
  }
}

test('an administrator adds an instrument and a domain to it', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await page.goto(run.url);
  await setUpAgency(page);
  await goToSection(page, 'Admin');
  const instruments = page.getByRole('region', { name: 'Assessment instruments' });

  await instruments.getByRole('button', { name: 'Add an instrument' }).click();
  const form = formPanel(instruments, 'Add an instrument');
  await form.getByLabel('Instrument name in English').fill('Housing Steps');
  await form.getByLabel('Instrument name in Spanish').fill('Pasos de vivienda');
  await fillDomain(form, 'Tenancy', 3);
  await form.getByRole('button', { name: 'Save instrument' }).click();
  await expect(form.getByLabel('Level 3 in English')).toBeFocused();
  await expect(form.getByRole('alert')).toContainText('Please check the highlighted fields. Nothing was saved.');
  await expectNoSeriousA11yIssues(page, 'instrument form with a problem');
  await form.getByLabel('Level 3 in English').fill('Tenancy level 3');
  await form.getByRole('button', { name: 'Save instrument' }).click();
  await expect(instruments.getByRole('status').filter({ hasText: 'The instrument “Housing Steps” was added.' })).toBeVisible();

  const added = instruments.getByRole('region', { name: 'Housing Steps' });
  await expect(added.getByText('Tenancy', { exact: true })).toBeVisible();
  await added.getByRole('button', { name: 'Add a domain to Housing Steps' }).click();
  const domainForm = formPanel(added, 'Add a domain to Housing Steps');
  await fillDomain(domainForm, 'Repairs');
  await domainForm.getByRole('button', { name: 'Save domain' }).click();
  await expect(instruments.getByRole('status').filter({ hasText: 'The domain “Repairs” was added to Housing Steps.' })).toBeVisible();
  await expect(added.getByText('Repairs', { exact: true })).toBeVisible();
});
