// At 200% zoom (a 1280-pixel window shows 640 CSS pixels) wide tables scroll sideways. A table with
// nothing to focus inside it (the access log) could not be scrolled from the keyboard, so its last
// columns were out of reach (axe: scrollable-region-focusable). Such a table is now a named stop
// that the arrow keys scroll, and only while it is wider than the window.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';
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
