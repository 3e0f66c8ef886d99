// Two people save the same intake section (issue 14: the section is a form on the form layer): the
// later save is not lost or silently overwritten. The worker is told, keeps what they typed, and
// chooses: look at the other version, or save theirs over it. The other person's save is made through
// the page's own bridge, as another screen of the app would send it.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient, openSection, openTab, saveSection } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

/** Saves the citizenship section as someone else would, from the version they had opened. */
async function savedElsewhere(page: Page, countryOfOrigin: string, baseVersion: number): Promise<void> {
  const clientId = /#\/clients\/([0-9a-f]{32})/u.exec(page.url())?.[1];
  expect(clientId).toBeDefined();
  const answer = await page.evaluate(
    async (input) => {
      const bridge = (window as unknown as { safehold: { invoke(method: string, input: unknown): Promise<unknown> } }).safehold;
      return bridge.invoke('intake.saveSection', input);
    },
    { clientId, section: 'citizenship', data: { countryOfOrigin }, baseVersion },
  );
  expect(answer).toMatchObject({ ok: true });
}

test('a section saved by someone else meanwhile keeps what was typed, and the worker chooses whose version stays', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page);
  await createClient(page, { chosenName: 'Noor Tester' });
  await openTab(page, 'Intake');
  const origin = await openSection(page, 'Citizenship and origin');
  const country = origin.getByLabel('Country of origin', { exact: true });
  const conflict = origin.getByRole('alert').filter({ hasText: 'Someone else saved this section since you opened it.' });

  // Someone else saves first: the save here is stopped, and what was typed stays.
  await country.fill('Typed here');
  await savedElsewhere(page, 'Saved elsewhere', 0);
  await origin.getByRole('button', { name: 'Save this section' }).click();
  await expect(conflict).toBeVisible();
  await expect(country).toHaveValue('Typed here');
  await expectNoSeriousA11yIssues(page, 'intake save conflict');

  // Looking at their version shows it, and saving from there works.
  await conflict.getByRole('button', { name: 'Show their version instead' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(country).toHaveValue('Saved elsewhere');
  await country.fill('Typed after looking');
  await saveSection(origin);

  // It happens again (their version is now 3): this time the worker saves theirs over it.
  await country.fill('Mine wins');
  await savedElsewhere(page, 'Theirs again', 2);
  await origin.getByRole('button', { name: 'Save this section' }).click();
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Save my version' }).click();
  await expect(origin.getByRole('status').filter({ hasText: 'This section has been saved.' })).toHaveText('This section has been saved.');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Noor Tester' })).toBeVisible();
  await openTab(page, 'Intake');
  await expect((await openSection(page, 'Citizenship and origin')).getByLabel('Country of origin', { exact: true })).toHaveValue('Mine wins');
});
