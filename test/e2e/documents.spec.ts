// A caseworker adds a passport scan (a PDF with a script and a link inside), a photo by dragging it in
// (its location and camera are removed, and they are told), and tries a damaged PDF (refused in plain
// words). They view the PDF (drawn by pdf.js on a canvas) and the photo, save a copy of the PDF with a
// reason, edit its details, remove the photo after confirming, and make a backup. No request leaves the app's own
// origin, the screens pass axe, and no canary reaches a file outside the copy they chose to save.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sampleJpeg, samplePdf } from '../helpers/documents';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency, type Agency } from './support/session';
import { goToSection } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const who: Agency = { agency: 'Canary Shelter Dc5Xe1', admin: 'Canary Worker Hq2Zr8', passphrase: 'canary lantern Pw7Kd3 river' };
const PDF_TEXT = 'CanaryPdfText Vk47Ru';
const PHOTO_TEXT = 'CanaryPhotoNote Jm83Tz';
const TITLE = 'Canary-Passport-Scan Bn29';

async function openDocuments(page: Page) {
  await page.getByRole('tablist', { name: 'Parts of the case' }).getByRole('tab', { name: 'Documents', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Documents', exact: true });
  await expect(panel.getByRole('heading', { name: 'Documents' })).toBeVisible();
  return panel;
}

test('documents: attach, refuse, view from memory, save a copy with a reason, remove; no network and no stray plaintext', async () => {
  test.setTimeout(240_000);
  run = await startPreviewRun();
  const { page, context } = run;
  const origin = new URL(run.url).origin;
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });

  await setUpAgency(page, who);
  await createClient(page, { chosenName: 'Amara Canary' });
  const panel = await openDocuments(page);
  await expect(panel.getByText('No documents yet.')).toBeVisible();

  // A PDF with a script and a link, by the file picker.
  // Focus follows the worker through the tab (it was left on the page body after most steps).
  await panel.getByRole('button', { name: 'Add a document' }).click();
  await expect(panel.getByRole('heading', { name: 'Add a document' })).toBeFocused();
  await panel.getByLabel('Choose a file').setInputFiles({ name: '../../passport\u0007.pdf', mimeType: 'application/pdf', buffer: samplePdf(PDF_TEXT, { javascript: true, link: 'http://example.invalid/track' }) });
  await expect(panel.getByText('“passport.pdf” was checked.')).toBeVisible();
  await expect(panel.getByText(/contains links or scripts/u)).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Add a document' })).toBeFocused();
  await panel.getByLabel('Type of document').selectOption({ label: 'Identity document' });
  await panel.getByLabel('Title').fill(TITLE);
  await panel.getByLabel('Expiry date (optional)').fill('2030-01-31');
  await expectNoSeriousA11yIssues(page, 'documents: details');
  await panel.getByRole('button', { name: 'Add the document' }).click();
  await expect(panel.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Documents', exact: true })).toBeFocused();

  // A damaged PDF is refused, in plain words.
  await panel.getByRole('button', { name: 'Add a document' }).click();
  const truncated = samplePdf('cut short', { padBytes: 20_000 }).subarray(0, 15_000);
  await panel.getByLabel('Choose a file').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: truncated });
  await expect(panel.getByText(/looks incomplete or damaged/u)).toBeVisible();
  // The message about the file before does not stay above this refusal.
  await expect(panel.getByText('The document was added.')).toHaveCount(0);
  await expectNoSeriousA11yIssues(page, 'documents: upload');

  // A photo, dropped on the area: its location and camera are removed and the worker is told.
  const photo = sampleJpeg(120, 80, PHOTO_TEXT);
  const drop = await page.evaluateHandle(
    ({ bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'IMG_2041.JPG', { type: 'image/jpeg' }));
      return transfer;
    },
    { bytes: [...photo] },
  );
  await panel.getByText('Drop a file here, or choose one.').dispatchEvent('drop', { dataTransfer: drop });
  await expect(panel.getByText(/removed details hidden in the photo: where it was taken, the phone or camera/u)).toBeVisible();
  await panel.getByLabel('Type of document').selectOption({ label: 'Photo' });
  await panel.getByLabel('Title').fill('Room photo');
  await panel.getByRole('button', { name: 'Add the document' }).click();
  await expect(panel.getByRole('heading', { name: 'Room photo' })).toBeVisible();

  // Filter by type.
  await panel.getByLabel('Show').selectOption({ label: 'Photo' });
  await expect(panel.getByRole('heading', { name: TITLE })).toHaveCount(0);
  await panel.getByLabel('Show').selectOption({ label: 'All types' });

  // View the PDF: pdf.js draws its page; nothing in it runs.
  await panel.getByRole('button', { name: `View ${TITLE}` }).click();
  await expect(panel.getByRole('img', { name: `Page 1 of 1 of ${TITLE}` })).toBeVisible();
  await expect(panel.getByRole('region', { name: `Viewing ${TITLE}` })).toBeFocused();
  await expectNoSeriousA11yIssues(page, 'documents: viewer');

  // Save a copy, with a reason, to a folder the worker chooses.
  await panel.getByRole('button', { name: 'Save a copy' }).click();
  const dialog = page.getByRole('dialog', { name: `Save a copy of “${TITLE}”` });
  await dialog.getByLabel('Why is a copy needed?').fill('The immigration attorney needs a copy today.');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save a copy' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('passport.pdf');
  const chosen = join(run.root, 'chosen-export', 'passport.pdf');
  await saved.saveAs(chosen);
  await expect(panel.getByText(/A copy was saved/u)).toBeVisible();
  await expect(panel.getByRole('region', { name: `Viewing ${TITLE}` })).toBeFocused();
  await panel.getByRole('button', { name: 'Close the document' }).click();
  await expect(panel.getByRole('heading', { name: TITLE })).toBeFocused();

  // View the photo (a blob: URL, revoked on close), then remove it after confirming.
  await panel.getByRole('button', { name: 'View Room photo' }).click();
  await expect(panel.getByRole('img', { name: 'Room photo' })).toBeVisible();
  await panel.getByRole('button', { name: 'Close the document' }).click();
  await panel.getByRole('button', { name: 'Remove Room photo' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove “Room photo”?' });
  await confirm.getByRole('button', { name: 'Remove the document' }).click();
  await expect(panel.getByText('“Room photo” was removed.')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Room photo' })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Documents', exact: true })).toBeFocused();

  // Edit details with the keyboard.
  await panel.getByRole('button', { name: `Edit details of ${TITLE}` }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: `Details of “${TITLE}”` })).toBeFocused();
  await panel.getByLabel('Where the original is').selectOption({ label: 'Withheld by someone else' });
  await panel.getByRole('button', { name: 'Save details' }).click();
  await expect(panel.getByText(/Withheld by someone else/u)).toBeVisible();
  await expect(panel.getByRole('heading', { name: TITLE })).toBeFocused();

  // A backup carries the documents; the backup file holds none of it readable either.
  await goToSection(page, 'Admin');
  const backups = page.getByRole('region', { name: 'Backups', exact: true });
  const usb = join(run.root, 'usb-drive');
  mkdirSync(usb);
  await backups.getByLabel('Folder to save the backup in').fill(usb);
  await backups.getByRole('button', { name: 'Make a backup now' }).click();
  await expect(backups.getByText('The backup was saved.')).toBeVisible();

  expect(outside).toEqual([]);
  await run.stop();
  // Everything written except the copy the worker chose to save: data, temp, browser profile, backup.
  expect(scanForCanaries([run.dataDir, run.tempDir, run.profileDir, usb], [PDF_TEXT, PHOTO_TEXT, TITLE])).toEqual([]);
  // The scan does see plaintext: the chosen copy holds the PDF's words.
  expect(scanForCanaries([join(run.root, 'chosen-export')], [PDF_TEXT])).toHaveLength(1);
});
