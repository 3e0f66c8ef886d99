// A laptop is lost: an agency that made a backup to a folder gets every case back. Set up and cases
// made in the browser; the backup made and restored with the `safehold` command (the backup screen
// comes later) with the recovery key read off the setup screen; then a new preview on the restored
// folder, where every client is found again by search. The backup folder and the restored data
// folder hold none of what was typed. And the administrator sets how old the last backup may get
// before the reminder shows, in Admin → Backups. Built renderer in Debian's Chromium against the real
// dispatcher; the built command-line tool in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { caseList, createClient, goToCaseload, openSection, openTab, resultCount, saveSection, search } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency, signIn, type Agency } from './support/session';
import { goToSection } from './support/staff.page';

const runs: PreviewRun[] = [];

test.afterEach(async () => {
  for (const run of runs.splice(0)) {
    await run.stop();
    run.cleanup();
  }
});

/** Runs the built `safehold` command with a secret on standard input; fails with its output if it fails. */
function safehold(args: string[], stdin: string, tempDir: string): Record<string, unknown> {
  const result = spawnSync(process.execPath, [resolve('bin/safehold.mjs'), ...args], {
    input: `${stdin}\n`,
    env: { ...process.env, TMPDIR: tempDir, TMP: tempDir, TEMP: tempDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status, `safehold ${args[0]}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

// Synthetic canaries: unique tokens that must never reach a file in the clear.
const who: Agency = { agency: 'Canary Shelter Tg6Wa1', admin: 'Canary Admin Ry8Pe4', passphrase: 'canary willow Kc2Nh7 harbour' };
const CLIENTS = ['Canary-Backup-Ana-Qs31', 'Canary-Backup-Émile-Vf52', 'Canary-Backup-Оксана-Lh74'];
const ALIAS = 'Canary-Alias-Bx96';

test('a backup made with the command line is restored with the recovery key, and every client is found again', async () => {
  const first = await startPreviewRun();
  runs.push(first);
  const { recoveryKey } = await setUpAgency(first.page, who);
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/u);
  for (const chosenName of CLIENTS) await createClient(first.page, { chosenName });
  // One of them is also known by an alias, found by search after the restore too.
  await openTab(first.page, 'Intake');
  const identity = await openSection(first.page, 'Identity and background');
  await identity.getByRole('button', { name: 'Add an alias' }).click();
  await identity.getByLabel('Alias 1').fill(ALIAS);
  await saveSection(identity);
  await goToCaseload(first.page);
  await expect(resultCount(first.page)).toHaveText('3 cases');
  await first.stop();

  // Back up to a folder, as onto a USB drive.
  const backups = join(first.root, 'usb-drive');
  mkdirSync(backups);
  const made = safehold(['backup', '--data-dir', first.dataDir, '--to', backups, '--name', who.admin, '--passphrase-stdin'], who.passphrase, first.tempDir);
  expect(made.ok).toBe(true);
  const file = String(made.file);
  expect(existsSync(file)).toBe(true);
  expect(readdirSync(backups)).toHaveLength(1);

  // The laptop is lost: the data folder is gone. A new folder is restored with the recovery key.
  rmSync(first.dataDir, { recursive: true, force: true });
  const restoredDir = join(first.root, 'new-computer-data');
  const restored = safehold(['restore', '--data-dir', restoredDir, '--from', file, '--recovery-key-stdin'], recoveryKey, first.tempDir);
  expect(restored.ok).toBe(true);

  // A new preview on the restored folder: the administrator signs in as before and finds everyone.
  const second = await startPreviewRun({ dataDir: restoredDir });
  runs.push(second);
  const { page } = second;
  await signIn(page, who);
  await expect(page.getByText(who.agency)).toBeVisible();
  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('3 cases');
  for (const name of CLIENTS) {
    await search(page, name.slice(0, -3));
    await expect(resultCount(page), `search for ${name}`).toHaveText('1 case');
    await expect(caseList(page).getByRole('link')).toContainText(name);
  }
  await search(page, ALIAS);
  await expect(resultCount(page)).toHaveText('1 case');
  await expect(caseList(page).getByRole('link')).toContainText(CLIENTS[2]!);
  await caseList(page).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENTS[2]! })).toBeVisible();
  await openTab(page, 'Intake');
  await expect((await openSection(page, 'Identity and background')).getByLabel('Alias 1')).toHaveValue(ALIAS);

  await second.stop();
  const canaries = [who.agency, who.admin, who.passphrase, recoveryKey, ...CLIENTS, ALIAS];
  expect(scanForCanaries([backups, restoredDir, second.tempDir, second.profileDir, first.tempDir, first.profileDir], canaries)).toEqual([]);
});

test('the administrator changes how old the last backup may get before the reminder, and the screen shows it', async () => {
  const run = await startPreviewRun();
  runs.push(run);
  const { page } = run;
  await setUpAgency(page);
  await expect(page.getByRole('status').filter({ hasText: 'No backup has been made yet.' })).toBeVisible();
  await goToSection(page, 'Admin');
  const backups = page.getByRole('region', { name: 'Backups', exact: true });
  await expect(backups).toContainText('7 days without a backup');
  const reminder = backups.getByRole('region', { name: 'Backup reminder' });
  const days = reminder.getByLabel('Remind me when the last backup is older than (days)');
  await expect(days).toHaveValue('7');

  // Out of range: the screen says so and nothing is saved.
  await days.fill('91');
  await reminder.getByRole('button', { name: 'Save' }).click();
  await expect(reminder.getByText('Choose a number of days from 1 to 90.').first()).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'backup reminder with a problem');
  await expect(backups).toContainText('7 days without a backup');

  await days.fill('14');
  await reminder.getByRole('button', { name: 'Save' }).click();
  await expect(reminder.getByRole('status')).toHaveText('Saved. Safehold now reminds everyone when the last backup is older than 14 days.');
  await expect(backups).toContainText('14 days without a backup');

  // Kept by main: after leaving the page and coming back, the new limit is still the one in use.
  await goToSection(page, 'Caseload');
  await goToSection(page, 'Admin');
  await expect(backups).toContainText('14 days without a backup');
  await expect(days).toHaveValue('14');
});

test('an administrator restores a backup from Admin → Backups and from the sign-in screen; a case made since is gone, the log is kept', async () => {
  const run = await startPreviewRun();
  runs.push(run);
  const { page } = run;
  const who = await setUpAgency(page);
  await createClient(page, { chosenName: 'Kept Through Restore' });
  await goToSection(page, 'Admin');
  const backups = page.getByRole('region', { name: 'Backups', exact: true });
  const usb = join(run.root, 'usb-drive');
  mkdirSync(usb);
  await backups.getByLabel('Folder to save the backup in').fill(usb);
  await backups.getByRole('button', { name: 'Make a backup now' }).click();
  await expect(backups.getByText('The backup was saved.')).toBeVisible();
  const file = join(usb, readdirSync(usb)[0]!);
  await createClient(page, { chosenName: 'Made After The Backup' });

  // Signed in as the administrator: no other secret is needed while the data key is the backup's.
  await goToSection(page, 'Admin');
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Backup file').fill(file);
  await restore.getByRole('button', { name: 'Check the backup' }).click();
  await expect(restore.getByRole('region', { name: 'What this backup holds' })).toContainText('Staff accounts, roles, passphrases and the recovery key stay as they are now.');
  await expectNoSeriousA11yIssues(page, 'restore on Admin → Backups');
  await restore.getByRole('button', { name: 'Restore this backup' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace the records on this computer?' });
  await expect(confirm).toContainText('You will be signed out when the backup has been restored.');
  await confirm.getByRole('button', { name: 'Yes, restore it' }).click();
  await expect(page.getByText('The backup was restored. Sign in as usual.')).toBeVisible({ timeout: 60_000 });
  await signIn(page, who);
  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('1 case');

  // From the sign-in screen: the administrator names themselves with their current passphrase.
  await createClient(page, { chosenName: 'Made After The First Restore' });
  await page.getByRole('button', { name: 'Lock now' }).click();
  await page.getByRole('button', { name: 'Restore from a backup' }).click();
  await page.getByLabel('Backup file').fill(file);
  const vouch = page.getByRole('group', { name: 'Who you are on this computer' });
  await vouch.getByLabel('Your name').fill(who.admin);
  await vouch.getByLabel('Your current passphrase').fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Check the backup' }).click();
  await expect(page.getByRole('alert')).toContainText('needs an administrator of this computer');
  await vouch.getByLabel('Your current passphrase').fill(who.passphrase);
  await page.getByRole('button', { name: 'Check the backup' }).click();
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await page.getByRole('dialog', { name: 'Replace the records on this computer?' }).getByRole('button', { name: 'Yes, restore it' }).click();
  await expect(page.getByText('The backup was restored. Sign in as usual.')).toBeVisible({ timeout: 60_000 });
  await signIn(page, who);
  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('1 case');
  // Everything done since the backup is still in the access log.
  await goToSection(page, 'Access log');
  await expect(page.getByText('Restored a backup').first()).toBeVisible();
});
