// Dates in forms (issue 14): the browser's date input holds the day, and the field writes it out in
// the person's language below, so an order like 03/04 can never be misread; a date typed only in
// part is refused with plain words instead of being dropped without a word. Built renderer against
// the real dispatcher, on the intake's date of birth (a reason-code question on the form layer).
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient, openSection, openTab, saveSection } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

test('a date is written out in the person’s language, and a half-typed date is refused, not dropped', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page);
  await createClient(page, { chosenName: 'Dana Fecha' });
  await openTab(page, 'Intake');
  const identity = await openSection(page, 'Identity and background');
  const born = identity.getByLabel('Date of birth', { exact: true });

  // Only the month is typed (the browser here orders month, day, year), then Save is pressed.
  await born.focus();
  await page.keyboard.type('03');
  await identity.getByRole('button', { name: 'Save this section' }).click();
  await expect(identity.getByRole('alert')).toHaveText('Please check the highlighted fields. Nothing was saved.');
  await expect(born).toHaveAttribute('aria-invalid', 'true');
  await expect(born).toBeFocused();
  await expect(born).toHaveAccessibleDescription('This date is not complete. Enter the day, the month and the year, or clear it.');
  await expectNoSeriousA11yIssues(page, 'half-typed date');

  // The whole date: main gets YYYY-MM-DD, the person reads the day in words.
  await born.fill('2001-03-15');
  await expect(born).toHaveAccessibleDescription(/Thursday, March 15, 2001$/u);
  await saveSection(identity);
  await expect(born).toHaveValue('2001-03-15');
  await expect(born).toHaveAccessibleDescription('Thursday, March 15, 2001');

  // In Spanish the same day reads in Spanish, while the value kept is the same.
  await page.getByLabel('Language', { exact: true }).selectOption('es');
  const nacimiento = page.getByLabel('Fecha de nacimiento', { exact: true });
  await expect(nacimiento).toHaveValue('2001-03-15');
  await expect(nacimiento).toHaveAccessibleDescription('jueves, 15 de marzo de 2001');
  await expectNoSeriousA11yIssues(page, 'a date in Spanish');
});
