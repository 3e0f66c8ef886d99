// "Change from first to latest" lists the domains in the instrument's own order, the order the
// chart and the table use, whatever order the scores were stored in.
import { describe, expect, it } from 'vitest';
import { setUpCore } from '../helpers/core';

describe('change from first to latest', () => {
  it("follows the instrument's domain order", async () => {
    const t = await setUpCore();
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Synthetic Order' });
    const instrument = (await t.ok('outcomes.instruments', {})).instruments[0]!;
    expect(instrument.domains.length).toBeGreaterThan(3);
    const order = instrument.domains.map((d) => d.id);
    // Scores given in reverse order, on both assessments.
    const scores = (score: number) => [...order].reverse().map((domainId) => ({ domainId, score }));
    await t.ok('outcomes.record', { clientId, instrumentId: instrument.id, takenOn: '2026-01-10', kind: 'intake', scores: scores(2) });
    await t.ok('outcomes.record', { clientId, instrumentId: instrument.id, takenOn: '2026-04-10', kind: 'follow_up', scores: scores(4) });
    const outcomes = await t.ok('outcomes.forClient', { id: clientId });
    expect(outcomes.change.map((c) => c.domainId)).toEqual(order);
    expect(Object.keys(outcomes.assessments[1]!.scores)).toEqual(order);
  });
});
