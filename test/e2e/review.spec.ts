// "Needs review", end to end: a case's pronouns were changed on this laptop and, at the same time,
// on another laptop of the team. After the other laptop's change arrives, the caseworker's screen
// lists both versions with who made them; choosing one saves it, the list empties and the case shows
// the chosen value. English and Spanish, keyboard reachable from the frame, no serious axe findings.
// The second laptop is a real store driven by the sync engine in this test process (the preview is
// locked meanwhile, so the store is closed there).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { closeSession, unlockWithPassphrase } from '../../main/core/installation';
import { dataPaths } from '../../main/core/paths';
import { applyRemote, enableSync, flushLocalWrites, listDocs, loadSnapshot, saveDoc, takeOutbox } from '../../main/sync/engine';
import { closeStore, openStore } from '../../main/store/open';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { lock, setUpAgency, signIn, type Agency } from './support/session';
import { goToSection } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const who: Agency = { agency: 'Synthetic Review Shelter Qp4', admin: 'Synthetic Reviewer Lm8', passphrase: 'synthetic lantern Rt6 orchard' };
const CLIENT = 'Synthetic Review Person Wz3';

/** Sync on for the preview's store, a second laptop from its snapshots, the same field changed on both. */
async function concurrentPronouns(dataDir: string, tempDir: string): Promise<void> {
  const session = await unlockWithPassphrase(dataPaths(dataDir), who.admin, who.passphrase);
  if (!session) throw new Error('could not open the preview store');
  const other = openStore({ path: join(tempDir, 'second-laptop.db'), key: randomBytes(32), create: true });
  try {
    const db = session.db;
    enableSync(db, { actorId: randomBytes(16).toString('hex') });
    enableSync(other, { actorId: randomBytes(16).toString('hex'), joining: true });
    for (const { docId } of listDocs(db)) loadSnapshot(other, docId, saveDoc(db, docId));
    const id = db.prepare('SELECT id FROM clients').pluck().get() as string;
    db.transaction(() => {
      db.prepare("UPDATE clients SET pronouns = 'she/her' WHERE id = ?").run(id);
      flushLocalWrites(db, session.user.id);
    }).immediate();
    other.transaction(() => {
      other.prepare("UPDATE clients SET pronouns = 'they/them' WHERE id = ?").run(id);
      flushLocalWrites(other, session.user.id);
    }).immediate();
    const changes = takeOutbox(other).map(({ docId, change }) => ({ docId, change }));
    db.transaction(() => applyRemote(db, changes)).immediate();
  } finally {
    closeStore(other);
    closeSession(session);
  }
}

test('a change made on two laptops at once is listed with both versions and settled by a choice', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  await createClient(page, { chosenName: CLIENT });
  await goToSection(page, 'Needs review');
  await expect(page.getByText('Nothing needs review.')).toBeVisible();
  await lock(page);

  await concurrentPronouns(run.dataDir, run.tempDir);

  await signIn(page, who);
  await goToSection(page, 'Needs review');
  const item = page.getByRole('article', { name: 'Case: Pronouns' });
  await expect(item).toBeVisible();
  await expect(item.getByRole('link', { name: new RegExp(CLIENT, 'u') })).toBeVisible();
  const options = item.getByRole('group', { name: 'Which should stay?' }).getByRole('radio');
  await expect(options).toHaveCount(2);
  await expect(item.getByRole('radio', { name: new RegExp(`^she/her \\(by ${who.admin}`, 'u') })).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'needs review');

  // Nothing chosen yet: a calm prompt, nothing saved.
  await item.getByRole('button', { name: 'Save this choice' }).click();
  await expect(item.getByText('Choose one of the options.')).toBeVisible();

  // Spanish, then back.
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Por revisar' })).toBeVisible();
  await expect(page.getByRole('group', { name: '¿Cuál debe quedar?' })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');

  // Keyboard: pick "they/them" and save.
  await item.getByRole('radio', { name: /^they\/them/u }).check();
  await item.getByRole('button', { name: 'Save this choice' }).press('Enter');
  await expect(page.getByText('Saved. The other laptops get your choice when they next sync.')).toBeVisible();
  await expect(page.getByText('Nothing needs review.')).toBeVisible();

  await page.getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByText('they/them')).toBeVisible();
});
