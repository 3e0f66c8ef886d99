// rebuildDerived (team sync rebuilds each case's derived rows on every laptop) gives exactly the
// rows the handlers keep as they save: names and search terms, report facts, score lines.
import { describe, expect, it } from 'vitest';
import { rebuildDerived } from '../../main/store/repos/derived';
import { setUpCore, type TestCore } from '../helpers/core';

function derived(t: TestCore, id: string) {
  const db = t.control.current!.db;
  return {
    names: db.prepare('SELECT kind, folded, client_rowid FROM client_names WHERE client_id = ? ORDER BY kind, folded').all(id),
    search: db.prepare('SELECT s.terms FROM clients c JOIN client_search s ON s.rowid = c.rowid WHERE c.id = ?').all(id),
    facts: db.prepare('SELECT * FROM client_facts WHERE client_id = ?').all(id),
    lines: db.prepare('SELECT id, score_line FROM assessments WHERE client_id = ? ORDER BY id').all(id),
  };
}

describe('rebuildDerived', () => {
  it('matches what the handlers wrote, after an intake, an identity with other names and an assessment', async () => {
    const t = await setUpCore();
    const { id } = await t.ok('clients.create', { chosenName: 'Rebuild Example' });
    await t.ok('intake.saveSection', {
      clientId: id,
      section: 'identity',
      baseVersion: 1,
      data: { preferredName: 'Renée Example', pronouns: 'she/her', legalName: 'Renata Ejemplo', aliases: ['Nata'], dateOfBirth: '1990-04-05', genderIdentity: 'woman' },
    });
    const { instruments } = await t.ok('outcomes.instruments', {});
    const domains = instruments[0]!.domains;
    await t.ok('outcomes.record', { clientId: id, instrumentId: instruments[0]!.id, takenOn: '2026-03-01', kind: 'intake', scores: [{ domainId: domains[0]!.id, score: 2 }, { domainId: domains[2]!.id, score: 4 }] });
    const before = derived(t, id);
    expect(before.names.length).toBe(3);
    const db = t.control.current!.db;
    db.prepare('DELETE FROM client_names WHERE client_id = ?').run(id);
    db.prepare('DELETE FROM client_facts WHERE client_id = ?').run(id);
    db.prepare("UPDATE assessments SET score_line = '' WHERE client_id = ?").run(id);
    rebuildDerived(db, id);
    expect(derived(t, id)).toEqual(before);
  });
});
