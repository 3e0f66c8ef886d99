// Bulk reassignment from the caseload (issue 16 §3): a supervisor or administrator chooses cases in the
// caseload list itself, with the keyboard (arrow keys between the rows' checkboxes, Space to tick), sees
// them in a table, and hands them to a colleague in one step; the list then shows the new worker. The
// checks speak the screen's language (none chosen, no one chosen). English and Spanish, axe on the way.
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { expectNoEnglish } from './support/untranslated';
import { createClient } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';
import { addStaff, hideSetupCode } from './support/staff.page';

let run: PreviewRun;
test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

type Lang = 'en' | 'es';
type Key = keyof typeof en;
function words(lang: Lang) {
  const catalog = lang === 'en' ? en : es;
  return (key: Key, vars: Record<string, string | number> = {}) => catalog[key].replace(/\{(\w+)\}/gu, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

async function setLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('combobox', { name: /^(Language|Idioma)$/u }).selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

for (const lang of ['en', 'es'] as const) {
  test(`choose cases in the caseload and hand them to a colleague (${lang})`, async () => {
    const t = words(lang);
    const TAKING = `Tay Taking ${lang}`;
    run = await startPreviewRun();
    const { page } = run;
    await setUpAgency(page);
    const cases = [await createClient(page, { chosenName: `Bulk One ${lang}` }), await createClient(page, { chosenName: `Bulk Two ${lang}` })];
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin', exact: true }).click();
    await addStaff(page, TAKING, 'Caseworker');
    await hideSetupCode(page, TAKING);
    await setLanguage(page, lang);

    await page.getByRole('navigation', { name: t('frame.nav') }).getByRole('link', { name: t('nav.caseload'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('caseload.title') })).toBeVisible();
    const choose = page.getByRole('button', { name: t('caseload.chooseCases') });
    await choose.click();
    await expect(choose).toHaveAttribute('aria-pressed', 'true');
    const panel = page.getByRole('region', { name: t('caseload.handOverTitle') });
    await expect(panel.getByText(t('caseload.noneChosen'))).toBeVisible();

    // Nothing chosen yet: the form says so in the screen's language, at the worker choice.
    await panel.getByRole('button', { name: t('reassign.submit') }).click();
    await expect(panel.getByText(t('reassign.chooseCases'))).toBeVisible();

    // Keyboard only: the first row's checkbox, Space, Down to the next row's checkbox, Space.
    const list = page.getByRole('list', { name: t('caseload.listLabel') });
    await list.getByRole('checkbox').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('checkbox').nth(1)).toBeFocused();
    await page.keyboard.press('Space');
    for (const [i, caseNumber] of cases.entries()) {
      await expect(list.getByRole('checkbox', { name: t('caseload.choose', { caseNumber, name: `Bulk ${i === 0 ? 'One' : 'Two'} ${lang}` }) })).toBeChecked();
    }
    const chosen = panel.getByRole('table', { name: t('caseload.chosenMany', { count: 2 }) });
    await expect(chosen.getByRole('row')).toHaveCount(3);
    await expectNoSeriousA11yIssues(page, `caseload, choosing cases (${lang})`);
    if (lang === 'es') await expectNoEnglish(page, `caseload, choosing cases (${lang})`);

    // No one chosen to take them: said at the worker choice, and nothing changes.
    await panel.getByRole('button', { name: t('reassign.submit') }).click();
    await expect(panel.getByText(t('reassign.chooseWorker'))).toBeVisible();
    await expect(panel.getByLabel(t('reassign.toWorker'))).toBeFocused();
    await panel.getByLabel(t('reassign.toWorker')).selectOption({ label: TAKING });
    await panel.getByRole('button', { name: t('reassign.submit') }).click();
    await expect(panel.getByText(t('reassign.saved'))).toBeVisible();
    await expect(panel.getByText(t('caseload.noneChosen'))).toBeVisible();
    await expect(list.getByText(t('caseload.worker', { name: TAKING }))).toHaveCount(2);
  });
}
