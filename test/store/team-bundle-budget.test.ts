// Security review: a bundle's decompression was capped per frame only, so a validly signed bundle from
// a team laptop with many frames could expand without bound in total. Each bundle now has one fixed
// budget of decompressed bytes (BUNDLE_PLAIN_BUDGET); a bundle over it is refused, the store unchanged.
// The crafted bundle repeats one real case frame many times; the test gives the receiver a budget
// a little above one frame (a real-size bundle of 2 GiB is too heavy for a unit test), and then shows the
// same bundle is accepted under the real budget.
import { describe, expect, it } from 'vitest';
import { BUNDLE_PLAIN_BUDGET, runExchange } from '../../main/sync/team/exchange';
import { MAX_BODY_BYTES } from '../../main/sync/team/bundle';
import { commitRound, prepareRound, syncRound } from '../../main/sync/team/round';
import { readSelf } from '../../main/sync/team/state';
import { addStaff } from '../helpers/core';
import { dbOf, firstLaptop, joinFor } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

const names = (d: ReturnType<typeof dbOf>) => d.prepare('SELECT chosen_name FROM clients ORDER BY chosen_name').pluck().all() as string[];

describe('a bundle whose frames together decompress past the budget', () => {
  it('is refused as damaged with the store unchanged; the real budget is twice the largest body', async () => {
    expect(BUNDLE_PLAIN_BUDGET).toBe(2 * MAX_BODY_BYTES);
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const b = await joinFor(a, folder, sup);
    for (const t of [b, a, b, a, b]) syncRound(dbOf(t));
    await a.ok('clients.create', { chosenName: 'Repeated Person' });

    // Laptop a's own round, its one case frame repeated 64 times (per-case frames, each under its own cap).
    const prepared = prepareRound(dbOf(a), new Date());
    const frame = prepared.plan.outgoing!.frames.find((f) => f.kind === 'changes' && f.caseId !== null)!;
    const { holders: _grouped, ...single } = frame;
    prepared.plan.outgoing!.frames.push(...Array.from({ length: 64 }, () => ({ ...single })));
    commitRound(dbOf(a), prepared, runExchange(prepared.plan), new Date());

    const before = JSON.stringify([names(dbOf(b)), dbOf(b).prepare('SELECT laptop_id, applied_seq FROM team_laptops ORDER BY laptop_id').all()]);
    const receiving = prepareRound(dbOf(b), new Date());
    receiving.plan.plainBudget = 16 * frame.data.length;
    const result = runExchange(receiving.plan);
    commitRound(dbOf(b), receiving, result, new Date());
    const aId = readSelf(dbOf(a))!.laptopId;
    expect(result.refused).toContainEqual(expect.objectContaining({ laptop: aId, reason: 'damaged' }));
    expect(JSON.stringify([names(dbOf(b)), dbOf(b).prepare('SELECT laptop_id, applied_seq FROM team_laptops ORDER BY laptop_id').all()])).toBe(before);

    // Under the real budget the same bundle is read.
    syncRound(dbOf(b));
    expect(names(dbOf(b))).toContain('Repeated Person');
  });
});

describe('a round over many bundles', () => {
  it('stops reading once the round has decompressed its budget, and reads the rest in the next rounds', async () => {
    // Security review 5: each bundle had a budget, but a round held every new bundle's decompressed
    // content in memory at once (a laptop back after months reads thousands), with no total limit.
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
    const b = await joinFor(a, folder, sup);
    for (const t of [b, a, b, a, b]) syncRound(dbOf(t));
    for (const name of ['First Later', 'Second Later', 'Third Later']) {
      await a.ok('clients.create', { chosenName: name });
      syncRound(dbOf(a));
    }
    const receiving = prepareRound(dbOf(b), new Date());
    receiving.plan.roundPlainBudget = 1;
    const result = runExchange(receiving.plan);
    commitRound(dbOf(b), receiving, result, new Date());
    expect(result.files).toHaveLength(1);
    expect(result.refused).toEqual([]);
    for (let i = 0; i < 3; i += 1) syncRound(dbOf(b));
    expect(names(dbOf(b))).toEqual(expect.arrayContaining(['First Later', 'Second Later', 'Third Later']));
  });
});
