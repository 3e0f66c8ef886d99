// The form bugs a new user hit, each as a short story on the built renderer against the real
// dispatcher: the report setting opens with the number in force; choosing a "why no answer" reason
// says it sets the ticked answers aside and gives them back; the goal form's step button says "another"
// once a step exists; the close-case dialog picks nothing for the worker and asks for a choice.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient, openSection, openTab } from './support/intake.page';
import { formPanel, openCaseTab, planSection } from './support/plan.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency, type Agency } from './support/session';
import { goToSection } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const who: Agency = { agency: 'Canary Shelter Fo4Rm7', admin: 'Canary Worker Kd2Lx9', passphrase: 'canary lantern Qe6Tz3 orchard' };
const NAME = 'Canary-Name-Fm52';

test('forms open with what is saved, keep what was chosen, and pick nothing for the worker', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);

  // Admin: "Smallest count shown" opens with the number in force, and again after a save.
  await goToSection(page, 'Admin');
  const smallest = page.getByLabel('Smallest count shown');
  await expect(smallest).toHaveValue('10');
  await smallest.fill('15');
  const suppression = page.getByRole('region', { name: 'Small counts in reports' });
  await suppression.getByRole('button', { name: 'Save' }).click();
  await expect(suppression.getByRole('status')).toContainText('Saved.');
  await expectNoSeriousA11yIssues(page, 'report settings');
  await goToSection(page, 'Caseload');
  await goToSection(page, 'Admin');
  await expect(page.getByLabel('Smallest count shown')).toHaveValue('15');

  // Intake: a reason sets the ticked answers aside and says so; taking it away brings them back.
  await createClient(page, { chosenName: NAME });
  await openTab(page, 'Intake');
  const happened = await openSection(page, 'What happened to them');
  const controlled = happened.getByRole('group', { name: 'Ways they were controlled' });
  await controlled.getByLabel('Debt', { exact: true }).check();
  const reason = happened.getByLabel('Ways they were controlled: or why there is no answer');
  await reason.selectOption({ label: 'Client prefers not to answer' });
  await expect(controlled.getByRole('status')).toContainText('The ticked answers (Debt) are set aside');
  await expectNoSeriousA11yIssues(page, 'reason sets answers aside');
  await reason.selectOption({ label: 'Answered above, or not asked yet' });
  await expect(controlled.getByLabel('Debt', { exact: true })).toBeChecked();
  await expect(controlled.getByRole('status')).toHaveText('');

  // Plan: once a step row exists, the button adds another.
  await openCaseTab(page, 'Plan');
  const goals = planSection(page, 'Goals');
  await goals.getByRole('button', { name: 'Add a goal' }).click();
  const goalForm = formPanel(goals, 'Add a goal');
  await goalForm.getByRole('button', { name: 'Add a first step' }).click();
  await expect(goalForm.getByLabel('Step 1', { exact: true })).toBeVisible();
  await expect(goalForm.getByRole('button', { name: 'Add a first step' })).toHaveCount(0);
  await goalForm.getByRole('button', { name: 'Add another step' }).click();
  await expect(goalForm.getByLabel('Step 2', { exact: true })).toBeVisible();
  await goalForm.getByRole('button', { name: 'Cancel' }).click();

  // Closing: reason and destination start empty and must be chosen.
  await page.getByRole('button', { name: 'Close this case' }).click();
  const dialog = page.getByRole('dialog', { name: `Close the case of ${NAME}?` });
  await expect(dialog.getByLabel('Reason')).toHaveValue('');
  await expect(dialog.getByLabel('Where they are going')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Close the case' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Please check the highlighted fields. Nothing was saved.');
  await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Reason')).toBeFocused();
  await expect(dialog.getByLabel('Where they are going')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yIssues(page, 'close case dialog with problems');
  await dialog.getByLabel('Reason').selectOption({ label: 'Goals met' });
  await dialog.getByLabel('Where they are going').selectOption({ label: 'Own housing' });
  await dialog.getByRole('button', { name: 'Close the case' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('The case is closed.')).toBeVisible();
});
