// Suppression over the whole report: an attacker who knows the rules reads every shown figure at
// once (totals, the clients column beside the encounters column, the share note beside the number
// assessed). Checked against an exact attacker that enumerates every possible true count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../main/reports/build';
import type { Figures } from '../../main/reports/figures';
import { boundsOf, type Cell } from '../../shared/disclosure';
import type { Report } from '../../shared/schemas/reports';

const PERIOD = { from: '2025-01-01', to: '2025-12-31', workerId: null };

/** Figures that add up: every breakdown of the served people totals the served count. */
function figures(over: Partial<Figures>, served = 80): Figures {
  const all = [{ key: 'not_recorded', count: served }];
  return {
    served: { total: served, new: served, continuing: 0 },
    ageAtIntake: [{ key: 'adult', count: served }],
    traffickingType: all,
    gender: all,
    citizenship: all,
    referralSource: all,
    services: [],
    referrals: [],
    daysToMatch: { median: null, matched: 0 },
    goals: [],
    assessment: [],
    improvedClients: { assessed: 0, improved: 0 },
    milestones: [],
    exits: [],
    familyMembersServed: 0,
    ...over,
  };
}

const table = (r: Report, name: string) => r.tables.find((t) => t.name === name)!;
const isWholly = (r: Report, name: string) => table(r, name).note?.startsWith('Too few people to show how this total divides') ?? false;

/** A displayed cell's possible values, capped at `cap` (withheld in a wholly withheld table: anything). */
function possible(cell: Cell, t: number, cap: number, wholly: boolean): [number, number] {
  if (wholly && typeof cell === 'string') return [0, cap];
  const b = boundsOf(cell, t);
  return [b.lo, Math.min(b.hi, cap)];
}

/** Exact attacker on the services table: every value each hidden cell can still take. */
function servicesAttack(report: Report, t: number): { cell: string; values: Set<number> }[] {
  const services = table(report, 'services_by_category');
  const wholly = isWholly(report, 'services_by_category');
  const rows = services.rows.filter((r) => r.code !== 'total');
  const total = possible(services.rows.find((r) => r.code === 'total')!.encounters!, t, Number.POSITIVE_INFINITY, false);
  const served = possible(table(report, 'clients_served').rows.find((r) => r.code === 'total')!.clients!, t, Number.POSITIVE_INFINITY, false);
  const cap = total[1];
  const pairs = rows.map((r) => {
    const [eLo, eHi] = possible(r.encounters!, t, cap, wholly);
    const [cLo, cHi] = possible(r.clients!, t, Math.min(cap, served[1]), wholly);
    const out: [number, number][] = [];
    for (let e = eLo; e <= eHi; e += 1) for (let c = cLo; c <= Math.min(cHi, e); c += 1) if ((c === 0) === (e === 0)) out.push([c, e]);
    return out;
  });
  const sums = (list: [number, number][][]) => list.reduce((acc, ps) => new Set([...acc].flatMap((s) => ps.map(([, e]) => s + e)).filter((s) => s <= cap)), new Set([0]));
  const out: { cell: string; values: Set<number> }[] = [];
  rows.forEach((r, k) => {
    const before = sums(pairs.slice(0, k));
    const after = sums(pairs.slice(k + 1));
    const feasible = pairs[k]!.filter(([, e]) => [...before].some((p) => [...after].some((q) => p + e + q >= total[0] && p + e + q <= total[1])));
    if (typeof r.encounters !== 'number') out.push({ cell: `${String(r.code)}:encounters`, values: new Set(feasible.map(([, e]) => e)) });
    if (typeof r.clients !== 'number') out.push({ cell: `${String(r.code)}:clients`, values: new Set(feasible.map(([c]) => c)) });
  });
  return out;
}

/** Exact attacker on the improved count: its display, the number assessed and the share in the note. */
function improvedAttack(report: Report, t: number): Set<number> | null {
  const any = table(report, 'assessment_change').rows.find((r) => r.code === 'any')!;
  if (typeof any.improved === 'number') return null;
  const assessed = possible(any.clients!, t, 10_000, false);
  const match = /: (\d+)%\.$/u.exec(table(report, 'assessment_change').note ?? '');
  const [lo, hi] = possible(any.improved!, t, assessed[1], isWholly(report, 'assessment_change'));
  const values = new Set<number>();
  for (let a = assessed[0]; a <= assessed[1]; a += 1) {
    for (let x = lo; x <= Math.min(hi, a); x += 1) if (!match || Math.round((100 * x) / a) === Number(match[1])) values.add(x);
  }
  return values;
}

/**
 * Exact attacker on one domain's improved count from its shown mean change: each person's change is a
 * whole number from -4 to +4 (scores 1 to 5), an improved person's at least +1, and the mean is shown
 * to two decimals over a shown number of people.
 */
function meanAttack(report: Report, t: number): { cell: string; values: Set<number> }[] {
  const change = table(report, 'assessment_change');
  const out: { cell: string; values: Set<number> }[] = [];
  for (const r of change.rows) {
    if (r.code === 'any' || typeof r.improved === 'number' || typeof r.mean_change !== 'number' || typeof r.clients !== 'number') continue;
    const n = r.clients;
    const mean = r.mean_change;
    const [lo, hi] = possible(r.improved!, t, n, isWholly(report, 'assessment_change'));
    const values = new Set<number>();
    for (let x = lo; x <= hi; x += 1) {
      // Some whole sum S of x changes in [1, 4] and n - x changes in [-4, 0] rounds to the mean shown.
      for (let s = x - 4 * (n - x); s <= 4 * x; s += 1) {
        if (Math.round((s / n) * 100) / 100 === mean) {
          values.add(x);
          break;
        }
      }
    }
    out.push({ cell: `${String(r.code)}:improved`, values });
  }
  return out;
}

/** A domain's tally from each person's change (-4 to +4), as main/reports/figures.ts counts it. */
function domainOf(domain: string, changes: number[]) {
  const sum = changes.reduce((a, b) => a + b, 0);
  return { domain, label: domain, clients: changes.length, meanChange: Math.round((sum / changes.length) * 100) / 100, improved: changes.filter((c) => c >= 1).length };
}

describe('disclosure control over the whole report', () => {
  it('does not let "63% improved with 16 assessed" give away a hidden 1-10 as exactly 10', () => {
    const report = buildReport(figures({ improvedClients: { assessed: 16, improved: 10 } }), PERIOD, 10);
    const any = table(report, 'assessment_change').rows.find((r) => r.code === 'any')!;
    expect(any).toMatchObject({ clients: 16, improved: '1-10' });
    expect(table(report, 'assessment_change').note).not.toContain('63%');
    expect(improvedAttack(report, 10)!.size).toBeGreaterThan(1);
    // A share over a count that is shown is shown as it is.
    expect(table(buildReport(figures({ improvedClients: { assessed: 50, improved: 20 } }), PERIOD, 10), 'assessment_change').note).toBe('Share with measurable improvement: 40%.');
  });

  it('does not let the clients column pin a withheld encounters cell', () => {
    // Encounters 40, 13 and 1 (total 54): the 1 is a range and the 13 is withheld beside it. Shown
    // naively, 13 clients in the second category would force its encounters to 13 and the range to 1.
    const report = buildReport(
      figures({ services: [{ category: 'case_management', clients: 12, encounters: 40 }, { category: 'housing', clients: 13, encounters: 13 }, { category: 'legal', clients: 1, encounters: 1 }] }),
      PERIOD,
      10,
    );
    const rows = table(report, 'services_by_category').rows;
    expect(rows.map((r) => [r.code, r.clients, r.encounters])).toEqual([
      ['case_management', 12, 40],
      ['housing', 'withheld', 'withheld'],
      ['legal', '1-10', '1-10'],
      ['total', '', 54],
    ]);
    for (const { cell, values } of servicesAttack(report, 10)) expect(values.size, cell).toBeGreaterThan(1);
  });

  it('over random services and assessment tables, no hidden count can be worked out from all the shown figures together', () => {
    const service = fc.integer({ min: 0, max: 30 }).chain((encounters) => fc.record({ encounters: fc.constant(encounters), clients: fc.integer({ min: encounters === 0 ? 0 : 1, max: Math.max(encounters === 0 ? 0 : 1, encounters) }) }));
    let hidden = 0;
    fc.assert(
      fc.property(
        fc.array(service, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (list, t, assessedRaw, improvedRaw) => {
          const maxClients = Math.max(0, ...list.map((s) => s.clients));
          const served = Math.max(maxClients, assessedRaw, 1);
          const assessed = assessedRaw;
          const improved = Math.min(improvedRaw, assessed);
          const f = figures({
            services: list.map((s, i) => ({ category: `c${i}`, ...s })),
            // The improved each up by one level, the others unchanged: a mean that agrees with the counts.
            assessment: improved > 0 ? [{ domain: 'housing', label: 'Housing', clients: assessed, meanChange: Math.round((improved / assessed) * 100) / 100, improved }] : [],
            improvedClients: { assessed, improved },
          }, served);
          const report = buildReport(f, PERIOD, t);
          for (const { cell, values } of servicesAttack(report, t)) {
            hidden += 1;
            expect(values.size, cell).toBeGreaterThan(1);
          }
          const values = improvedAttack(report, t);
          if (values && improved > 0) expect(values.size).toBeGreaterThan(1);
          // Nothing made up: every number shown is the true count.
          table(report, 'services_by_category').rows.forEach((r, i) => {
            if (r.code !== 'total' && typeof r.encounters === 'number') expect(r.encounters).toBe(list[i]!.encounters);
            if (r.code !== 'total' && typeof r.clients === 'number') expect(r.clients).toBe(list[i]!.clients);
          });
        },
      ),
      { numRuns: 1500, seed: 12 },
    );
    expect(hidden).toBeGreaterThan(300);
  });
  it('does not let a mean change of +2.5 over 16 people give away a hidden "1-10" improved as exactly 10', () => {
    // Sixteen people, ten up by 4 and six unchanged: mean +2.5. With changes of at most +4, a sum of 40
    // needs at least ten people improved, and the range says at most ten.
    const housing = domainOf('housing', [...Array<number>(10).fill(4), ...Array<number>(6).fill(0)]);
    const report = buildReport(figures({ assessment: [housing], improvedClients: { assessed: 16, improved: 10 } }), PERIOD, 10);
    const row = table(report, 'assessment_change').rows.find((r) => r.code === 'housing')!;
    expect(row.improved).toBe('1-10');
    for (const { cell, values } of meanAttack(report, 10)) expect(values.size, cell).toBeGreaterThan(1);
    // And from below: one person up by 1, fifteen down by 4 gives -3.69; only one person can be improved.
    const down = domainOf('housing', [1, ...Array<number>(15).fill(-4)]);
    const low = buildReport(figures({ assessment: [down], improvedClients: { assessed: 16, improved: 1 } }), PERIOD, 10);
    for (const { cell, values } of meanAttack(low, 10)) expect(values.size, cell).toBeGreaterThan(1);
  });

  it('over random assessment domains, no mean change shown pins a hidden improved count', () => {
    const changes = fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 30 });
    let hidden = 0;
    fc.assert(
      fc.property(fc.array(changes, { minLength: 1, maxLength: 3 }), fc.integer({ min: 2, max: 10 }), (lists, t) => {
        const domains = lists.map((c, i) => domainOf(`d${i}`, c));
        const assessed = Math.max(...domains.map((d) => d.clients));
        const improved = Math.max(...domains.map((d) => d.improved));
        const report = buildReport(figures({ assessment: domains, improvedClients: { assessed, improved } }, Math.max(assessed, 1)), PERIOD, t);
        for (const { cell, values } of meanAttack(report, t)) {
          hidden += 1;
          expect(values.size, cell).toBeGreaterThan(1);
        }
        // A mean is never made up: shown means are the true ones.
        for (const r of table(report, 'assessment_change').rows) {
          const d = domains.find((x) => x.domain === r.code);
          if (d && typeof r.mean_change === 'number') expect(r.mean_change).toBe(d.meanChange);
        }
      }),
      { numRuns: 1500, seed: 16 },
    );
    expect(hidden).toBeGreaterThan(100);
  });
});
