// Minimum necessary after a reassignment: a case moved away from a caseworker leaves that
// caseworker's laptop at its next sync (its rows, what the laptop derived from them, its document and
// keys), while a note written there just before is still delivered to the others; reassigned back,
// the case returns whole. Laptops in temporary data folders sharing one folder, through the modules.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/store/open';
import { syncRound } from '../../main/sync/team/round';
import { addStaff, type TestCore } from '../helpers/core';
import { dbOf as db, firstLaptop, joinFor } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

const NOW = () => new Date();

/** Every row anywhere in the store that names the case: its own row, rows with its client_id, its document, keys and search entries. */
function traces(d: Db, caseId: string): Record<string, number> {
  const found: Record<string, number> = {};
  const tables = d.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const columns = d.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
    const where = columns.filter((c) => ['client_id', 'case_id', 'doc_id', 'id'].includes(c) && !(table === 'team_case_grants' && c === 'case_id'));
    if (where.length === 0) continue;
    const n = d.prepare(`SELECT count(*) FROM ${table} WHERE ${where.map((c) => `${c} = @id OR ${c} = @doc`).join(' OR ')}`).pluck().get({ id: caseId, doc: `case:${caseId}` }) as number;
    if (n > 0) found[table] = n;
  }
  return found;
}

const names = (t: TestCore) => db(t).prepare('SELECT chosen_name FROM clients ORDER BY chosen_name').pluck().all() as string[];

describe('a case reassigned away from a caseworker', () => {
  it('leaves the caseworker laptop at its next sync, after the note written there was sent; it comes back when reassigned back', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const cw = await addStaff(a, 'caseworker', 'Casey Reassign-Worker');
    const cwId = db(a).prepare('SELECT id FROM users WHERE display_name = ?').pluck().get(cw.name) as string;
    const moving = await a.ok('clients.create', { chosenName: 'Moving Person Qx7' });
    const staying = await a.ok('clients.create', { chosenName: 'Staying Person Rv2' });
    await a.ok('clients.assign', { clientId: moving.id, workerId: cwId });
    await a.ok('clients.assign', { clientId: staying.id, workerId: cwId });
    await a.ok('services.add', { clientId: moving.id, date: '2026-03-02', category: 'housing', provider: 'in_house', minutes: 30 });
    syncRound(db(a), NOW());
    const c = await joinFor(a, folder, cw);
    for (const t of [c, a, c]) syncRound(db(t), NOW());
    expect(names(c)).toEqual(['Moving Person Qx7', 'Staying Person Rv2']);
    expect(db(c).prepare('SELECT count(*) FROM services WHERE client_id = ?').pluck().get(moving.id)).toBe(1);

    // The caseworker writes a note; before their laptop syncs, an administrator moves the case away.
    await c.ok('notes.add', { clientId: moving.id, date: '2026-03-03', kind: 'contact', body: 'Synthetic note written before the move' });
    await a.ok('clients.assign', { clientId: moving.id, workerId: null });
    syncRound(db(a), NOW());
    syncRound(db(c), NOW());

    expect(names(c)).toEqual(['Staying Person Rv2']);
    expect(traces(db(c), moving.id)).toEqual({});
    expect(db(c).prepare("SELECT count(*) FROM client_search WHERE terms LIKE '%moving person%'").pluck().get()).toBe(0);
    await expect(c.call('clients.get', { id: moving.id })).resolves.toMatchObject({ ok: false });
    // The case the caseworker keeps is untouched.
    expect(traces(db(c), staying.id)).toMatchObject({ clients: 1, sync_docs: 1 });

    // The note reached the administrator's laptop: nothing written on the caseworker's laptop was lost.
    syncRound(db(a), NOW());
    expect(db(a).prepare('SELECT body FROM case_notes WHERE client_id = ?').pluck().all(moving.id)).toEqual(['Synthetic note written before the move']);

    // Later rounds (the administrator edits the case) bring nothing of it back.
    await a.ok('services.add', { clientId: moving.id, date: '2026-03-04', category: 'housing', provider: 'in_house', minutes: 15 });
    for (const t of [a, c, a, c]) syncRound(db(t), NOW());
    expect(traces(db(c), moving.id)).toEqual({});

    // Reassigned back: the whole case returns, with what happened meanwhile.
    await a.ok('clients.assign', { clientId: moving.id, workerId: cwId });
    for (const t of [a, c, a, c]) syncRound(db(t), NOW());
    expect(names(c)).toEqual(['Moving Person Qx7', 'Staying Person Rv2']);
    expect(db(c).prepare('SELECT count(*) FROM services WHERE client_id = ?').pluck().get(moving.id)).toBe(2);
    expect(db(c).prepare('SELECT count(*) FROM case_notes WHERE client_id = ?').pluck().get(moving.id)).toBe(1);
  });
});
