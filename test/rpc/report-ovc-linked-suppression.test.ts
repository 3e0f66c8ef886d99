// Found by a hand-computed QA report: in the OVC / VOCA preset the new victims' breakdowns total the
// "new" count. When few victims continue (a range), "new" is withheld, but each breakdown's total
// showed it again, the report could not be made safe and the screen said "Something went wrong".
// Now those breakdowns are withheld whole and the report is made.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/schemas/reports';
import { setUpCore } from '../helpers/core';

describe('OVC report with few continuing victims', () => {
  it('is made, and no breakdown of new victims shows how many are new', async () => {
    const t = await setUpCore();
    await t.ok('settings.setSuppression', { threshold: 3 });
    // Six victims with a service in the period (Jan-Sep 2025, fiscal year 2025); one of them had one
    // in December 2024 too (same fiscal year), so 5 are new and 1 continuing (shown as "1-3").
    for (let i = 1; i <= 6; i++) {
      const { id } = await t.ok('clients.create', { chosenName: `Synthetic Ovc ${i}` });
      await t.ok('intake.saveSection', { clientId: id, section: 'identity', baseVersion: 1, data: { preferredName: `Synthetic Ovc ${i}`, dateOfBirth: '1990-01-01', genderIdentity: 'woman' } });
      await t.ok('services.add', { clientId: id, date: '2025-03-15', category: 'case_management' });
      if (i === 6) await t.ok('services.add', { clientId: id, date: '2024-12-01', category: 'case_management' });
    }
    const result = await t.call('reports.outcomes', { from: '2025-01-01', to: '2025-09-30', workerId: null, preset: 'ovc' });
    expect(result.ok).toBe(true);
    const report = (result as { ok: true; value: Report }).value;
    const table = (name: string) => report.tables.find((x) => x.name === name)!;
    expect(table('ovc_victims_served').rows.find((r) => r.code === 'new')!.count).toBe('withheld');
    for (const name of ['ovc_new_age', 'ovc_new_gender', 'ovc_new_trafficking_type', 'ovc_new_citizenship']) {
      for (const row of table(name).rows) expect([name, row.count]).toEqual([name, 'withheld']);
    }
    // The services table stays as it was: 6 encounters in the period by 6 people.
    expect(table('ovc_services').rows.find((r) => r.code === 'case_management')).toMatchObject({ clients: 6, encounters: 6 });
  });
});
