// At 200% zoom (a 1280-pixel window shows 640 CSS pixels) wide tables scroll sideways. A table with
// nothing to focus inside it (the access log) could not be scrolled from the keyboard, so its last
// columns were out of reach (axe: scrollable-region-focusable). Such a table is now a named stop
// that the arrow keys scroll, and only while it is wider than the window.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { KDF_TIMEOUT, setUpAgency } from './support/session';
import { goToSection } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

test('at 200% zoom the access log table is reached and scrolled with the keyboard', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await page.goto(run.url);
  await setUpAgency(page);
  await goToSection(page, 'Access log');
  await expect(page.getByRole('table', { name: 'Entries' }).getByRole('row').nth(1)).toBeVisible();
  // Wide window: the table fits, so it is no extra stop.
  await expect(page.getByRole('group', { name: 'Entries' })).toHaveCount(0);

  await page.setViewportSize({ width: 640, height: 420 });
  const scroller = page.getByRole('group', { name: 'Entries' });
  await expect(scroller).toHaveAttribute('tabindex', '0');
  await expectNoSeriousA11yIssues(page, 'access log at 200%');
  await scroller.focus();
  await expect(scroller).toBeFocused();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('at 200% zoom a table with a hidden column header scrolls inside itself, not the whole page', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page);
  await goToSection(page, 'Admin');
  const team = page.getByRole('region', { name: 'Team: laptops sharing this caseload' });
  const folder = join(run.root, 'team');
  mkdirSync(folder);
  await team.getByLabel('Shared folder').fill(folder);
  await team.getByRole('button', { name: 'Start a team with this laptop' }).click();
  await expect(team.getByRole('table', { name: 'Laptops in this team' })).toBeVisible({ timeout: KDF_TIMEOUT });
  // In Spanish its headers are long enough to need more than the window.
  await page.getByLabel('Language', { exact: true }).selectOption('es');
  await page.setViewportSize({ width: 640, height: 420 });
  await expect(page.getByRole('table', { name: 'Portátiles de este equipo' })).toBeVisible();
  // The table is wider than the window and scrolls sideways inside its own box.
  const scroller = page.locator('.admin-section .table-scroll').filter({ has: page.getByRole('table', { name: 'Portátiles de este equipo' }) });
  await expect.poll(() => scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
  // Its "Actions" header, hidden but for screen readers, widened the whole page by 36 pixels.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});
