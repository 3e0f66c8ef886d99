// A first-day story from issue 16: a service logged with the wrong details is corrected, one logged
// twice is removed, each with a reason the form insists on; the plan shows the correction and the
// case history says what happened, and in Spanish the whole history reads in Spanish (section
// names, statuses, services, assessment kinds and version numbers alike). Built renderer in
// Chromium against the real dispatcher.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { createClient, isoDay, openTab } from './support/intake.page';
import { recordAssessment } from './support/outcomes.page';
import { addPartner, formPanel, logService, openCaseTab, planSection, referralItem, serviceRows, startReferral } from './support/plan.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const NAME = 'Synthetic Corrections Vb27';
const PARTNER = 'Synthetic Legal Partner Qe81';

/** A day as the English screens show it ("Mar 5, 2026"). */
function shownDay(iso: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

test('a logged service is corrected and another removed, each with a reason, and the history says so in Spanish', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await setUpAgency(page);
  await createClient(page, { chosenName: NAME });
  await openCaseTab(page, 'Plan');
  const services = planSection(page, 'Services delivered');
  const day = isoDay(-3);
  await logService(page, { date: day, category: 'Legal', minutes: '30' });
  await logService(page, { date: day, category: 'Shelter or housing' });
  await expect(serviceRows(page)).toHaveCount(2);

  // Correcting: the form starts with what was logged and will not save without a reason.
  await services.getByRole('button', { name: `Correct Legal, ${shownDay(day)}` }).click();
  const form = formPanel(services, 'Correct a logged service');
  await expect(form.getByLabel('Service', { exact: true })).toHaveValue('legal');
  await expect(form.getByLabel('Minutes (optional)')).toHaveValue('30');
  await form.getByLabel('Service', { exact: true }).selectOption({ label: 'Immigration' });
  await form.getByLabel('Minutes (optional)').fill('45');
  await form.getByRole('button', { name: 'Save correction' }).click();
  await expect(form.getByText('Choose why, so the case history can say.')).toBeVisible();
  await expect(form.getByLabel('Why is it changing?')).toBeFocused();
  await form.getByLabel('Why is it changing?').selectOption({ label: 'Some details were wrong' });
  await expectNoSeriousA11yIssues(page, 'plan, correcting a service');
  await form.getByRole('button', { name: 'Save correction' }).click();
  await expect(services.getByRole('status').filter({ hasText: 'The service was corrected.' })).toBeVisible();
  const corrected = serviceRows(page).filter({ hasText: 'Immigration' });
  await expect(corrected).toContainText('45 min');
  await expect(corrected).toContainText('Some details were wrong');
  await expect(serviceRows(page).filter({ hasText: 'Legal' })).toHaveCount(0);

  // Removing: a dialog asks why first.
  await services.getByRole('button', { name: `Remove Shelter or housing, ${shownDay(day)}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove Shelter or housing, ${shownDay(day)}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('Choose why, so the case history can say.')).toBeVisible();
  await dialog.getByLabel('Why is it changing?').selectOption({ label: 'It was logged twice' });
  await expectNoSeriousA11yIssues(page, 'plan, removing a service');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(services.getByRole('status').filter({ hasText: 'The service was removed.' })).toBeVisible();
  await expect(serviceRows(page)).toHaveCount(1);

  // More of a case's history: a referral accepted, a safety plan version, a follow-up assessment.
  await addPartner(page, PARTNER, ['Legal']);
  const referral = await startReferral(page, { partner: PARTNER, service: 'Legal', sentOn: isoDay(-2), sharesIdentity: false });
  await referral.getByRole('button', { name: 'Send referral' }).click();
  const sent = referralItem(page, PARTNER, 'Legal');
  await sent.getByRole('button', { name: 'Update status' }).click();
  await sent.getByLabel('Status', { exact: true }).selectOption({ label: 'Accepted' });
  await sent.getByRole('button', { name: 'Save status' }).click();
  await expect(sent).toContainText('Accepted');
  const safety = await openCaseTab(page, 'Safety plan');
  await safety.getByRole('button', { name: 'Add a warning sign' }).click();
  await safety.getByLabel('Warning sign 1').fill('Synthetic sign');
  await safety.getByRole('button', { name: 'Save safety plan' }).click();
  await expect(safety.getByText('Saved as version 1.')).toBeVisible();
  const outcomes = await openTab(page, 'Outcomes');
  await recordAssessment(outcomes, { takenOn: isoDay(-1), kind: 'Follow-up', scores: { Housing: 3 } });

  // In English the history names the change and its reason.
  const history = await openTab(page, 'History');
  const table = history.getByRole('table', { name: 'Who changed what' });
  await expect(table.getByRole('cell', { name: 'Service corrected: Immigration (Some details were wrong)', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Service removed: Shelter or housing (It was logged twice)', exact: true })).toBeVisible();

  // In Spanish, every word of it is Spanish.
  await page.getByLabel('Language', { exact: true }).selectOption('es');
  const historial = page.getByRole('tabpanel', { name: 'Historial', exact: true });
  const tabla = historial.getByRole('table', { name: 'Quién cambió qué' });
  for (const cell of [
    'Servicios prestados',
    'Derivaciones',
    'Plan de seguridad',
    'Resultados',
    'Servicio corregido: Inmigración (Algunos datos estaban mal)',
    'Servicio quitado: Albergue o vivienda (Se registró dos veces)',
    'Servicio registrado: Legal',
    'Derivación enviada: Legal',
    'Estado de la derivación: Aceptada',
    'Evaluación registrada: De seguimiento',
    'Versión: 1',
    'Caso creado',
  ]) {
    await expect(tabla.getByRole('cell', { name: cell, exact: true }).first()).toBeVisible();
  }
  const words = await tabla.locator('tbody').innerText();
  for (const english of ['Accepted', 'Sent', 'Assessment', 'Version', 'Follow', 'Services', 'Referrals', 'Safety', 'Outcomes', 'Immigration', 'Shelter', 'Service', 'Case']) {
    expect(words, `no "${english}" in the Spanish history`).not.toContain(english);
  }
  await expectNoSeriousA11yIssues(page, 'history, in Spanish');
});
