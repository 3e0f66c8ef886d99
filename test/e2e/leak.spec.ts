// One long visit through every screen a worker can reach today (first contact, intake, consents,
// plan, services, milestones, notes, safety plan, outcomes, lock and sign-in) and an administrator's
// (reports shown, exported and checked; Admin's assessment instruments and backups), typing more than
// a thousand random canary strings in four scripts; half-way through, the app is killed without
// warning and started again on the same folders. Afterwards every file under the data folder, the
// temp folder, the browser profile, the exported report's folder and the backup's folder is scanned
// for every canary, in every encoding: there must be none (the report is de-identified counts, the
// backup is encrypted). Built renderer in Debian's Chromium against the real dispatcher.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CanaryPool, makeCanaries, scanForManyCanaries } from './support/canaries';
import { caseList, createClient, goToCaseload, isoDay, openFromCaseload, openSection, openTab, resultCount, saveSection, search } from './support/intake.page';
import { addGoal, formPanel, logService, openCaseTab, planSection } from './support/plan.page';
import { recordAssessment } from './support/outcomes.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { lock, setUpAgency, signIn, type Agency } from './support/session';
import { goToSection } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const SEED = 0x5afe4011;

/**
 * A person pauses with what they typed still in the form. Chromium syncs a page's state (form
 * fields included) to the browser about a second after it changes, and the browser may write it to
 * the profile; a test that types and saves at machine speed would never give it the chance.
 */
async function dwell(page: Page): Promise<void> {
  await page.waitForTimeout(1_500);
}
const pool = new CanaryPool(makeCanaries(SEED, 1200));

async function addConsentWith(page: Page, purpose: string, recipient: string): Promise<void> {
  const panel = await openCaseTab(page, 'Consents');
  await panel.getByRole('button', { name: 'Add consent' }).click();
  const form = panel.getByRole('region', { name: 'Add consent' });
  await form.getByLabel('Kind of consent').selectOption({ label: 'Share information with a partner' });
  await form.getByLabel('Partner organization it allows sharing with').fill(recipient);
  await form.getByLabel('Purpose').fill(purpose);
  await form.getByRole('group', { name: 'Information it covers' }).getByLabel('Services received').check();
  await form.getByLabel('Start date').fill(isoDay(0));
  await dwell(page);
  await form.getByRole('button', { name: 'Save consent' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: recipient })).toBeVisible();
}

async function addNote(page: Page, body: string, restricted: boolean): Promise<void> {
  const notes = await openCaseTab(page, 'Notes');
  await notes.getByRole('button', { name: 'Add a note' }).click();
  const form = formPanel(notes, 'Add a note');
  await form.getByLabel('Note', { exact: true }).fill(body);
  await form.getByLabel('Only me and supervisors can read this note').setChecked(restricted);
  await dwell(page);
  await form.getByRole('button', { name: 'Save note' }).click();
  await expect(form).toHaveCount(0);
  await expect(notes.getByRole('listitem').filter({ hasText: body.slice(0, 30) })).toBeVisible();
}

/** A day as the screens show it in English ("Feb 12, 2025"). */
function shownDay(iso: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** Chooses one of the Reports page's usual periods and shows its report. */
async function showReport(page: Page, usual: 'Last calendar year' | 'This year so far', period: { from: string; to: string }): Promise<void> {
  await page.getByRole('group', { name: 'Or choose a usual period:' }).getByRole('button', { name: usual }).click();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(period.from);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(period.to);
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('region', { name: `Outcome report, ${shownDay(period.from)} to ${shownDay(period.to)}` })).toBeVisible();
}

/** Fills the first `values.length` rows of a safety-plan list, adding each row with its button. */
async function fillSafetyList(page: Page, addButton: string, itemLabel: (n: number) => string, values: string[]): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Safety plan', exact: true });
  for (const [i, value] of values.entries()) {
    await panel.getByRole('button', { name: addButton }).click();
    await panel.getByLabel(itemLabel(i + 1), { exact: true }).fill(value);
  }
}

test('a thousand canaries typed through every reachable screen, with a kill half-way, leave no trace on disk', async () => {
  test.setTimeout(600_000);
  const who: Agency = { agency: pool.one('agency name'), admin: pool.one('administrator name'), passphrase: `${pool.take(3, 'passphrase').join(' ')}` };
  run = await startPreviewRun();

  // The scan must be able to find what it looks for: a control file outside the scanned folders.
  const control = join(run.root, 'scan-control');
  mkdirSync(control);
  const [c1, c2, c3] = makeCanaries(SEED + 1, 3) as [string, string, string];
  writeFileSync(join(control, 'a'), Buffer.concat([Buffer.from('xx'), Buffer.from(c1, 'utf16le'), Buffer.from(Buffer.from(c2).toString('hex')), Buffer.from(c3.toUpperCase())]));
  expect(scanForManyCanaries([control], [c1, c2, c3, ...pool.used]).length).toBe(3);

  const { page } = run;
  await setUpAgency(page, who);

  // First contacts: three people, each with a pronoun and a way to reach them.
  const people = pool.take(3, 'first contact: chosen name');
  for (const chosenName of people) {
    await createClient(page, { chosenName, pronouns: pool.one('first contact: pronouns'), contactValue: pool.one('first contact: contact') });
  }

  // Intake: a legal name and many aliases for the last of them.
  await openCaseTab(page, 'Intake');
  const identity = await openSection(page, 'Identity and background');
  await identity.getByLabel('Legal name', { exact: true }).fill(pool.one('intake: legal name'));
  for (const [i, alias] of pool.take(10, 'intake: alias').entries()) {
    await identity.getByRole('button', { name: 'Add an alias' }).click();
    await identity.getByLabel(`Alias ${i + 1}`, { exact: true }).fill(alias);
  }
  await dwell(page);
  await saveSection(identity);

  // Consents whose partners and purposes are canaries.
  await addConsentWith(page, pool.take(20, 'consent: purpose').join(' '), pool.one('consent: partner'));
  await addConsentWith(page, pool.take(20, 'consent: purpose').join(' '), pool.one('consent: partner'));

  // Long notes, one restricted.
  await addNote(page, pool.take(150, 'note').join(' '), false);
  await addNote(page, pool.take(150, 'note (restricted)').join(' '), true);

  // Lock and sign in again between visits.
  await lock(page);
  await signIn(page, who);

  // The app dies without warning, and is started again on the same folders.
  await run.kill();
  run = await startPreviewRun({ reuse: run });
  await signIn(run.page, who);
  const after = run.page;
  await goToCaseload(after);
  await expect(resultCount(after)).toHaveText('3 cases');
  await search(after, people[2]!);
  await expect(resultCount(after)).toHaveText('1 case');
  await expect(caseList(after).getByRole('link')).toContainText(people[2]!);
  await openFromCaseload(after, people[2]!);

  // The plan: goals with steps, services with notes, a partner, a milestone.
  await openCaseTab(after, 'Plan');
  for (let g = 0; g < 6; g++) {
    await addGoal(after, {
      area: 'Housing',
      title: pool.take(15, 'goal title').join(' '),
      steps: [{ text: pool.take(15, 'goal step').join(' ') }],
    });
  }
  for (let s = 0; s < 6; s++) await logService(after, { category: 'Case management', minutes: '20', note: pool.take(25, 'service note').join(' ') });
  const directory = planSection(after, 'Referrals').getByRole('region', { name: 'Partner directory' });
  await directory.getByRole('button', { name: 'Add a partner' }).click();
  const partnerForm = formPanel(directory, 'Add a partner');
  await partnerForm.getByLabel('Organization name').fill(pool.take(5, 'partner name').join(' '));
  await partnerForm.getByRole('group', { name: 'Services they offer' }).getByLabel('Legal', { exact: true }).check();
  await partnerForm.getByLabel('How to reach them (optional)').fill(pool.take(5, 'partner contact').join(' '));
  await partnerForm.getByRole('button', { name: 'Save partner' }).click();
  await expect(directory.getByText('The partner was added to the directory.')).toBeVisible();
  const milestones = planSection(after, 'Legal and immigration milestones');
  await milestones.getByRole('button', { name: 'Add a milestone' }).click();
  const milestoneForm = formPanel(milestones, 'Add a milestone');
  await milestoneForm.getByLabel('Note', { exact: true }).fill(pool.take(25, 'milestone note').join(' '));
  await dwell(after);
  await milestoneForm.getByRole('button', { name: 'Save milestone' }).click();
  await expect(milestones.getByRole('listitem', { name: 'T visa', exact: true })).toBeVisible();

  // The safety plan, every list filled, saved twice.
  const safety = await openCaseTab(after, 'Safety plan');
  await fillSafetyList(after, 'Add a warning sign', (n) => `Warning sign ${n}`, pool.take(10, 'safety plan: warning sign'));
  await fillSafetyList(after, 'Add a safe place', (n) => `Safe place ${n}`, pool.take(10, 'safety plan: safe place'));
  await fillSafetyList(after, 'Add a code word', (n) => `Code word ${n}`, pool.take(5, 'safety plan: code word'));
  await fillSafetyList(after, 'Add a document or phone', (n) => `Document or phone ${n}`, pool.take(5, 'safety plan: document'));
  for (let i = 1; i <= 5; i++) {
    await safety.getByRole('button', { name: 'Add a safe contact' }).click();
    await safety.getByLabel(`Contact ${i}: name`).fill(pool.one('safety plan: contact name'));
    await safety.getByLabel(`Contact ${i}: phone (optional)`).fill(pool.one('safety plan: contact phone'));
  }
  await safety.getByLabel('Anything else to remember').fill(pool.take(20, 'safety plan: other').join(' '));
  await dwell(after);
  await safety.getByRole('button', { name: 'Save safety plan' }).click();
  await expect(safety.getByText('Saved as version 1.')).toBeVisible();
  await safety.getByLabel('Warning sign 1', { exact: true }).fill(pool.one('safety plan: warning sign, edited'));
  await safety.getByRole('button', { name: 'Save safety plan' }).click();
  await expect(safety.getByText('Saved as version 2.')).toBeVisible();

  // Outcomes: an intake and a follow-up assessment, so the client's name, the charts and the table of
  // scores are on screen together.
  const lastYear = new Date().getFullYear() - 1;
  await recordAssessment(await openTab(after, 'Outcomes'), { takenOn: `${lastYear}-03-10`, kind: 'At intake', scores: { Housing: 1, Income: 2, Safety: 2 } });
  await recordAssessment(await openTab(after, 'Outcomes'), { takenOn: isoDay(-1), kind: 'Follow-up', scores: { Housing: 3, Income: 2, Safety: 4, Employment: 2 } });
  const overTime = after.getByRole('tabpanel', { name: 'Outcomes' }).getByRole('region', { name: 'Scores over time' });
  await expect(overTime.getByRole('img')).toHaveCount(4);
  await expect(overTime.getByRole('table')).toBeVisible();
  await expect(after.getByRole('heading', { level: 1, name: people[2]! })).toBeVisible();
  await dwell(after);

  // More notes on another client.
  await openFromCaseload(after, people[0]!);
  await addNote(after, pool.take(150, 'note').join(' '), false);
  await addNote(after, pool.take(150, 'note').join(' '), false);

  // Reports: last year's and this year's shown; this year's exported to a folder, as onto a USB drive,
  // and checked there.
  await goToSection(after, 'Reports');
  await showReport(after, 'Last calendar year', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
  const thisYear = { from: `${lastYear + 1}-01-01`, to: isoDay(0) };
  await showReport(after, 'This year so far', thisYear);
  await dwell(after);
  const exportSection = after.getByRole('region', { name: 'Export report' });
  const reportDrive = join(run.root, 'report-drive');
  await exportSection.getByLabel('Folder to save the report in').fill(reportDrive);
  await exportSection.getByRole('button', { name: 'Export', exact: true }).click();
  const reportFolder = join(reportDrive, `safehold-report-${thisYear.from}-to-${thisYear.to}`);
  await expect(exportSection.getByRole('status')).toHaveText(`The report was saved in ${reportFolder}`);
  expect(readdirSync(reportFolder)).toEqual(expect.arrayContaining(['clients_served.csv', 'report.json', 'report.pdf', 'manifest.json']));
  const verify = after.getByRole('region', { name: 'Check a report' });
  await verify.getByLabel('Folder of the report').fill(reportFolder);
  await verify.getByRole('button', { name: 'Check report' }).click();
  await expect(verify.getByRole('status')).toHaveText('This report is complete and unaltered.');

  // Admin: an assessment instrument named in canaries, added after the export (its names would rightly
  // be in a report's files), then used on the client, so its names are on the Outcomes tab too.
  await goToSection(after, 'Admin');
  const instruments = after.getByRole('region', { name: 'Assessment instruments' });
  await instruments.getByRole('button', { name: 'Add an instrument' }).click();
  const instrumentForm = formPanel(instruments, 'Add an instrument');
  const [instrumentName, domainName] = [pool.one('admin: instrument name'), pool.one('admin: domain name')];
  await instrumentForm.getByLabel('Instrument name in English').fill(instrumentName);
  await instrumentForm.getByLabel('Instrument name in Spanish').fill(pool.one('admin: instrument name (Spanish)'));
  await instrumentForm.getByLabel('Domain name in English').fill(domainName);
  await instrumentForm.getByLabel('Domain name in Spanish').fill(pool.one('admin: domain name (Spanish)'));
  for (let n = 1; n <= 5; n++) {
    await instrumentForm.getByLabel(`Level ${n} in English`).fill(pool.take(3, 'admin: level').join(' '));
    await instrumentForm.getByLabel(`Level ${n} in Spanish`).fill(pool.take(3, 'admin: level (Spanish)').join(' '));
  }
  await dwell(after);
  await instrumentForm.getByRole('button', { name: 'Save instrument' }).click();
  await expect(instruments.getByRole('status').filter({ hasText: `The instrument “${instrumentName}” was added.` })).toBeVisible();
  await openFromCaseload(after, people[2]!);
  await recordAssessment(await openTab(after, 'Outcomes'), { instrument: instrumentName, takenOn: isoDay(0), kind: 'At intake', scores: { [domainName]: 3 } });
  await expect(after.getByRole('tabpanel', { name: 'Outcomes' }).getByRole('img', { name: new RegExp(`^${domainName}: 3 on `, 'u') })).toBeVisible();
  await dwell(after);

  // Admin → Backups: a backup of everything above, into a folder, as onto a USB drive.
  await goToSection(after, 'Admin');
  const backups = after.getByRole('region', { name: 'Backups', exact: true });
  const backupDrive = join(run.root, 'backup-drive');
  mkdirSync(backupDrive);
  await backups.getByLabel('Folder to save the backup in').fill(backupDrive);
  await backups.getByRole('button', { name: 'Make a backup now' }).click();
  await expect(backups.getByRole('status').filter({ hasText: 'The backup was saved.' })).toBeVisible({ timeout: 60_000 });
  expect(readdirSync(backupDrive)).toHaveLength(1);

  // Lock and sign in once more.
  await lock(after);
  await signIn(after, who);
  await lock(after);

  const typed = pool.used;
  expect(typed.length).toBeGreaterThanOrEqual(1000);
  await run.stop();
  const hits = scanForManyCanaries([run.dataDir, run.tempDir, run.profileDir, reportDrive, backupDrive], typed);
  // One line per file and place the canaries were typed, so a failure reads as a short list.
  const summary = new Map<string, number>();
  for (const hit of hits) {
    const at = hit.lastIndexOf(': ');
    const line = `${relative(run.root, hit.slice(0, at))}: typed in ${pool.typedIn.get(hit.slice(at + 2)) ?? '?'}`;
    summary.set(line, (summary.get(line) ?? 0) + 1);
  }
  expect([...summary].map(([line, n]) => `${line} (${n} canaries)`)).toEqual([]);
});
