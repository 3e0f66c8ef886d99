// A caseworker meets a survivor, records what they are ready to share, and finds the record again:
// first contact by keyboard alone, intake sections over separate visits, search by a partial alias
// typed without its accents, consents that expire or are revoked, the possible-duplicate warning,
// Spanish, and an accessibility scan of each screen. Built renderer in Debian's Chromium against
// the real dispatcher; the stories that type personal data end with a scan of every file written.
import { expect, test, type Page } from '@playwright/test';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import {
  addConsent,
  caseList,
  caseNumberShown,
  consentItem,
  createClient,
  fillFirstContact,
  goToCaseload,
  isoDay,
  openFromCaseload,
  openSection,
  openTab,
  progressOf,
  resultCount,
  saveSection,
  search,
  sectionToggle,
  startFirstContact,
} from './support/intake.page';
import { lock, setUpAgency, signIn, TEST_AGENCY, type Agency } from './support/session';
import { startPreviewRun, type PreviewRun } from './support/preview';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

/** Stops the run and fails with every file under its folders that holds any canary, in any encoding. */
async function expectNothingOnDisk(canaries: string[]): Promise<void> {
  await run.stop();
  expect(scanForCanaries([run.dataDir, run.tempDir, run.profileDir], canaries)).toEqual([]);
}

/** Presses Tab and checks where focus landed, so the story also pins down the tab order. */
async function tabTo(page: Page, label: string | RegExp): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAccessibleName(label);
}

test('a caseworker records a first contact with the keyboard alone, and the profile opens with its safety flags', async () => {
  run = await startPreviewRun();
  const { page } = run;
  // Synthetic canaries: unique tokens that must never reach a file in the clear.
  const who: Agency = { agency: 'Canary Shelter Wb5Rt2', admin: 'Canary Worker Hq3Ln8', passphrase: 'canary meadow Zt6Pk1 lantern' };
  const NAME = 'Canary-Name-Kx41';
  const PRONOUNS = 'xe/Canary-Pr72';
  const CONTACT = 'Canary-Phone-Vd93';
  await setUpAgency(page, who);
  await goToCaseload(page);
  await page.getByRole('button', { name: 'New client' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'First contact' })).toBeFocused();

  // From here on only the keyboard.
  await tabTo(page, 'Name or alias they choose');
  await page.keyboard.type(NAME);
  await tabTo(page, 'Pronouns (optional)');
  await page.keyboard.type(PRONOUNS);
  await tabTo(page, 'Date of birth (optional)');
  // Month, day and year in the browser's order (en-US here); the value is checked below.
  await page.keyboard.type('03152001');
  await expect(page.getByLabel('Date of birth (optional)')).toHaveValue('2001-03-15');
  // Chromium keeps focus in the date input for one more Tab once a full date has been typed.
  await page.keyboard.press('Tab');
  await tabTo(page, 'How to reach them');
  await tabTo(page, 'Phone number, email or how to reach them');
  await page.keyboard.type(CONTACT);
  // Options: Safe, Not safe, Not asked yet (the default).
  await tabTo(page, 'Safe to call');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await tabTo(page, 'Safe to text');
  await page.keyboard.press('ArrowUp');
  await tabTo(page, 'Safe to leave voicemail');
  await page.keyboard.press('ArrowUp');
  await tabTo(page, 'Safe to send mail');
  await expect(page.getByLabel('Safe to call')).toHaveValue('yes');
  await expect(page.getByLabel('Safe to text')).toHaveValue('no');
  await expect(page.getByLabel('Safe to leave voicemail')).toHaveValue('no');
  await expect(page.getByLabel('Safe to send mail')).toHaveValue('unknown');
  await tabTo(page, 'Urgent safety need right now');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Urgent safety need right now')).toBeChecked();
  await tabTo(page, 'Safe place to stay');
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'What do they need now?' }).getByLabel('Safe place to stay')).toBeChecked();
  // Past the other needs to the button.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(':focus').innerText().catch(() => '')) === 'Create case') break;
  }
  await expect(page.getByRole('button', { name: 'Create case' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The profile: case number, the chosen name, the urgent flag and how (not) to reach them.
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Case summary' });
  expect(await caseNumberShown(page)).toMatch(new RegExp(`^SH-${new Date().getFullYear()}-0001$`, 'u'));
  await expect(summary.getByText('Urgent safety', { exact: true })).toBeVisible();
  await expect(summary).toContainText(PRONOUNS);
  await expect(summary).toContainText('Phone: call OK · do not text · no voicemail');
  await expect(summary).not.toContainText(CONTACT);

  await expectNothingOnDisk([who.agency, who.admin, who.passphrase, NAME, PRONOUNS, CONTACT]);
});

test('two intake sections are completed in separate visits, and both keep their answers', async () => {
  run = await startPreviewRun();
  const { page } = run;
  const who: Agency = { agency: 'Canary Shelter Mf2Yc7', admin: 'Canary Worker Pe8Gs4', passphrase: 'canary harbour Ja5Wn0 pebble' };
  const NAME = 'Canary-Name-Rb63';
  const ALIAS = 'Canary-Alias-Tu58';
  await setUpAgency(page, who);
  await createClient(page, { chosenName: NAME });

  // First visit: what happened to them.
  await openTab(page, 'Intake');
  const traffickingBefore = await progressOf(page, 'What happened to them');
  expect(traffickingBefore).toMatch(/^0 of \d+ answered$/u);
  const happened = await openSection(page, 'What happened to them');
  await happened.getByLabel('Trafficking status').selectOption({ label: 'Possible (being assessed)' });
  await happened.getByLabel('Type of trafficking').selectOption({ label: 'Labor trafficking' });
  await happened.getByRole('group', { name: 'Ways they were controlled' }).getByLabel('Debt', { exact: true }).check();
  await happened.getByLabel('Age when it first happened: or why there is no answer').selectOption({ label: 'Client prefers not to answer' });
  await saveSection(happened);
  await expect(sectionToggle(page, 'What happened to them')).toContainText(/4 of \d+ answered/u);

  // The worker locks between meetings; a later visit finds the client on the caseload.
  await lock(page);
  await signIn(page, who);
  await openFromCaseload(page, NAME);
  await openTab(page, 'Intake');
  const identityBefore = await progressOf(page, 'Identity and background');
  const identity = await openSection(page, 'Identity and background');
  await identity.getByRole('button', { name: 'Add an alias' }).click();
  await identity.getByLabel('Alias 1').fill(ALIAS);
  await identity.getByLabel('Gender identity', { exact: true }).selectOption({ label: 'Non-binary' });
  await saveSection(identity);
  await expect(sectionToggle(page, 'Identity and background')).not.toContainText(identityBefore);

  // After a reload both sections still hold what was chosen, and say how much is answered.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  expect(await progressOf(page, 'What happened to them')).not.toBe(traffickingBefore);
  expect(await progressOf(page, 'What happened to them')).toMatch(/^4 of \d+ answered$/u);
  expect(await progressOf(page, 'Identity and background')).not.toBe(identityBefore);
  const happenedAgain = await openSection(page, 'What happened to them');
  await expect(happenedAgain.getByLabel('Trafficking status')).toHaveValue('possible');
  await expect(happenedAgain.getByLabel('Type of trafficking')).toHaveValue('labor');
  await expect(happenedAgain.getByRole('group', { name: 'Ways they were controlled' }).getByLabel('Debt', { exact: true })).toBeChecked();
  await expect(happenedAgain.getByLabel('Age when it first happened: or why there is no answer')).toHaveValue('prefers_not');
  await expect(happenedAgain.getByLabel('Age when it first happened', { exact: true })).toHaveValue('');
  const identityAgain = await openSection(page, 'Identity and background');
  await expect(identityAgain.getByLabel('Alias 1')).toHaveValue(ALIAS);
  await expect(identityAgain.getByLabel('Gender identity', { exact: true })).toHaveValue('nonbinary');

  // The history names the fields that changed, never what was written.
  const history = await openTab(page, 'History');
  await expect(history.getByRole('heading', { name: 'Who changed what' })).toBeVisible();
  const table = history.getByRole('table', { name: 'Who changed what' });
  for (const field of ['Trafficking status', 'Type of trafficking', 'Ways they were controlled', 'Age when it first happened', 'Other names or aliases', 'Gender identity']) {
    await expect(table.getByRole('cell', { name: field, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('cell', { name: 'Case created', exact: true })).toBeVisible();
  await expect(table).toContainText(who.admin);
  await expect(history).not.toContainText(ALIAS);

  await expectNothingOnDisk([who.agency, who.admin, who.passphrase, NAME, ALIAS]);
});

test('a client is found by part of an alias typed without its accents and in another case', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page);
  const giveAlias = async (chosenName: string, alias: string) => {
    await createClient(page, { chosenName });
    await openTab(page, 'Intake');
    const identity = await openSection(page, 'Identity and background');
    await identity.getByRole('button', { name: 'Add an alias' }).click();
    await identity.getByLabel('Alias 1').fill(alias);
    await saveSection(identity);
  };
  await giveAlias('Lan Tester', 'Hồng Nhung');
  await giveAlias('Claire Tester', 'Françoise');
  // A decoy that shares the first letters of the alias but not the word.
  await createClient(page, { chosenName: 'Nhu Decoy' });

  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('3 cases');
  for (const [typed, found] of [
    ['nhung', 'Lan Tester'],
    ['HONG', 'Lan Tester'],
    ['hong nhu', 'Lan Tester'],
    ['francois', 'Claire Tester'],
    ['FRANÇ', 'Claire Tester'],
  ] as const) {
    await search(page, typed);
    await expect(resultCount(page), `search "${typed}"`).toHaveText('1 case');
    await expect(caseList(page).getByRole('link'), `search "${typed}"`).toHaveCount(1);
    await expect(caseList(page).getByRole('link')).toContainText(found);
  }
  await search(page, 'nhu');
  await expect(resultCount(page)).toHaveText('2 cases');

  await search(page, 'zqxwv absent');
  await expect(resultCount(page)).toHaveText('0 cases');
  await expect(page.getByText('No case matches this search. Try part of a name or alias, or the case number.')).toBeVisible();
  await expect(caseList(page)).toHaveCount(0);
});

test('a consent about to expire is flagged, a past one shows as expired, and a revoked one as revoked', async () => {
  run = await startPreviewRun();
  const { page } = run;
  const who: Agency = { agency: 'Canary Shelter Ld9Xe3', admin: 'Canary Worker Cv1Nq6', passphrase: 'canary willow Gh4Bs9 river' };
  const NAME = 'Canary-Name-Fo27';
  const PARTNER = 'Canary-Partner-Yw84';
  const SOON = 'Canary-Purpose-Ek15 housing referral';
  const PAST = 'Canary-Purpose-Ua70 legal clinic';
  await setUpAgency(page, who);
  await createClient(page, { chosenName: NAME });
  const summary = page.getByRole('region', { name: 'Case summary' });
  await expect(summary).toContainText('No consent recorded');

  await openTab(page, 'Consents');
  await expect(page.getByText('No consent has been recorded yet.')).toBeVisible();
  await addConsent(page, {
    kind: 'Share information with a partner',
    recipient: PARTNER,
    purpose: SOON,
    covers: ['Name and identity', 'Contact details'],
    startDate: isoDay(-5),
    expiryDate: isoDay(12),
  });
  await expect(consentItem(page, SOON)).toContainText('Expires in 12 days');
  await expect(consentItem(page, SOON)).toContainText(PARTNER);
  await expect(summary).toContainText('Expiring soon');

  await addConsent(page, {
    kind: 'Consent to services',
    purpose: PAST,
    covers: ['Services received'],
    startDate: isoDay(-400),
    expiryDate: isoDay(-35),
  });
  await expect(consentItem(page, PAST)).toContainText('Expired');
  await expect(consentItem(page, PAST).getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  // The header shows what needs attention first.
  await expect(summary).toContainText('Expiring soon');

  const soon = consentItem(page, SOON);
  await soon.getByRole('button', { name: 'Revoke' }).click();
  await expect(soon.getByLabel('Date revoked')).toHaveValue(isoDay(0));
  await soon.getByLabel('Reason (optional)').fill('Client asked to stop sharing');
  await soon.getByRole('button', { name: 'Revoke this consent' }).click();
  await expect(soon.locator('.badge')).toHaveText('Revoked');
  await expect(soon.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  await expect(consentItem(page, PAST).locator('.badge')).toHaveText('Expired');
  await expect(summary).not.toContainText('Expiring soon');
  await expect(summary).toContainText('Expired');

  await expectNothingOnDisk([who.agency, who.admin, who.passphrase, NAME, PARTNER, SOON, PAST]);
});

test('a possible duplicate is shown before a second case is made, and the worker can go back or go ahead', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page);
  const first = await createClient(page, { chosenName: 'María José Pérez', dateOfBirth: '1994-07-21' });

  await startFirstContact(page);
  await fillFirstContact(page, { chosenName: 'Maria Jose Perez', dateOfBirth: '1994-07-21', pronouns: 'she/her' });
  await page.getByRole('button', { name: 'Create case' }).click();
  const warning = page.getByRole('region', { name: 'This person may already have a case' });
  await expect(warning.getByRole('heading', { level: 2, name: 'This person may already have a case' })).toBeFocused();
  await expect(warning).toContainText(first);
  await expect(warning.getByRole('link', { name: new RegExp(`${first}.*María José Pérez`, 'u') })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create case' })).toHaveCount(0);

  // Going back keeps everything that was typed.
  await warning.getByRole('button', { name: 'Go back to the form' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByLabel('Name or alias they choose')).toBeFocused();
  await expect(page.getByLabel('Name or alias they choose')).toHaveValue('Maria Jose Perez');
  await expect(page.getByLabel('Date of birth (optional)')).toHaveValue('1994-07-21');
  await expect(page.getByLabel('Pronouns (optional)')).toHaveValue('she/her');

  // Asked again, the worker decides it is someone else.
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('button', { name: 'Create a new case anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maria Jose Perez' })).toBeVisible();
  const second = await caseNumberShown(page);
  expect(second).not.toBe(first);

  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('2 cases');
});

test('the caseload, first contact and profile switch to Spanish at once', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page);
  await goToCaseload(page);
  await page.getByLabel('Language').selectOption('es');

  await expect(page.getByRole('heading', { level: 1, name: 'Casos' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Nueva persona' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Buscar un caso' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Buscar por nombre, alias o número de caso' })).toBeVisible();
  await expect(page.getByLabel('Estado')).toBeVisible();
  await expect(page.getByLabel('Asignado a')).toBeVisible();
  await expect(page.getByLabel('Riesgo')).toBeVisible();
  await expect(resultCount(page)).toHaveText('0 casos');
  await expect(page.getByRole('button', { name: 'Bloquear ahora' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New client' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Nueva persona' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Primer contacto' })).toBeVisible();
  await page.getByLabel('Nombre o alias que elige').fill('Lucía Prueba');
  await expect(page.getByRole('group', { name: 'Una forma segura de contactar' })).toBeVisible();
  await page.getByLabel('Necesidad urgente de seguridad en este momento').check();
  await page.getByRole('group', { name: '¿Qué necesita ahora?' }).getByLabel('Comida').check();
  await page.getByRole('button', { name: 'Crear el caso' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Lucía Prueba' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Resumen del caso' })).toBeVisible();
  const tabs = page.getByRole('tablist');
  for (const name of ['Ingreso', 'Consentimientos', 'Historial']) await expect(tabs.getByRole('tab', { name })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Casos' }).click();
  await expect(resultCount(page)).toHaveText('1 caso');
});

test('every intake screen passes an accessibility scan with no serious or critical issues', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, TEST_AGENCY);
  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('0 cases');
  await expectNoSeriousA11yIssues(page, 'caseload, empty');

  await startFirstContact(page);
  await expectNoSeriousA11yIssues(page, 'first contact');
  await fillFirstContact(page, {
    chosenName: 'Amara Okafor',
    pronouns: 'she/her',
    dateOfBirth: '1999-02-03',
    contactValue: '555-0142',
    urgent: true,
    needs: ['Food', 'Legal help'],
  });
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible();

  await startFirstContact(page);
  await fillFirstContact(page, { chosenName: 'Amara Okafor', dateOfBirth: '1999-02-03' });
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'This person may already have a case' })).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'duplicate warning');
  await page.getByRole('button', { name: 'Create a new case anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible();

  await openTab(page, 'Intake');
  await expectNoSeriousA11yIssues(page, 'profile, intake');
  for (const name of ['Identity and background', 'What happened to them', 'Family members']) {
    const region = await openSection(page, name);
    if (name === 'Family members') await region.getByRole('button', { name: 'Add a family member' }).click();
    await expectNoSeriousA11yIssues(page, `profile, intake section ${name}`);
  }

  await openTab(page, 'Consents');
  await expectNoSeriousA11yIssues(page, 'consents, empty');
  await addConsent(page, { kind: 'Consent to services', purpose: 'Case management', covers: ['Services received'], startDate: isoDay(0), expiryDate: isoDay(20) });
  await page.getByRole('button', { name: 'Add consent' }).click();
  await expectNoSeriousA11yIssues(page, 'consents, with one and the add form');

  await openTab(page, 'History');
  await expect(page.getByRole('table', { name: 'Who changed what' })).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'history');

  await goToCaseload(page);
  await expect(resultCount(page)).toHaveText('2 cases');
  await expect(caseList(page).getByRole('link')).toHaveCount(2);
  await expectNoSeriousA11yIssues(page, 'caseload, with cases');
});
