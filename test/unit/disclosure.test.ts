import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disclosedCells, suppressPartition, WITHHELD } from '../../shared/disclosure';

describe('small-cell suppression', () => {
  it('shows counts from 1 to the threshold only as a range, and zeros and large counts as they are', () => {
    expect(suppressPartition([0, 50, 40], 10)).toEqual({ cells: [0, 50, 40], total: 90, whollyWithheld: false });
    const { cells, total } = suppressPartition([3, 50, 40], 10);
    expect(cells[0]).toBe('1-10');
    expect(total).toBe(93);
  });

  it('withholds a second cell so a single hidden one cannot be subtracted out of the total', () => {
    const { cells } = suppressPartition([3, 50, 40], 10);
    // 93 - 50 - 40 would give 3; the smallest shown count is withheld too.
    expect(cells).toEqual(['1-10', 50, WITHHELD]);
    expect(disclosedCells(cells, 93, 10)).toEqual([]);
  });

  it('knows the classic trap: a hidden 1 beside a withheld 11 with a total of 12', () => {
    // Shown naively as ["1-10", "withheld"] with total 12, the 1 is forced (the other must be > 10).
    expect(disclosedCells(['1-10', WITHHELD], 12, 10)).toEqual([0]);
    // No pattern of two hidden cells is safe, so the whole table is withheld.
    expect(suppressPartition([1, 11, 0], 10)).toEqual({ cells: [WITHHELD, WITHHELD, WITHHELD], total: 12, whollyWithheld: true });
    // With a third count to hide alongside, a safe pattern exists.
    const safe = suppressPartition([1, 11, 40], 10);
    expect(safe.whollyWithheld).toBe(false);
    expect(disclosedCells(safe.cells, safe.total, 10)).toEqual([]);
  });

  it('over thousands of random tables, never shows a count from 1 to the threshold and never lets one be worked out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2, max: 20 }),
        (counts, threshold) => {
          const { cells, total, whollyWithheld } = suppressPartition(counts, threshold);
          for (const shown of [...cells, total]) {
            if (typeof shown === 'number') expect(shown === 0 || shown > threshold).toBe(true);
          }
          if (whollyWithheld) expect(cells.every((c) => c === WITHHELD)).toBe(true);
          else expect(disclosedCells(cells, total, threshold)).toEqual([]);
          // Nothing is made up: every shown number is the true count.
          cells.forEach((shown, i) => {
            if (typeof shown === 'number') expect(shown).toBe(counts[i]);
          });
        },
      ),
      { numRuns: 5000, seed: 61 },
    );
  });
});
