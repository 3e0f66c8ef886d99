// The outcome report arrives on the screen in English and is put into the person's language by its
// codes and known wording. The outreach table (added later) had no Spanish on the screen: its rows
// ("Outreach contacts", "People reached", "Minutes") and its note stayed in English, though the
// exported files were Spanish. A report's form only asks to be shown: its message says nothing of saving.
import { expect, test } from '@playwright/test';
import { startPreviewRun, type PreviewRun } from './support/preview';
import { setUpAgency } from './support/session';

let run: PreviewRun;

test.afterEach(async () => {
  await run?.stop();
  run?.cleanup();
});

test('the outreach table of the report reads in Spanish on the screen', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await page.goto(run.url);
  await setUpAgency(page);
  await page.getByLabel('Language', { exact: true }).selectOption('es');
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Informes', exact: true }).click();
  await page.getByRole('button', { name: 'Lo que va de año' }).click();
  await page.getByRole('button', { name: 'Mostrar el informe' }).click();
  const table = page.getByRole('table', { name: 'Trabajo de calle sin caso (anónimo)' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader').or(table.getByRole('cell'))).toContainText(['Contactos de trabajo de calle', 'Personas alcanzadas', 'Minutos']);
  await expect(page.getByText('Recuentos de personas atendidas antes de tener un caso', { exact: false })).toBeVisible();
  await expect(page.getByText(/Outreach contacts|People reached|Counts of people met/u)).toHaveCount(0);
});

test('a period a funder preset does not accept is explained in Spanish', async () => {
  run = await startPreviewRun();
  const { page } = run;
  await page.goto(run.url);
  await setUpAgency(page);
  await page.getByLabel('Language', { exact: true }).selectOption('es');
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Informes', exact: true }).click();
  await page.getByLabel('Desde', { exact: true }).fill('2025-01-01');
  await page.getByLabel('Hasta', { exact: true }).fill('2025-12-31');
  await page.getByLabel('Reglas de recuento').selectOption('ovc');
  await page.getByRole('button', { name: 'Mostrar el informe' }).click();
  await expect(page.getByText(/Los informes de OVC \/ VOCA no pasan de un año fiscal federal/u)).toBeVisible();
  await expect(page.getByText(/reports stay within one federal fiscal year/u)).toHaveCount(0);
  // Asking for a report saves nothing, so its message does not speak of saving.
  await expect(page.getByRole('alert').filter({ hasText: 'Revise los campos señalados' })).toHaveText('Revise los campos señalados, por favor.');
  await expect(page.getByText(/No se ha guardado nada/u)).toHaveCount(0);
  await page.getByLabel('Reglas de recuento').selectOption('otip');
  await page.getByRole('button', { name: 'Mostrar el informe' }).click();
  await expect(page.getByText(/Los informes de HHS OTIP abarcan un trimestre del año fiscal federal/u)).toBeVisible();
  await expect(page.getByText(/reports cover a quarter of the federal fiscal year/u)).toHaveCount(0);
});
