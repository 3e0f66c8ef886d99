// Page helpers for a client's Outcomes tab, shared by the end-to-end specs.
import { expect, type Locator } from '@playwright/test';
import { formPanel } from './plan.page';

export interface NewAssessment {
  /** The instrument's name; the form's default instrument when omitted. */
  instrument?: string;
  takenOn: string;
  kind: 'At intake' | 'Follow-up';
  /** Level (1-5) by area name. */
  scores: Record<string, number>;
}

/** Records an assessment through the form on an open Outcomes tab, choosing each area's level by its number. */
export async function recordAssessment(panel: Locator, a: NewAssessment): Promise<void> {
  await panel.getByRole('button', { name: 'Record an assessment' }).click();
  const form = formPanel(panel, 'Record an assessment');
  if (a.instrument) await form.getByLabel('Instrument').selectOption({ label: a.instrument });
  await form.getByLabel('Date taken').fill(a.takenOn);
  await form.getByLabel('Kind of assessment').selectOption({ label: a.kind });
  for (const [area, level] of Object.entries(a.scores)) {
    await form.getByRole('group', { name: area, exact: true }).getByRole('radio', { name: new RegExp(`^${level} `, 'u') }).check();
  }
  await form.getByRole('button', { name: 'Save assessment' }).click();
  await expect(form).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'The assessment was saved.' })).toBeVisible();
}
