// The access log says "Looked at the caseload" once per search: typing "ana p" asks the caseload five
// times, one entry; a search after doing something else, or a minute later, is a new entry.
import { describe, expect, it } from 'vitest';
import { setUpCore, type TestCore } from '../helpers/core';

async function caseloadViews(t: TestCore): Promise<number> {
  return (await t.ok('audit.list', { action: 'clients.list' })).entries.length;
}

describe('caseload views in the access log', () => {
  it('are recorded once per search, not once per keystroke', async () => {
    const t = await setUpCore();
    await t.ok('clients.create', { chosenName: 'Ana Pérez' });
    const before = await caseloadViews(t);

    for (const query of ['a', 'an', 'ana', 'ana ', 'ana p']) {
      await t.ok('clients.list', { query, assigned: 'any' });
      t.clock.advance(400);
    }
    expect(await caseloadViews(t)).toBe(before + 1);
    const afterTyping = await caseloadViews(t);

    // Going on with the same search, or scrolling it, is the same look; a minute later it is a new one.
    await t.ok('clients.list', { query: 'ana', assigned: 'any' });
    await t.ok('clients.list', { query: 'ana', assigned: 'any', offset: 100 });
    t.clock.advance(61_000);
    await t.ok('clients.list', { query: 'ana p', assigned: 'any' });

    // Something else recorded in between (opening a case) ends the search.
    const { rows } = await t.ok('clients.list', { query: 'ana', assigned: 'any' });
    await t.ok('clients.get', { id: rows[0]!.id });
    await t.ok('clients.list', { query: 'ana', assigned: 'any' });
    expect(await caseloadViews(t)).toBe(afterTyping + 2);
  });
});
