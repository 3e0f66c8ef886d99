// What a new user stumbled on in the caseload search (issue 16, section 5): a short word matches the
// start of any name word, accents aside; a case number typed without dashes finds the case; and a
// caseworker whose search matches only others' cases is told how many (case numbers, never names).
import { describe, expect, it } from 'vitest';
import { addStaff, setUpCore } from '../helpers/core';

describe('caseload search', () => {
  it('"pe" finds "Ana Pérez", and so do "PÉ", "an pe" and a case number typed without dashes', async () => {
    const t = await setUpCore();
    const ana = await t.ok('clients.create', { chosenName: 'Ana Pérez' });
    await t.ok('clients.create', { chosenName: 'Peter Long' });
    await t.ok('clients.create', { chosenName: 'Lupe Stone' });
    const names = async (query: string) => (await t.ok('clients.list', { query, assigned: 'any' })).rows.map((r) => r.chosenName).sort();
    expect(await names('pe')).toEqual(['Ana Pérez', 'Peter Long']);
    expect(await names('PÉ')).toEqual(['Ana Pérez', 'Peter Long']);
    expect(await names('an pe')).toEqual(['Ana Pérez']);
    expect(await names('st')).toEqual(['Lupe Stone']);
    expect(ana.caseNumber).toMatch(/^SH-\d{4}-\d{4}$/u);
    expect(await names(ana.caseNumber.replaceAll('-', ''))).toEqual(['Ana Pérez']);
    expect(await names(ana.caseNumber.replaceAll('-', '').toLowerCase())).toEqual(['Ana Pérez']);
    expect(await names(ana.caseNumber)).toEqual(['Ana Pérez']);
  });

  it("tells a caseworker how many of others' cases match, by case number only, and opens one only with a reason", async () => {
    const t = await setUpCore();
    const other = await t.ok('clients.create', { chosenName: 'Ana Pérez' });
    const worker = await addStaff(t, 'caseworker', 'Casey Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    await t.ok('clients.create', { chosenName: 'Ana Own' });

    const found = await t.ok('clients.list', { query: 'ana' });
    expect(found.rows.map((r) => r.chosenName)).toEqual(['Ana Own']);
    expect(found.elsewhere).toEqual({ count: 1, cases: [{ id: other.id, caseNumber: other.caseNumber }] });
    expect(JSON.stringify(found.elsewhere)).not.toContain('Pérez');
    const onlyOthers = await t.ok('clients.list', { query: 'pe' });
    expect(onlyOthers.total).toBe(0);
    expect(onlyOthers.elsewhere?.count).toBe(1);
    expect((await t.ok('clients.list', { query: 'own' })).elsewhere ?? null).toBeNull();
    expect((await t.ok('clients.list', { query: '' })).elsewhere ?? null).toBeNull();

    const refused = await t.call('clients.get', { id: other.id });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    const opened = await t.ok('clients.get', { id: other.id, breakGlassReason: 'Covering for a colleague on leave today.' });
    expect(opened.chosenName).toBe('Ana Pérez');
  });
});
