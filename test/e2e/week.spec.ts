// A caseworker's week (issue 16 §1-2), as a new user would try it, in English and in Spanish: a court
// date booked from a legal milestone shows in "What's due" and on the Week page; marking it attended
// logs the legal service in the same step; three contact attempts go into the contact log, with a
// warning before calling someone whose phone has not been marked safe. Each new screen is scanned
// for accessibility. Built renderer in Debian's Chromium against the real dispatcher.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yIssues } from './support/a11y';
import { expectNoEnglish } from './support/untranslated';
import { createClient } from './support/intake.page';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

const words = {
  en: {
    noConsent: 'No consent recorded', tabs: 'Parts of the case', history: 'History', plan: 'Plan', appointments: 'Appointments', contacts: 'Contact log', nav: 'Sections', due: "What's due", week: 'Week',
    milestones: 'Legal and immigration milestones', addMilestone: 'Add a milestone', milestone: 'Milestone', vacatur: 'Vacatur (record relief)', saveMilestone: 'Save milestone',
    bookDate: 'Book a date for Vacatur (record relief)', dateBooked: /Date booked/u,
    book: 'Book an appointment', fromMilestone: 'For a legal or immigration milestone (optional)', kind: 'Kind of appointment', court: 'Court date', time: 'Time (optional)',
    place: 'Place (optional)', bookSave: 'Book appointment', booked: 'Appointment booked.', dueItem: 'Appointment: Court date',
    mark: 'Say how it went', howItWent: 'How it went', attended: 'Attended', logService: 'Also log the service given', service: 'Service', save: 'Save',
    services: 'Services delivered', legal: 'Legal', serviceLogged: 'service logged',
    logContact: 'Log a contact attempt', how: 'How', what: 'What happened', call: 'Phone call', text: 'Text message', inPerson: 'In person', voicemail: 'Left a voicemail',
    reached: 'Reached', minutes: 'Minutes (optional)', saveAttempt: 'Save attempt', notSafe: /not marked safe for this person/u, saved: /Contact attempt saved \(3 this visit\)/u,
  },
  es: {
    noConsent: 'Sin consentimiento registrado', tabs: 'Partes del caso', history: 'Historial', plan: 'Plan', appointments: 'Citas', contacts: 'Registro de contactos', nav: 'Secciones', due: 'Pendientes', week: 'Semana',
    milestones: 'Trámites legales y migratorios', addMilestone: 'Agregar un trámite', milestone: 'Trámite', vacatur: 'Anulación de antecedentes', saveMilestone: 'Guardar el trámite',
    bookDate: 'Programar una fecha para Anulación de antecedentes', dateBooked: /Fecha programada/u,
    book: 'Programar una cita', fromMilestone: 'Para un trámite legal o migratorio (opcional)', kind: 'Tipo de cita', court: 'Cita en el tribunal', time: 'Hora (opcional)',
    place: 'Lugar (opcional)', bookSave: 'Programar cita', booked: 'Cita programada.', dueItem: 'Cita: Cita en el tribunal',
    mark: 'Indicar cómo fue', howItWent: 'Cómo fue', attended: 'Asistió', logService: 'Registrar también el servicio prestado', service: 'Servicio', save: 'Guardar',
    services: 'Servicios prestados', legal: 'Legal', serviceLogged: 'servicio registrado',
    logContact: 'Registrar un intento de contacto', how: 'Cómo', what: 'Qué pasó', call: 'Llamada', text: 'Mensaje de texto', inPerson: 'En persona', voicemail: 'Se dejó un mensaje de voz',
    reached: 'Se habló con la persona', minutes: 'Minutos (opcional)', saveAttempt: 'Guardar intento', notSafe: /no está marcado como seguro/u, saved: /Intento de contacto guardado \(3 en esta visita\)/u,
  },
} as const;

type Words = (typeof words)['en' | 'es'];

async function openTab(page: Page, w: Words, name: string) {
  await page.getByRole('tablist', { name: w.tabs }).getByRole('tab', { name, exact: true }).click();
  const panel = page.getByRole('tabpanel', { name, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

async function goTo(page: Page, w: Words, name: string) {
  await page.getByRole('navigation', { name: w.nav }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

for (const language of ['en', 'es'] as const) {
  test(`${language}: book a court date from a milestone, mark it attended with its service, and log three contact attempts`, async () => {
    const w: Words = words[language];
    const name = language === 'en' ? 'Ana Week-Pérez' : 'Lucía Semana';
    run = await startPreviewRun();
    const { page } = run;
    await setUpAgency(page);
    await createClient(page, { chosenName: name });
    if (language === 'es') await page.getByLabel('Language', { exact: true }).selectOption('es');

    // A long badge in the case header wraps inside its column instead of running over the next one.
    await page.setViewportSize({ width: 1100, height: 900 });
    const consentBadge = page.locator('.case-facts .badge', { hasText: w.noConsent });
    const badgeBox = (await consentBadge.boundingBox())!;
    const columnBox = (await consentBadge.locator('xpath=ancestor::div[1]').boundingBox())!;
    expect(badgeBox.x + badgeBox.width).toBeLessThanOrEqual(columnBox.x + columnBox.width + 1);
    await page.setViewportSize({ width: 1280, height: 720 });

    // A vacatur milestone in the plan; the court date is booked from it.
    const plan = await openTab(page, w, w.plan);
    const milestones = plan.getByRole('region', { name: w.milestones, exact: true });
    await milestones.getByRole('button', { name: w.addMilestone }).click();
    const milestoneForm = milestones.getByRole('region', { name: w.addMilestone, exact: true });
    await milestoneForm.getByLabel(w.milestone, { exact: true }).selectOption({ label: w.vacatur });
    await milestoneForm.getByRole('button', { name: w.saveMilestone }).click();
    await expect(milestoneForm).toBeHidden();

    // "Book a date" on the milestone opens the appointment form in place, linked to it, kind filled in.
    const vacatur = milestones.getByRole('listitem').filter({ has: page.getByRole('heading', { name: w.vacatur }) });
    await vacatur.getByRole('button', { name: w.bookDate }).click();
    const form = vacatur.getByRole('region', { name: w.bookDate, exact: true });
    await expect(form.getByLabel(w.fromMilestone).locator('option:checked')).toHaveText(w.vacatur);
    await expect(form.getByLabel(w.kind).locator('option:checked')).toHaveText(w.court);
    await form.getByLabel(w.time).fill('09:30');
    await form.getByLabel(w.place).fill('County court, room 4');
    await expectNoSeriousA11yIssues(page, `${language} plan, booking a date from a milestone`);
    if (language === 'es') await expectNoEnglish(page, `${language} plan, booking a date from a milestone`);
    await form.getByRole('button', { name: w.bookSave }).click();
    await expect(vacatur.getByText(w.dateBooked)).toBeVisible();
    await expect(vacatur.getByRole('button', { name: w.bookDate })).toBeFocused();
    const appointments = await openTab(page, w, w.appointments);
    await expect(appointments.getByRole('row').filter({ hasText: w.court })).toHaveCount(1);

    // It shows in What's due and on the Week page, from which the case opens again.
    await goTo(page, w, w.due);
    await expect(page.getByText(w.dueItem)).toBeVisible();
    if (language === 'es') await expectNoEnglish(page, `${language} what's due`);
    await goTo(page, w, w.week);
    await expect(page.getByRole('link', { name })).toBeVisible();
    await expectNoSeriousA11yIssues(page, `${language} week`);
    if (language === 'es') await expectNoEnglish(page, `${language} week`);
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    // Attended, with the legal service logged in the same step.
    const again = await openTab(page, w, w.appointments);
    await again.getByRole('button', { name: new RegExp(`^${w.mark}`, 'u') }).click();
    const outcome = again.getByRole('region', { name: new RegExp(`^${w.howItWent}`, 'u') });
    await expect(outcome.getByLabel(w.howItWent, { exact: true }).locator('option:checked')).toHaveText(w.attended);
    await expect(outcome.getByLabel(w.logService)).toBeChecked();
    await expect(outcome.getByLabel(w.service, { exact: true }).locator('option:checked')).toHaveText(w.legal);
    await expectNoSeriousA11yIssues(page, `${language} appointments, how it went`);
    if (language === 'es') await expectNoEnglish(page, `${language} appointments, how it went`);
    await outcome.getByRole('button', { name: w.save, exact: true }).click();
    await expect(again.getByRole('row').filter({ hasText: w.serviceLogged })).toHaveCount(1);
    const planAgain = await openTab(page, w, w.plan);
    await expect(planAgain.getByRole('region', { name: w.services, exact: true }).getByRole('row').filter({ hasText: w.legal })).toHaveCount(1);

    // Three contact attempts; calling is flagged before saving, since no one has asked yet whether it is safe.
    const contacts = await openTab(page, w, w.contacts);
    const entry = contacts.getByRole('region', { name: w.logContact, exact: true });
    const attempts: [string, string][] = [
      [w.call, w.voicemail],
      [w.text, w.reached],
      [w.inPerson, w.reached],
    ];
    for (const [how, what] of attempts) {
      await entry.getByLabel(w.how, { exact: true }).selectOption({ label: how });
      await entry.getByLabel(w.what, { exact: true }).selectOption({ label: what });
      if (how === w.call) await expect(entry.getByText(w.notSafe)).toBeVisible();
      if (how === w.inPerson) await expect(entry.getByText(w.notSafe)).toBeHidden();
      await entry.getByLabel(w.minutes).fill('5');
      await entry.getByRole('button', { name: w.saveAttempt }).click();
      await expect(entry.getByLabel(w.minutes)).toHaveValue('');
    }
    await expect(contacts.getByText(w.saved)).toBeVisible();
    await expect(contacts.getByRole('table').getByRole('row')).toHaveCount(4);
    await expectNoSeriousA11yIssues(page, `${language} contact log`);
    if (language === 'es') await expectNoEnglish(page, `${language} contact log`);

    // The case's history of this week's work reads in the person's language too.
    const history = await openTab(page, w, w.history);
    await expect(history.getByRole('heading').first()).toBeVisible();
    if (language === 'es') await expectNoEnglish(page, `${language} history`);
  });
}
