// shared/: runs in every process. Imports nothing outside shared/.
// The attacker's view of a whole report. suppressPartition (disclosure.ts) keeps each table safe on
// its own; this checks every shown figure of the report together: totals shared between tables,
// linked columns (a category's clients are at most its encounters, and at least one when it has
// any), the assessment table's people (a domain's people and improved are at most those assessed
// twice or improved at all), and derived notes (a percentage shown over a known number of people).
// Each count is an unknown whole number with the bounds its display gives; the constraints are
// propagated to a fixed point, and a hidden count whose bounds meet has been disclosed.
import { boundsOf, type Cell } from './disclosure';

/** A share as the report prints it (whole percent, halves up), computed the same way everywhere. */
export const percentOf = (part: number, whole: number): number => Math.round((100 * part) / whole);

export interface Interval {
  lo: number;
  hi: number;
}

export type Constraint =
  /** The parts add up to the whole. */
  | { kind: 'sum'; parts: string[]; whole: string }
  /** small <= large. */
  | { kind: 'le'; small: string; large: string }
  /** Zero together: small is 0 exactly when large is 0 (clients and encounters of one category). */
  | { kind: 'zeroTogether'; small: string; large: string }
  /** whole <= the sum of the parts (people improved in any domain, by domain). */
  | { kind: 'atMostSum'; parts: string[]; whole: string }
  /** Math.round(100 * part / whole) = percent, shown in a note. */
  | { kind: 'percent'; part: string; whole: string; percent: number }
  /**
   * A mean change shown to two decimals over a known number of people (whole), each person's change a
   * whole number from -spread to +spread, and part counts those whose change is at least +1.
   */
  | { kind: 'mean'; part: string; whole: string; mean: number; spread: number };

export interface DisclosureModel {
  /** Every count the report rests on, by name, with how it is shown. */
  cells: Map<string, { shown: Cell; wholly: boolean }>;
  constraints: Constraint[];
}

export function newModel(): DisclosureModel {
  return { cells: new Map(), constraints: [] };
}

/** A count as the reader sees it. In a wholly withheld table, "withheld" says nothing (zeros too). */
export function addCell(model: DisclosureModel, name: string, shown: Cell, wholly = false): void {
  model.cells.set(name, { shown, wholly });
}

function initialBounds(shown: Cell, wholly: boolean, threshold: number): Interval {
  if (wholly && typeof shown === 'string') return { lo: 0, hi: Number.POSITIVE_INFINITY };
  return boundsOf(shown, threshold);
}

/** Each count's bounds, as far as the shown figures and the constraints between them allow. */
export function propagate(model: DisclosureModel, threshold: number): Map<string, Interval> {
  const b = new Map<string, Interval>();
  for (const [name, c] of model.cells) b.set(name, initialBounds(c.shown, c.wholly, threshold));
  const get = (n: string) => {
    const v = b.get(n);
    if (!v) throw new Error(`No cell ${n} in the disclosure model.`);
    return v;
  };
  const tighten = (n: string, lo: number, hi: number): boolean => {
    const v = get(n);
    if (Number.isNaN(lo) || Number.isNaN(hi)) throw new Error(`Disclosure bounds are not numbers at ${n}.`);
    const next = { lo: Math.max(v.lo, Math.ceil(lo)), hi: Math.min(v.hi, Math.floor(hi)) };
    if (next.lo === v.lo && next.hi === v.hi) return false;
    // Shown figures that contradict each other are a bug in the counting, never something to publish.
    if (next.lo > next.hi) throw new Error(`The report's figures do not add up at ${n}.`);
    b.set(n, next);
    return true;
  };
  for (let round = 0; round < 200; round += 1) {
    let changed = false;
    for (const k of model.constraints) {
      if (k.kind === 'sum' || k.kind === 'atMostSum') {
        const parts = k.parts.map(get);
        const sumLo = parts.reduce((s, p) => s + p.lo, 0);
        const finiteHi = parts.reduce((s, p) => s + (Number.isFinite(p.hi) ? p.hi : 0), 0);
        const unbounded = parts.filter((p) => !Number.isFinite(p.hi)).length;
        const sumHi = unbounded > 0 ? Number.POSITIVE_INFINITY : finiteHi;
        // The others' largest sum, without subtracting infinity from infinity.
        const othersHi = (p: Interval) => (unbounded - (Number.isFinite(p.hi) ? 0 : 1) > 0 ? Number.POSITIVE_INFINITY : finiteHi - (Number.isFinite(p.hi) ? p.hi : 0));
        const whole = get(k.whole);
        if (k.kind === 'sum') {
          changed = tighten(k.whole, sumLo, sumHi) || changed;
          k.parts.forEach((name, i) => {
            const p = parts[i]!;
            changed = tighten(name, whole.lo - othersHi(p), whole.hi - (sumLo - p.lo)) || changed;
          });
        } else {
          changed = tighten(k.whole, 0, sumHi) || changed;
          k.parts.forEach((name, i) => {
            const p = parts[i]!;
            changed = tighten(name, whole.lo - othersHi(p), Number.POSITIVE_INFINITY) || changed;
          });
        }
      } else if (k.kind === 'le') {
        changed = tighten(k.small, 0, get(k.large).hi) || changed;
        changed = tighten(k.large, get(k.small).lo, Number.POSITIVE_INFINITY) || changed;
      } else if (k.kind === 'zeroTogether') {
        const small = get(k.small);
        const large = get(k.large);
        if (large.lo >= 1) changed = tighten(k.small, 1, Number.POSITIVE_INFINITY) || changed;
        if (small.hi === 0) changed = tighten(k.large, 0, 0) || changed;
        if (small.lo >= 1) changed = tighten(k.large, 1, Number.POSITIVE_INFINITY) || changed;
        if (large.hi === 0) changed = tighten(k.small, 0, 0) || changed;
      } else if (k.kind === 'mean') {
        const n = get(k.whole);
        // Only over a known number of people: the sum S of the changes rounds to the mean shown, and
        // x improved people allow x - spread (n - x) <= S <= spread x.
        if (n.lo === n.hi && Number.isFinite(n.hi) && n.hi > 0) {
          const sumLo = Math.ceil(n.hi * (k.mean - 0.005) - 1e-9);
          const sumHi = Math.floor(n.hi * (k.mean + 0.005) + 1e-9);
          changed = tighten(k.part, sumLo / k.spread, (sumHi + k.spread * n.hi) / (1 + k.spread)) || changed;
        }
      } else {
        const whole = get(k.whole);
        const part = get(k.part);
        // Only a known whole pins the part; scan the few values the part can take.
        if (whole.lo === whole.hi && Number.isFinite(whole.hi) && whole.hi > 0) {
          let lo = Number.POSITIVE_INFINITY;
          let hi = Number.NEGATIVE_INFINITY;
          for (let x = part.lo; x <= Math.min(part.hi, whole.hi); x += 1) {
            if (percentOf(x, whole.hi) === k.percent) {
              lo = Math.min(lo, x);
              hi = Math.max(hi, x);
            }
          }
          changed = tighten(k.part, lo, hi) || changed;
        }
      }
    }
    if (!changed) break;
  }
  return b;
}

/** The hidden counts (shown as a range or withheld) that the report as a whole gives away. */
export function disclosedInReport(model: DisclosureModel, threshold: number): string[] {
  const bounds = propagate(model, threshold);
  const out: string[] = [];
  for (const [name, c] of model.cells) {
    if (typeof c.shown === 'number') continue;
    const v = bounds.get(name)!;
    if (v.lo >= v.hi) out.push(name);
  }
  return out;
}
