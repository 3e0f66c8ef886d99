// Handover and the supervisor dashboard (issue 16 §3-4), as a new user would: the administrator hands
// a caseload to a colleague (bulk, from the dashboard), then deactivates a worker, choosing who takes
// each of their cases; a supervisor reads the dashboard and opens the list behind a number; the
// colleague who received a case sees its handover summary first. In English and in Spanish, with an
// axe check on each new screen. Built renderer in Debian's Chromium against the real dispatcher.
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { expectNoEnglish } from './support/untranslated';
import { createClient } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { lock, setUpAgency, type Agency } from './support/session';
import { addStaff, firstSignIn, hideSetupCode, openFirstSignIn } from './support/staff.page';

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
  const select = page.getByRole('combobox', { name: /^(Language|Idioma)$/u });
  await select.selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function goTo(page: Page, t: ReturnType<typeof words>, nav: Key, heading: Key): Promise<void> {
  await page.getByRole('navigation', { name: t('frame.nav') }).getByRole('link', { name: t(nav), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t(heading) })).toBeVisible();
}

for (const lang of ['en', 'es'] as const) {
  test(`hand a caseload over when deactivating a worker, and read the dashboard as a supervisor (${lang})`, async () => {
    // Four first sign-ins and a key rotation, each with a real Argon2id cost.
    test.setTimeout(300_000);
    const t = words(lang);
    const who: Agency = { agency: `Harbor ${lang}`, admin: `Ada Admin ${lang}`, passphrase: 'copper lantern meadow 42' };
    const LEAVING = `Lee Leaving ${lang}`;
    const TAKING = `Tay Taking ${lang}`;
    const OTHER = `Oli Other ${lang}`;
    const SUPERVISOR = `Sam Supervisor ${lang}`;
    run = await startPreviewRun();
    const { page } = run;
    await setUpAgency(page, who);
    const first = await createClient(page, { chosenName: `Case One ${lang}` });
    const second = await createClient(page, { chosenName: `Case Two ${lang}` });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Admin', exact: true }).click();
    const codes: Record<string, string> = {};
    for (const [name, role] of [[LEAVING, 'Caseworker'], [TAKING, 'Caseworker'], [OTHER, 'Caseworker'], [SUPERVISOR, 'Supervisor']] as const) {
      codes[name] = await addStaff(page, name, role);
      await hideSetupCode(page, name);
    }
    await setLanguage(page, lang);

    // Bulk reassignment from the dashboard: both of the admin's cases go to the worker who is leaving.
    await goTo(page, t, 'nav.dashboard', 'dashboard.title');
    // What "overdue" counts is said beside the figure (in Spanish it read "overdue tasks", which it does not count).
    await expect(page.getByText(t('dashboard.basisOverdue'))).toBeVisible();
    await expectNoSeriousA11yIssues(page, `dashboard (${lang})`);
    if (lang === 'es') await expectNoEnglish(page, `dashboard (${lang})`);
    await page.getByRole('button', { name: t('dashboard.openWorker', { name: who.admin, n: 2 }) }).click();
    const list = page.getByRole('region', { name: t('dashboard.workerList', { name: who.admin }) });
    await expect(list.getByRole('heading', { level: 2 })).toBeFocused();
    await list.getByRole('checkbox', { name: t('reassign.selectCase', { caseNumber: first }) }).check();
    await list.getByRole('checkbox', { name: t('reassign.selectCase', { caseNumber: second }) }).check();
    await list.getByLabel(t('reassign.toWorker')).selectOption({ label: LEAVING });
    await expectNoSeriousA11yIssues(page, `dashboard list (${lang})`);
    if (lang === 'es') await expectNoEnglish(page, `dashboard list (${lang})`);
    await list.getByRole('button', { name: t('reassign.submit') }).click();
    await expect(list.getByText(t('dashboard.noCases'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('dashboard.openWorker', { name: LEAVING, n: 2 }) })).toBeVisible();

    // Deactivating the leaver: a choice for every case is required before anything changes.
    await goTo(page, t, 'nav.admin', 'admin.title');
    const leaverRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${LEAVING}`, 'u') }) });
    await leaverRow.getByRole('button', { name: new RegExp(`^${t('staff.deactivate')}`, 'u') }).click();
    const dialog = page.getByRole('dialog', { name: t('staff.deactivateTitle', { name: LEAVING }) });
    await expect(dialog.getByRole('group', { name: t('handover.legend', { n: 2 }) })).toBeVisible();
    await expectNoSeriousA11yIssues(page, `deactivate with handover (${lang})`);
    if (lang === 'es') await expectNoEnglish(page, `deactivate with handover (${lang})`);
    await dialog.getByRole('button', { name: t('staff.deactivateConfirm'), exact: true }).click();
    await expect(dialog.getByText(t('handover.chooseForAll'))).toBeVisible();
    await expect(dialog.getByLabel(t('handover.everyoneTo'))).toBeFocused();
    // One colleague for all, and the second case to someone else.
    await dialog.getByLabel(t('handover.everyoneTo')).selectOption({ label: TAKING });
    await dialog.getByLabel(t('handover.caseLabel', { caseNumber: second, name: `Case Two ${lang}` })).selectOption({ label: OTHER });
    await dialog.getByRole('button', { name: t('staff.deactivateConfirm'), exact: true }).click();
    await expect(page.getByText(t('staff.deactivatedNote', { name: LEAVING }))).toBeVisible({ timeout: 60_000 });

    // A supervisor reads the dashboard and opens the list behind a number.
    await setLanguage(page, 'en');
    await lock(page);
    await openFirstSignIn(page);
    await firstSignIn(page, SUPERVISOR, codes[SUPERVISOR]!, 'supervisor passphrase 2026');
    await setLanguage(page, lang);
    await goTo(page, t, 'nav.dashboard', 'dashboard.title');
    await page.getByRole('button', { name: t('dashboard.openWorker', { name: TAKING, n: 1 }) }).click();
    const takers = page.getByRole('region', { name: t('dashboard.workerList', { name: TAKING }) });
    await expect(takers.getByRole('link')).toHaveCount(1);
    await expect(takers.getByRole('link')).toContainText(first);
    await page.getByRole('button', { name: t('dashboard.openList', { label: t('dashboard.noContact', { days: 30 }), n: 2 }) }).click();
    await expect(page.getByRole('region', { name: t('dashboard.noContact', { days: 30 }) }).getByRole('link')).toHaveCount(2);

    // The colleague who received a case sees its handover summary first, until they have read it.
    await setLanguage(page, 'en');
    await lock(page);
    await openFirstSignIn(page);
    await firstSignIn(page, TAKING, codes[TAKING]!, 'taking passphrase 2026');
    await setLanguage(page, lang);
    await goTo(page, t, 'nav.caseload', 'caseload.title');
    await page.getByRole('link', { name: new RegExp(`Case One ${lang}`, 'u') }).click();
    const notice = page.getByRole('region', { name: t('handoverNotice.title') });
    await expect(notice).toContainText(LEAVING);
    await expect(notice.getByRole('heading', { name: t('handoverNotice.goals') })).toBeVisible();
    await expectNoSeriousA11yIssues(page, `handover notice (${lang})`);
    if (lang === 'es') await expectNoEnglish(page, `handover notice (${lang})`);
    await notice.getByRole('button', { name: t('handoverNotice.dismiss') }).click();
    await expect(notice).toHaveCount(0);
  });
}
