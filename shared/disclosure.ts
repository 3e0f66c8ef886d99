// shared/: runs in every process. Imports nothing outside shared/.
// Small-cell suppression for de-identified reports (CMS cell-size policy style): a count from 1 to
// the threshold is shown only as a range ("1-10"), and further cells are withheld where needed so
// that no hidden count can be worked out from a published total. Zeros are shown: a true zero
// identifies nobody.

export type Cell = number | string;

export interface SuppressedTable {
  cells: Cell[];
  total: Cell;
  /** True when no safe pattern of hidden cells exists: every cell is withheld, zeros included. */
  whollyWithheld: boolean;
}

/** A range of one value would disclose it: the threshold is at least 2. */
export const MIN_THRESHOLD = 2;
export const DEFAULT_THRESHOLD = 10;

const range = (threshold: number) => `1-${threshold}`;
export const WITHHELD = 'withheld';

interface Bounds {
  lo: number;
  hi: number;
}

/** What a reader who knows the rule can say about each value, from how it is displayed. */
export function boundsOf(shown: Cell, threshold: number): Bounds {
  if (typeof shown === 'number') return { lo: shown, hi: shown };
  if (shown === range(threshold)) return { lo: 1, hi: threshold };
  // A withheld cell was above the threshold (or it would have been shown as a range).
  return { lo: threshold + 1, hi: Number.POSITIVE_INFINITY };
}

/**
 * For each hidden cell, the smallest and largest value consistent with the shown cells, the hidden
 * cells' bounds and the total. A hidden cell whose interval is a single value has been disclosed.
 */
export function disclosedCells(cells: Cell[], total: Cell, threshold: number): number[] {
  const bounds = cells.map((c) => boundsOf(c, threshold));
  const t = boundsOf(total, threshold);
  const sumLo = bounds.reduce((s, b) => s + b.lo, 0);
  const sumHi = bounds.reduce((s, b) => s + b.hi, 0);
  const disclosed: number[] = [];
  cells.forEach((cell, i) => {
    if (typeof cell === 'number') return;
    const b = bounds[i]!;
    const othersHi = sumHi - b.hi;
    const othersLo = sumLo - b.lo;
    const min = Math.max(b.lo, t.lo - othersHi);
    const max = Math.min(b.hi, t.hi - othersLo);
    if (min === max) disclosed.push(i);
  });
  return disclosed;
}

/**
 * Suppresses one table whose cells add up to its total (a partition of one population).
 * Primary: every count from 1 to the threshold becomes a range, the total too. Complementary: while
 * any hidden cell can still be worked out, the smallest shown non-zero cell is withheld as well.
 */
export function suppressPartition(counts: number[], threshold: number): SuppressedTable {
  const totalValue = counts.reduce((s, c) => s + c, 0);
  const primary = (n: number): Cell => (n >= 1 && n <= threshold ? range(threshold) : n);
  const cells: Cell[] = counts.map(primary);
  const total = primary(totalValue);
  for (;;) {
    if (disclosedCells(cells, total, threshold).length === 0) break;
    // Withhold the smallest count still shown (ties: the first); stop when nothing is left to hide.
    let pick = -1;
    counts.forEach((n, i) => {
      if (typeof cells[i] === 'number' && n > 0 && (pick === -1 || n < counts[pick]!)) pick = i;
    });
    if (pick === -1) break;
    cells[pick] = WITHHELD;
  }
  if (disclosedCells(cells, total, threshold).length > 0) {
    // No safe pattern exists (a tiny population spread thin). The total stays as shown, because the
    // same population's total is published elsewhere in the report; every cell is withheld, zeros
    // too, so the table says nothing about how that total divides.
    return { cells: cells.map(() => WITHHELD), total, whollyWithheld: true };
  }
  return { cells, total, whollyWithheld: false };
}

/** A count that stands alone (no total to subtract from): primary suppression only. */
export function suppressCount(n: number, threshold: number): Cell {
  return n >= 1 && n <= threshold ? range(threshold) : n;
}
