// After intake, the worker and the survivor agree a plan and the worker records what was done: two
// goals with steps, three services (one logged with the keyboard alone), a referral that waits for
// consent to share their identity and another sent without it, a T visa milestone, a restricted note
// and a safety plan; "What's due" gathers the dates; closing the case takes it off that list and
// reopening puts it back. Each new screen is scanned for accessibility, and every file the run wrote
// is scanned for what was typed. Built renderer in Debian's Chromium against the real dispatcher.
import { expect, test, type Page } from '@playwright/test';
import { scanForCanaries } from '../helpers/scan';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient, isoDay } from './support/intake.page';
import {
  addGoal,
  addPartner,
  caseStatus,
  formPanel,
  goalItem,
  logService,
  openCaseTab,
  planSection,
  referralItem,
  serviceRows,
  startReferral,
} from './support/plan.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency, type Agency } from './support/session';
import { goToSection } from './support/staff.page';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

/** Presses Tab until focus reaches the field labelled `name` (a date input takes a Tab for each of its
 * parts); fails if that takes more than a few presses, so the tab order stays pinned down. */
async function tabTo(page: Page, name: string): Promise<void> {
  const focusTrail: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
        ? (el.labels?.[0]?.textContent?.trim() ?? null)
        : `${el?.tagName ?? 'nothing'}: ${el?.textContent?.slice(0, 40) ?? ''}`;
    });
    if (label === name) return;
    focusTrail.push(label ?? '(unlabelled)');
  }
  expect(focusTrail, `Tab to ${name}`).toContain(name);
}

// Synthetic canaries: unique tokens, in several scripts, that must never reach a file in the clear.
const who: Agency = { agency: 'Canary Shelter Nd7Pq2', admin: 'Canary Worker Ls3Bv6', passphrase: 'canary kettle Ox9Mf4 meadow' };
const NAME = 'Canary-Name-Jé81';
const GOAL_HOUSING = 'Canary-Goal-Housing-Rw35 find a safe flat';
const GOAL_VISA = 'Canary-Goal-Визa-Tk90';
const STEP_OVERDUE = 'Canary-Step-Lq47 call the housing office';
const STEP_LATER = 'Canary-Step-ขั้น-Ga26';
const SERVICE_NOTE_KEYS = 'Canary-ServiceNote-Yh58 bus pass';
const SERVICE_NOTE_LEGAL = 'Canary-ServiceNote-Pc13 clinic visit';
const PARTNER_LEGAL = 'Canary Legal Partner Xe64';
const PARTNER_IMMIGRATION = 'Canary Immigration Partner Bu29';
const CONSENT_PURPOSE = 'Canary-Purpose-Hk72 legal referral';
const MILESTONE_NOTE = 'Canary-Milestone-Ri05 filed with help of clinic';
const NOTE = 'Canary-Note-Wz43 disclosed a new worry';
const WARNING_SIGN = 'Canary-Warning-Dm88 black car outside';
const SAFE_CONTACT = 'Canary-Contact-Ñu19';
const CODE_WORD = 'Canary-Code-Ef36';

test('a worker builds a plan, records services and referrals, and sees what is due, closing and reopening the case', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page, who);
  await createClient(page, { chosenName: NAME });

  // The plan starts empty.
  const plan = await openCaseTab(page, 'Plan');
  await expect(plan.getByText('No goals yet.')).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'plan, empty');

  // Two goals: one with a step already overdue, one with a step added later.
  await planSection(page, 'Goals').getByRole('button', { name: 'Add a goal' }).click();
  await expect(formPanel(planSection(page, 'Goals'), 'Add a goal').getByRole('heading', { name: 'Add a goal' })).toBeFocused();
  await expectNoSeriousA11yIssues(page, 'plan, add goal form');
  await formPanel(planSection(page, 'Goals'), 'Add a goal').getByRole('button', { name: 'Cancel' }).click();
  const housing = await addGoal(page, {
    area: 'Housing',
    title: GOAL_HOUSING,
    targetDate: isoDay(10),
    responsible: who.admin,
    steps: [{ text: STEP_OVERDUE, dueDate: isoDay(-2) }],
  });
  await expect(housing).toContainText('Housing');
  await expect(housing).toContainText('Open');
  await expect(housing).toContainText(who.admin);
  await expect(housing.getByRole('list', { name: `Steps for “${GOAL_HOUSING}”` })).toContainText('Was due');

  const visa = await addGoal(page, { area: 'Immigration', title: GOAL_VISA });
  await expect(visa).toContainText('No steps yet.');
  await visa.getByRole('button', { name: 'Add a step' }).click();
  const stepForm = formPanel(visa, `Add a step to “${GOAL_VISA}”`);
  await stepForm.getByLabel('Step', { exact: true }).fill(STEP_LATER);
  await stepForm.getByLabel('Due date (optional)').fill(isoDay(5));
  await stepForm.getByRole('button', { name: 'Save step' }).click();
  await expect(visa.getByRole('list', { name: `Steps for “${GOAL_VISA}”` })).toContainText(STEP_LATER);
  await expect(planSection(page, 'Goals').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })).toHaveCount(2);

  // The first service, logged with the keyboard alone: open, fill, save, and focus comes back.
  const services = planSection(page, 'Services delivered');
  const logButton = services.getByRole('button', { name: 'Log a service', exact: true });
  await logButton.focus();
  await page.keyboard.press('Enter');
  const quick = formPanel(services, 'Log a service');
  await expect(quick.getByRole('heading', { name: 'Log a service' })).toBeFocused();
  await expectNoSeriousA11yIssues(page, 'plan, log a service');
  await tabTo(page, 'Date');
  await expect(quick.getByLabel('Date', { exact: true })).toHaveValue(isoDay(0));
  await tabTo(page, 'Service');
  // Case management is first; three down is Medical. Then Provided by stays "This agency".
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(quick.getByLabel('Service', { exact: true })).toHaveValue('medical');
  await tabTo(page, 'Provided by');
  await tabTo(page, 'Minutes (optional)');
  await page.keyboard.type('45');
  await tabTo(page, 'Amount in dollars (optional)');
  await page.keyboard.type('12.50');
  await tabTo(page, 'For goal (optional)');
  await page.keyboard.press('ArrowDown');
  await expect(quick.getByLabel('For goal (optional)').locator('option:checked')).toHaveText(GOAL_HOUSING);
  await tabTo(page, 'Note');
  await page.keyboard.type(SERVICE_NOTE_KEYS);
  await page.keyboard.press('Enter');
  await expect(quick).toHaveCount(0);
  // Focus goes back to the button that opened the form, so the next entry is one Enter away.
  // (Soft, so the rest of the story still runs if this fails.)
  await expect.soft(logButton).toBeFocused();
  await expect(services.getByText('The service was logged.')).toBeVisible();
  await expect(serviceRows(page)).toHaveCount(1);
  const first = serviceRows(page).first();
  for (const text of ['Medical', 'This agency', '45 min', '$12.50', GOAL_HOUSING, SERVICE_NOTE_KEYS]) await expect(first).toContainText(text);

  // Two more: one from the visa goal (already linked to it), one plain.
  await visa.getByRole('button', { name: 'Log a service for this goal' }).click();
  const forGoal = formPanel(services, `Log a service for “${GOAL_VISA}”`);
  await expect(forGoal.getByLabel('For goal (optional)').locator('option:checked')).toHaveText(GOAL_VISA);
  await forGoal.getByLabel('Service', { exact: true }).selectOption({ label: 'Legal' });
  await forGoal.getByLabel('Note', { exact: true }).fill(SERVICE_NOTE_LEGAL);
  await forGoal.getByRole('button', { name: 'Save service' }).click();
  await expect(serviceRows(page)).toHaveCount(2);
  await logService(page, { category: 'Interpretation', minutes: '30' });
  await expect(serviceRows(page)).toHaveCount(3);
  await expect(services.getByRole('table')).toContainText(SERVICE_NOTE_LEGAL);
  await expect(services.getByRole('table')).toContainText('30 min');

  // Partners in the directory, then a referral that shares who they are: refused without consent.
  await addPartner(page, PARTNER_LEGAL, ['Legal']);
  await addPartner(page, PARTNER_IMMIGRATION, ['Immigration']);
  const blocked = await startReferral(page, { partner: PARTNER_LEGAL, service: 'Legal', sentOn: isoDay(0), sharesIdentity: true });
  await blocked.getByRole('button', { name: 'Send referral' }).click();
  const alert = blocked.getByRole('alert');
  await expect(alert).toContainText(`There is no active consent on record to share their name or identifying details with ${PARTNER_LEGAL}`);
  await expect(alert).toContainText('Services never depend on consent.');
  await expect(planSection(page, 'Referrals')).toContainText('No referrals have been sent yet.');
  await expectNoSeriousA11yIssues(page, 'plan, referral blocked for consent');

  // The offered button records their consent for that partner, then the same referral goes.
  await alert.getByRole('button', { name: `Record their consent to share with ${PARTNER_LEGAL}` }).click();
  const consents = page.getByRole('tabpanel', { name: 'Consents', exact: true });
  await expect(consents).toBeVisible();
  const consentForm = consents.getByRole('region', { name: 'Add consent' });
  await expect(consentForm.getByLabel('Kind of consent')).toHaveValue('share_partner');
  await expect(consentForm.getByLabel('Partner organization it allows sharing with')).toHaveValue(PARTNER_LEGAL);
  await consentForm.getByLabel('Purpose').fill(CONSENT_PURPOSE);
  await consentForm.getByRole('group', { name: 'Information it covers' }).getByLabel('Name and identity').check();
  await consentForm.getByLabel('Expiry date (optional)').fill(isoDay(180));
  await consentForm.getByRole('button', { name: 'Save consent' }).click();
  await expect(consents.getByText(`Consent to share with ${PARTNER_LEGAL} is recorded.`)).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'consents, recorded for a referral');
  await consents.getByRole('button', { name: 'Back to the referral' }).click();
  await expect(plan).toBeVisible();
  await expect(blocked.getByText('Consent recorded. You can send the referral now.')).toBeVisible();
  await expect(blocked.getByRole('button', { name: 'Send referral' })).toBeFocused();
  await expect(blocked.getByLabel('This referral shares their name or identifying details')).toBeChecked();
  await blocked.getByRole('button', { name: 'Send referral' }).click();
  const legal = referralItem(page, PARTNER_LEGAL, 'Legal');
  await expect(legal).toContainText('Sent');
  await expect(legal).toContainText('Shared, with their consent');

  // Without consent, "Send without identifying details" sends it at once, sharing nothing. This one
  // went three weeks ago and is still waiting for an answer.
  const second = await startReferral(page, { partner: PARTNER_IMMIGRATION, service: 'Immigration', sentOn: isoDay(-20), sharesIdentity: true });
  await second.getByRole('button', { name: 'Send referral' }).click();
  await second.getByRole('alert').getByRole('button', { name: 'Send without identifying details' }).click();
  const immigration = referralItem(page, PARTNER_IMMIGRATION, 'Immigration');
  await expect(immigration).toContainText('Not shared');
  await expect(planSection(page, 'Referrals').getByRole('list', { name: 'Referrals' }).getByRole('listitem')).toHaveCount(2);
  await expectNoSeriousA11yIssues(page, 'plan, with goals, services and referrals');

  // A T visa requested a month ago, with a deadline in 20 days.
  const milestones = planSection(page, 'Legal and immigration milestones');
  await milestones.getByRole('button', { name: 'Add a milestone' }).click();
  const milestoneForm = formPanel(milestones, 'Add a milestone');
  await milestoneForm.getByLabel('Milestone').selectOption({ label: 'T visa' });
  await milestoneForm.getByLabel('Status', { exact: true }).selectOption({ label: 'Requested' });
  await milestoneForm.getByLabel('Requested on (optional)').fill(isoDay(-30));
  await milestoneForm.getByLabel('Due by (optional)').fill(isoDay(20));
  await milestoneForm.getByLabel('Note', { exact: true }).fill(MILESTONE_NOTE);
  await expectNoSeriousA11yIssues(page, 'plan, add a milestone');
  await milestoneForm.getByRole('button', { name: 'Save milestone' }).click();
  const tVisa = milestones.getByRole('listitem', { name: 'T visa', exact: true });
  await expect(tVisa).toContainText('Requested');
  await expect(tVisa).toContainText('Due in 20 days');
  await expect(tVisa.getByRole('button', { name: 'Update T visa' })).toBeVisible();

  // A restricted note.
  const notes = await openCaseTab(page, 'Notes');
  await notes.getByRole('button', { name: 'Add a note' }).click();
  const noteForm = formPanel(notes, 'Add a note');
  await noteForm.getByLabel('Kind of note').selectOption({ label: 'Session' });
  await noteForm.getByLabel('Note', { exact: true }).fill(NOTE);
  await noteForm.getByLabel('Only me and supervisors can read this note').check();
  await expectNoSeriousA11yIssues(page, 'notes, add a note');
  await noteForm.getByRole('button', { name: 'Save note' }).click();
  const note = notes.getByRole('listitem').filter({ hasText: NOTE });
  await expect(note).toContainText('Restricted');
  await expect(note).toContainText(`Written by ${who.admin}`);
  await expect(note.getByRole('heading', { level: 3 })).toContainText('Session');

  // A safety plan, saved as its first version.
  const safety = await openCaseTab(page, 'Safety plan');
  await expect(safety.getByText('This safety plan has not been saved yet.')).toBeVisible();
  await safety.getByRole('button', { name: 'Add a warning sign' }).click();
  await safety.getByLabel('Warning sign 1').fill(WARNING_SIGN);
  await safety.getByRole('button', { name: 'Add a safe contact' }).click();
  await safety.getByLabel('Contact 1: name').fill(SAFE_CONTACT);
  await safety.getByRole('button', { name: 'Add a code word' }).click();
  await safety.getByLabel('Code word 1').fill(CODE_WORD);
  await safety.getByRole('group', { name: 'Warning signs' }).getByLabel('Include on the printed copy').check();
  await expect(safety.getByText('The printed copy will show: Warning signs.')).toBeVisible();
  await expectNoSeriousA11yIssues(page, 'safety plan');
  await safety.getByRole('button', { name: 'Save safety plan' }).click();
  await expect(safety.getByText('Saved as version 1.')).toBeVisible();
  await expect(safety.getByRole('table', { name: 'Earlier versions' }).locator('tbody tr')).toHaveCount(1);

  // What's due: the overdue step, and the deadline, target date and waiting referral coming up.
  await goToSection(page, "What's due");
  const overdue = page.getByRole('region', { name: 'Overdue' });
  const upcoming = page.getByRole('region', { name: 'Coming up' });
  await expect(overdue).toContainText(`Goal step: ${STEP_OVERDUE}`);
  await expect(overdue).toContainText('Overdue by 2 days');
  await expect(upcoming).toContainText(`Goal step: ${STEP_LATER}`);
  await expect(upcoming).toContainText(`Goal target date: ${GOAL_HOUSING}`);
  await expect(upcoming).toContainText('T visa: deadline');
  await expect(page.getByRole('main')).toContainText('Referral for Immigration waiting for an answer');
  await expect(page.getByRole('main')).toContainText('no answer for 20 days');
  await expect(page.getByRole('main')).not.toContainText('Referral for Legal');
  await expectNoSeriousA11yIssues(page, "what's due");

  // Closing the case: the header says Closed, and its dates leave "What's due".
  await overdue.getByRole('listitem').filter({ hasText: STEP_OVERDUE }).getByRole('link', { name: new RegExp(NAME, 'u') }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await expect(caseStatus(page)).toHaveText('Active');
  await page.getByRole('button', { name: 'Close this case' }).click();
  const closeDialog = page.getByRole('dialog', { name: `Close the case of ${NAME}?` });
  await expect(closeDialog).toBeVisible();
  await closeDialog.getByLabel('Reason').selectOption({ label: 'Goals met' });
  await closeDialog.getByLabel('Where they are going').selectOption({ label: 'Transitional housing' });
  await expectNoSeriousA11yIssues(page, 'close case dialog');
  await closeDialog.getByRole('button', { name: 'Close the case' }).click();
  await expect(closeDialog).toHaveCount(0);
  await expect(caseStatus(page)).toHaveText('Closed');
  await expect(page.getByText('The case is closed.')).toBeVisible();
  await goToSection(page, "What's due");
  await expect(page.getByText('Nothing needs your attention right now.')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(NAME);

  // Reopening keeps the history and brings the dates back.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  await page.getByRole('button', { name: 'Reopen this case' }).click();
  const reopenDialog = page.getByRole('dialog', { name: `Reopen the case of ${NAME}?` });
  await expectNoSeriousA11yIssues(page, 'reopen case dialog');
  await reopenDialog.getByRole('button', { name: 'Reopen the case' }).click();
  await expect(reopenDialog).toHaveCount(0);
  await expect(caseStatus(page)).toHaveText('Active');
  await expect(page.getByRole('button', { name: 'Close this case' })).toBeVisible();
  await openCaseTab(page, 'Plan');
  await expect(goalItem(page, GOAL_HOUSING)).toBeVisible();
  await expect(serviceRows(page)).toHaveCount(3);
  await goToSection(page, "What's due");
  await expect(page.getByRole('region', { name: 'Overdue' })).toContainText(STEP_OVERDUE);

  await run.stop();
  const canaries = [
    who.agency,
    who.admin,
    who.passphrase,
    NAME,
    GOAL_HOUSING,
    GOAL_VISA,
    STEP_OVERDUE,
    STEP_LATER,
    SERVICE_NOTE_KEYS,
    SERVICE_NOTE_LEGAL,
    PARTNER_LEGAL,
    PARTNER_IMMIGRATION,
    CONSENT_PURPOSE,
    MILESTONE_NOTE,
    NOTE,
    WARNING_SIGN,
    SAFE_CONTACT,
    CODE_WORD,
  ];
  expect(scanForCanaries([run.dataDir, run.tempDir, run.profileDir], canaries)).toEqual([]);
});
