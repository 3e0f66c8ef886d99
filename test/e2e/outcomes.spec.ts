// Issue #6, end to end. A caseworker records an intake and a follow-up assessment and sees the
// client's progress at a glance: goals achieved, the change from first to latest per area, a chart
// with its figures in its accessible name, and the same scores in a table a screen reader can read.
// An auditor then shows last year's outcome report, where small counts are ranges and no name
// appears; exports it as CSV, JSON and PDF with a signed manifest; checks the folder as complete and
// unaltered; changes one byte of one file and sees the check name that file. No name typed anywhere
// reaches an exported file. Built renderer in Debian's Chromium against the real dispatcher.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { defaultInstrument } from '../../shared/outcomes/default-instrument';
import { pdfText } from '../helpers/pdf';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { recordAssessment } from './support/outcomes.page';
import { createClient, openSection, openTab, saveSection } from './support/intake.page';
import { addGoal, formPanel, goalItem, logService, openCaseTab } from './support/plan.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { lock, setUpAgency, type Agency } from './support/session';
import { addStaff, firstSignIn, goToSection, hideSetupCode, openFirstSignIn } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

// Synthetic people; the names double as canaries that must never reach a report.
const who: Agency = { agency: 'Synthetic Outcome Shelter Kq4Zt', admin: 'Synthetic Worker Pm7Rd', passphrase: 'synthetic orchard Vx3Lw kettle' };
const CLIENT = 'Synthetic Rowan Outcome Hj52';
const GOAL_DONE = 'Synthetic-Goal-Wn61 find a safe flat';
const GOAL_OPEN = 'Synthetic-Goal-Бт38 steady work';
const SERVICE_NOTE = 'Synthetic-ServiceNote-Qe27 clinic visit';
const AUDITOR = 'Synthetic Auditor Gs8Yc';
const AUDITOR_PASSPHRASE = 'synthetic pebble Tz5Nm harbour';

// Everything happened last calendar year (on this computer's calendar, as the Reports page counts it).
const Y = new Date().getFullYear() - 1;
const INTAKE_DATE = `${Y}-02-10`;
const SERVICE_DATE = `${Y}-03-05`;
const FIRST_ASSESSMENT = `${Y}-02-12`;
const FOLLOW_UP = `${Y}-08-20`;
const GOAL_ACHIEVED_ON = `${Y}-09-01`;

type Scores = Record<string, number>;
const INTAKE_SCORES: Scores = { Housing: 1, Income: 3, Safety: 2 };
const FOLLOW_UP_SCORES: Scores = { Housing: 3, Income: 2, Safety: 3, Employment: 2 };
const INSTRUMENT = defaultInstrument.name.en;

/** A day as the screens show it in English ("Feb 12, 2025"): medium style, read as a calendar day. */
function shownDay(iso: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** The page's whole markup, as a script in the page (or a screen reader) could read it. */
function pageHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** The description beside a term in a facts list (<dt>/<dd>). */
function fact(scope: Locator, term: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${term}$`, 'u') }).locator('xpath=following-sibling::dd');
}

/** A client whose whole year so far was last year: intake date, two goals (one achieved), a service
 * and an intake and a follow-up assessment. Leaves the Outcomes tab open. */
async function recordLastYear(page: Page): Promise<Locator> {
  await createClient(page, { chosenName: CLIENT });

  await openTab(page, 'Intake');
  const referral = await openSection(page, 'How they came to us');
  await referral.getByLabel('Intake date').fill(INTAKE_DATE);
  await saveSection(referral);

  await openCaseTab(page, 'Plan');
  await addGoal(page, { area: 'Housing', title: GOAL_DONE });
  await addGoal(page, { area: 'Employment', title: GOAL_OPEN });
  const done = goalItem(page, GOAL_DONE);
  await done.getByRole('button', { name: 'Change status' }).click();
  const statusForm = formPanel(done, `Change the status of “${GOAL_DONE}”`);
  await statusForm.getByLabel('Status', { exact: true }).selectOption({ label: 'Achieved' });
  await statusForm.getByLabel('Date', { exact: true }).fill(GOAL_ACHIEVED_ON);
  await statusForm.getByRole('button', { name: 'Save status' }).click();
  await expect(done).toContainText(`Achieved on ${shownDay(GOAL_ACHIEVED_ON)}`);
  await logService(page, { date: SERVICE_DATE, category: 'Legal', minutes: '60', note: SERVICE_NOTE });

  const outcomes = await openTab(page, 'Outcomes');
  await recordAssessment(outcomes, { instrument: INSTRUMENT, takenOn: FIRST_ASSESSMENT, kind: 'At intake', scores: INTAKE_SCORES });
  await recordAssessment(outcomes, { instrument: INSTRUMENT, takenOn: FOLLOW_UP, kind: 'Follow-up', scores: FOLLOW_UP_SCORES });
  return outcomes;
}

test('a caseworker sees a client’s progress at a glance: goals achieved, change per area, chart and table', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  await createClient(page, { chosenName: 'Synthetic Sage Empty Lr90' });
  const empty = await openTab(page, 'Outcomes');
  const emptyGlance = empty.getByRole('region', { name: 'Progress at a glance' });
  await expect(emptyGlance).toContainText('No assessments recorded yet.');
  await expect(fact(emptyGlance, 'Next assessment')).toHaveText('None recorded yet. Record the first one at intake.');
  await empty.getByRole('button', { name: 'Record an assessment' }).click();
  await expect(formPanel(empty, 'Record an assessment').getByLabel('Kind of assessment').locator('option:checked')).toHaveText('At intake');
  await expectNoSeriousA11yIssues(page, 'outcomes, record an assessment');
  // Saved with no level chosen: focus goes to the first area, which says what to do (it stayed on
  // the Save button, with the message far above it at the top of the long form).
  const form = formPanel(empty, 'Record an assessment');
  await form.getByRole('button', { name: 'Save assessment' }).click();
  const firstLevel = form.getByRole('group').first().getByRole('radio').first();
  await expect(firstLevel).toBeFocused();
  await expect(firstLevel).toHaveAccessibleDescription('Choose a level for at least one area.');
  await form.getByRole('button', { name: 'Cancel' }).click();

  const outcomes = await recordLastYear(page);

  // At a glance: one of the two goals achieved, two assessments, and the change per area in words.
  const glance = outcomes.getByRole('region', { name: 'Progress at a glance' });
  await expect(fact(glance, 'Goals achieved')).toHaveText('1 of 2');
  await expect(fact(glance, 'Assessments recorded')).toHaveText('2');
  await expect(fact(glance, 'Next assessment')).toContainText('Next assessment due on');
  const change = glance.getByRole('list');
  // Employment was scored at follow-up only, so it has no change to show.
  await expect(change.getByRole('listitem')).toHaveCount(3);
  await expect(change.getByRole('listitem').filter({ hasText: /^Housing / })).toHaveText('Housing +2: better by 2 levels (from 1 to 3)');
  await expect(change.getByRole('listitem').filter({ hasText: /^Safety / })).toHaveText('Safety +1: better by 1 level (from 2 to 3)');
  await expect(change.getByRole('listitem').filter({ hasText: /^Income / })).toHaveText('Income \u22121: lower by 1 level (from 3 to 2)');

  // The charts: one image per area scored, its figures in its accessible name.
  const overTime = outcomes.getByRole('region', { name: 'Scores over time' });
  await expect(overTime.getByRole('img')).toHaveCount(4);
  const [first, later] = [shownDay(FIRST_ASSESSMENT), shownDay(FOLLOW_UP)];
  await expect(overTime.getByRole('img', { name: `Housing: 1 on ${first}; 3 on ${later}. Change from first to latest: +2.`, exact: true })).toBeVisible();
  await expect(overTime.getByRole('img', { name: `Income: 3 on ${first}; 2 on ${later}. Change from first to latest: \u22121.`, exact: true })).toBeVisible();
  await expect(overTime.getByRole('img', { name: `Employment: 2 on ${later}.`, exact: true })).toBeVisible();

  // The table: areas as row headers, one column per assessment in date order, headed by its date.
  const table = overTime.getByRole('table', { name: `Scores by area and date (${INSTRUMENT})` });
  await expect(table.getByRole('columnheader')).toHaveText(['Area', new RegExp(`^${first}\\s*At intake$`, 'u'), new RegExp(`^${later}\\s*Follow-up$`, 'u')]);
  await expect(table.getByRole('rowheader')).toHaveText(defaultInstrument.domains.map((d) => d.label.en));
  const row = (area: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: area, exact: true }) }).getByRole('cell');
  await expect(row('Housing')).toHaveText(['1', '3']);
  await expect(row('Income')).toHaveText(['3', '2']);
  await expect(row('Safety')).toHaveText(['2', '3']);
  await expect(row('Employment')).toHaveText([/Not scored/u, '2']);
  await expectNoSeriousA11yIssues(page, 'outcomes, two assessments');
});

test('an auditor shows last year’s report, exports it, and the check finds a changed byte', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  await recordLastYear(page);

  // The administrator adds an auditor, who signs in for the first time with the setup code.
  await goToSection(page, 'Admin');
  // Admin shows the agency's report signature fingerprint, the one it prints and publishes.
  const shownFingerprint = (await page.getByRole('region', { name: 'Report signature' }).getByRole('definition').first().textContent())!.trim();
  expect(shownFingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/u);
  const code = await addStaff(page, AUDITOR, 'Auditor');
  await hideSetupCode(page, AUDITOR);
  await lock(page);
  await openFirstSignIn(page);
  await firstSignIn(page, AUDITOR, code, AUDITOR_PASSPHRASE);
  await goToSection(page, 'Reports');

  // Last calendar year is the usual period, and the default.
  const lastYear = page.getByRole('group', { name: 'Or choose a usual period:' }).getByRole('button', { name: 'Last calendar year' });
  await lastYear.click();
  await expect(lastYear).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(`${Y}-01-01`);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(`${Y}-12-31`);
  await page.getByRole('button', { name: 'Show report' }).click();
  const report = page.getByRole('region', { name: `Outcome report, ${shownDay(`${Y}-01-01`)} to ${shownDay(`${Y}-12-31`)}` });
  await expect(report).toBeVisible();

  // One person served: every count of them is the range, never the number; a true zero is shown.
  const cells = (table: string, rowName: string) =>
    report
      .getByRole('table', { name: table, exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: rowName, exact: true }) })
      .getByRole('cell');
  await expect(report.getByRole('table', { name: 'Clients served', exact: true }).getByRole('columnheader')).toHaveText(['Measure', 'Clients']);
  await expect(cells('Clients served', 'New')).toHaveText(['1-10']);
  await expect(cells('Clients served', 'Continuing')).toHaveText(['0']);
  await expect(cells('Clients served', 'Total')).toHaveText(['1-10']);
  await expect(cells('Services by category', 'Legal')).toHaveText(['1-10', '1-10']);
  await expect(cells('Change in assessment scores (first to latest)', 'Housing')).toHaveText(['1-10', 'not shown', '1-10']);
  await expect(report.getByText('To protect privacy, any count from 1 to 10 is shown as “1-10”')).toBeVisible();
  for (const name of ['Adult or minor at intake', 'Goals by status', 'Referrals by status', 'Exits by destination']) {
    await expect(report.getByRole('table', { name, exact: true })).toBeVisible();
  }
  const names = [CLIENT, GOAL_DONE, GOAL_OPEN, SERVICE_NOTE];
  const shown = await pageHtml(page);
  for (const name of names) expect(shown, `the report page shows ${name}`).not.toContain(name);
  await expectNoSeriousA11yIssues(page, 'reports, last year shown');

  // Export to a folder typed as a path. The page's progress is watched as it changes, since the
  // export may be over before a poll would see it.
  const exportSection = page.getByRole('region', { name: 'Export report' });
  await expect(exportSection).toContainText(`The report for ${shownDay(`${Y}-01-01`)} to ${shownDay(`${Y}-12-31`)} will be saved`);
  const parent = join(run.root, 'usb-drive');
  await exportSection.getByLabel('Folder to save the report in').fill(parent);
  const formats = exportSection.getByRole('group', { name: 'Formats' }).getByRole('checkbox');
  await expect(formats).toHaveCount(3);
  for (const box of await formats.all()) await expect(box).toBeChecked();
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { exportSeen: string[] }).exportSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar) seen.push(`bar ${bar.value}/${bar.max}`);
      for (const status of document.querySelectorAll('[role="status"]')) if (status.textContent) seen.push(status.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await exportSection.getByRole('button', { name: 'Export' }).click();
  const folder = join(parent, `safehold-report-${Y}-01-01-to-${Y}-12-31`);
  await expect(exportSection.getByRole('status')).toHaveText(`The report was saved in ${folder}`);
  const seen = await page.evaluate(() => (window as unknown as { exportSeen: string[] }).exportSeen);
  expect(seen.some((s) => s.startsWith('bar '))).toBe(true);
  expect(seen.filter((s) => /^Saved \d+ of \d+ files…$/u.test(s)).length, `progress seen: ${[...new Set(seen)].join(' | ')}`).toBeGreaterThan(0);

  // On disk: a CSV per table, the JSON and the PDF, and a manifest listing exactly those files.
  const onDisk = readdirSync(folder).sort();
  const listed = await exportSection.getByRole('list').getByRole('listitem').allInnerTexts();
  expect(listed.map((s) => s.trim()).sort()).toEqual(onDisk);
  expect(onDisk).toEqual(expect.arrayContaining(['clients_served.csv', 'services_by_category.csv', 'assessment_change.csv', 'report.json', 'report.pdf', 'manifest.json']));
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { period: unknown; files: { name: string }[] };
  expect(manifest.period).toEqual({ from: `${Y}-01-01`, to: `${Y}-12-31` });
  expect(manifest.files.map((f) => f.name).sort()).toEqual(onDisk.filter((f) => f !== 'manifest.json'));
  const servedCsv = readFileSync(join(folder, 'clients_served.csv'), 'utf8');
  expect(servedCsv).toContain('Total,1-10\r\n');
  const json = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as { tables: { name: string }[] };
  expect(json.tables.map((t) => t.name)).toContain('clients_served');
  expect(readFileSync(join(folder, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfWords = await pdfText(join(folder, 'report.pdf'));
  expect(pdfWords).toContain('Clients served');
  expect(pdfWords).toContain(`Period: ${Y}-01-01 to ${Y}-12-31`);

  // The check: complete and unaltered, for the period it was made for.
  const verify = page.getByRole('region', { name: 'Check a report' });
  await verify.getByLabel('Folder of the report').fill(folder);
  await verify.getByRole('button', { name: 'Check report' }).click();
  await expect(verify.getByRole('status')).toHaveText('This report is complete and unaltered.');
  await expect(fact(verify, 'Period')).toHaveText(`${shownDay(`${Y}-01-01`)} to ${shownDay(`${Y}-12-31`)}`);
  await expect(verify.getByRole('alert')).toHaveCount(0);
  await expectNoSeriousA11yIssues(page, 'reports, exported and checked');

  // One byte of one CSV changed, as someone "correcting" a count would: the check names that file.
  const csvPath = join(folder, 'clients_served.csv');
  const bytes = readFileSync(csvPath);
  const at = bytes.indexOf('Total,1-10') + 'Total,'.length;
  bytes[at] = '9'.charCodeAt(0);
  writeFileSync(csvPath, bytes);
  await verify.getByRole('button', { name: 'Check report' }).click();
  const alert = verify.getByRole('alert');
  await expect(alert).toContainText('This report is not complete, or something in it was changed after it was made:');
  await expect(alert.getByRole('listitem')).toHaveText(['clients_served.csv was changed after the report was made.']);
  await expect(verify.getByRole('status')).not.toContainText('complete and unaltered');

  // No name typed in this run is in any exported file, in any encoding, nor in the PDF's text.
  const canaries = [...names, who.agency, who.admin, AUDITOR];
  expect(scanForCanaries([folder], canaries)).toEqual([]);
  for (const name of canaries) expect(pdfWords, `report.pdf shows ${name}`).not.toContain(name);

  // The check against the agency's published fingerprint: a different one says plainly the agency did not sign.
  writeFileSync(csvPath, readFileSync(csvPath).fill('1'.charCodeAt(0), at, at + 1));
  await verify.getByLabel('Fingerprint the agency published').fill('0000 1111 2222 3333 4444 5555 6666 7777');
  await verify.getByRole('button', { name: 'Check report' }).click();
  await expect(verify.getByText('This report was not signed by the agency’s key. Do not rely on its figures.')).toBeVisible();
  // The fingerprint Admin showed, typed in by the auditor as published (any case, no spaces): the check
  // names it as the signer.
  await verify.getByLabel('Fingerprint the agency published').fill(shownFingerprint.toUpperCase().replaceAll(' ', ''));
  await verify.getByRole('button', { name: 'Check report' }).click();
  await expect(verify.getByRole('status')).toHaveText('This report is complete and unaltered.');
  await expect(verify.getByText('It was signed by the key whose fingerprint you typed.')).toBeVisible();
  await expect(verify.getByText('This report was not signed by the agency’s key. Do not rely on its figures.')).toHaveCount(0);
  await verify.getByLabel('Fingerprint the agency published').fill('');

  // A submission pack: exact counts only with a reason, marked, and checked as such.
  await exportSection.getByRole('checkbox', { name: /Make a submission pack with exact counts/u }).check();
  await exportSection.getByRole('button', { name: 'Export' }).click();
  await expect(exportSection.getByLabel('Why exact counts are needed')).toHaveAccessibleDescription(/Say in a sentence why exact counts are needed/u);
  await exportSection.getByLabel('Why exact counts are needed').fill('The state portal asks for exact yearly counts.');
  await exportSection.getByRole('button', { name: 'Export' }).click();
  const pack = `${folder}-exact-counts`;
  await expect(exportSection.getByRole('status')).toHaveText(`The report was saved in ${pack}`);
  expect(await pdfText(join(pack, 'report.pdf'))).toContain('Exact counts for submission — not for publication');
  await verify.getByLabel('Folder of the report').fill(pack);
  await verify.getByRole('button', { name: 'Check report' }).click();
  await expect(verify.getByRole('status')).toHaveText('This report is complete and unaltered.');
  await expect(verify.getByText('This is a submission pack: exact counts for a funder, without small counts hidden. It is not for publication.')).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'reports, submission pack');
});
