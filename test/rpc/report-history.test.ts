// A report for a closed period reads every status as it stood on the period's last day (dated
// history, migration 0100), so re-running it after any later change gives the same figures; and the
// days that decide membership are days on the agency's own calendar, whatever the time zone.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { computeFigures, type Figures } from '../../main/reports/figures';
import { ADMIN, PASSPHRASE, setUpCore, type TestCore } from '../helpers/core';

const YEAR = { from: '2025-01-01', to: '2025-12-31', workerId: null };
const asMap = (b: { key: string; count: number }[]) => Object.fromEntries(b.map((x) => [x.key, x.count]));

async function person(t: TestCore, name: string, intakeDate: string) {
  const { id } = await t.ok('clients.create', { chosenName: name });
  await t.ok('intake.saveSection', { clientId: id, section: 'referral', baseVersion: 1, data: { intakeDate } });
  return id;
}

/** Synthetic people with goals, referrals, milestones, services, assessments and closures in 2025. */
async function store(t: TestCore) {
  // Entered during 2025, then the clock moves on to 2026 for everything later.
  t.clock.advance(Date.parse('2025-01-20T15:00:00Z') - t.clock.now().getTime());
  const a = await person(t, 'Synthetic History A', '2025-02-01');
  const b = await person(t, 'Synthetic History B', '2024-05-01');
  const c = await person(t, 'Synthetic History C', '2024-01-10');
  const partner = await t.ok('partners.add', { name: 'Synthetic Partner', services: ['legal', 'housing'] });
  const goals = [];
  for (const [client, status, on] of [[a, 'achieved', '2025-06-01'], [a, null, null], [b, 'withdrawn', '2025-03-01'], [c, 'achieved', '2024-11-01']] as const) {
    const { id } = await t.ok('plan.addGoal', { clientId: client, domain: 'housing', title: 'Synthetic goal' });
    if (status) await t.ok('plan.setGoalStatus', { goalId: id, status, on });
    goals.push(id);
  }
  const referrals = [];
  for (const [client, status, on] of [[a, 'accepted', '2025-03-11'], [b, 'declined', '2025-04-20'], [b, null, null]] as const) {
    const { id } = await t.ok('referrals.send', { clientId: client, partnerId: partner.id, service: 'legal', sentOn: '2025-03-01', sharesIdentity: false });
    if (status) await t.ok('referrals.setStatus', { referralId: id, status, on });
    referrals.push(id);
  }
  const milestones = [];
  milestones.push((await t.ok('milestones.add', { clientId: a, kind: 't_visa', status: 'granted', requestedOn: '2025-01-15', decidedOn: '2025-08-01' })).id);
  milestones.push((await t.ok('milestones.add', { clientId: b, kind: 'continued_presence', status: 'requested', requestedOn: '2025-05-01' })).id);
  await t.ok('services.add', { clientId: a, date: '2025-04-01', category: 'housing' });
  await t.ok('services.add', { clientId: b, date: '2025-07-01', category: 'legal' });
  const { instruments } = await t.ok('outcomes.instruments', {});
  const ssm = instruments[0]!;
  const [d0, d1] = ssm.domains;
  await t.ok('outcomes.record', { clientId: a, instrumentId: ssm.id, takenOn: '2025-02-01', kind: 'intake', scores: [{ domainId: d0!.id, score: 2 }, { domainId: d1!.id, score: 1 }] });
  await t.ok('outcomes.record', { clientId: a, instrumentId: ssm.id, takenOn: '2025-09-01', kind: 'follow_up', scores: [{ domainId: d0!.id, score: 4 }] });
  await t.ok('clients.close', { clientId: b, closedOn: '2025-10-01', reason: 'goals_met', destination: 'own_housing' });
  await t.ok('clients.close', { clientId: c, closedOn: '2024-12-01', reason: 'moved', destination: 'unknown' });
  // A year on, the screen has locked itself: sign in again.
  t.clock.advance(Date.parse('2026-03-01T09:00:00Z') - t.clock.now().getTime());
  if (!t.control.current) await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
  return { clients: [a, b, c], goals, referrals, milestones, partner: partner.id, instrument: ssm.id, domain: d0!.id };
}

describe('statuses on the last day of the period', () => {
  it('keep a milestone granted in the period and expired later, a goal achieved in it and edited later, and a referral accepted in it', async () => {
    const t = await setUpCore();
    const s = await store(t);
    const db = t.control.current!.db;
    const before = computeFigures(db, YEAR);
    // Hand-counted: A's goal achieved 2025-06-01, A's other goal open, B's withdrawn 2025-03-01; C's
    // goal was achieved in 2024 and C was closed before 2025, so C is not served.
    expect(asMap(before.goals)).toEqual({ achieved: 1, open: 1, withdrawn: 1 });
    expect(asMap(before.referrals)).toEqual({ accepted: 1, declined: 1, sent: 1 });
    expect(before.daysToMatch).toEqual({ median: 10, matched: 1 });
    expect(asMap(before.milestones)).toEqual({ t_visa: 1 });

    // Later (in 2026): the visa expires, the achieved goal is reopened, the accepted referral is
    // declined, the waiting one accepted.
    await t.ok('milestones.update', { milestoneId: s.milestones[0]!, status: 'expired', requestedOn: '2025-01-15', decidedOn: '2025-08-01', expiresOn: '2026-02-01' });
    await t.ok('plan.setGoalStatus', { goalId: s.goals[0]!, status: 'open', on: '2026-01-10' });
    await t.ok('referrals.setStatus', { referralId: s.referrals[0]!, status: 'declined', on: '2026-01-05' });
    await t.ok('referrals.setStatus', { referralId: s.referrals[2]!, status: 'accepted', on: '2026-01-03' });
    expect(computeFigures(db, YEAR)).toEqual(before);
    // And the next year sees the changes.
    const next = computeFigures(db, { from: '2026-01-01', to: '2026-12-31', workerId: null });
    expect(asMap(next.goals)).toEqual({ open: 2 });
  });

  it('serves a case closed before the period and reopened and closed again after it: not at all', async () => {
    const t = await setUpCore();
    const s = await store(t);
    const db = t.control.current!.db;
    const before = computeFigures(db, YEAR);
    expect(before.served.total).toBe(2);
    await t.ok('clients.reopen', { clientId: s.clients[2]!, reopenedOn: '2026-02-01' });
    await t.ok('clients.close', { clientId: s.clients[2]!, closedOn: '2026-05-01', reason: 'moved', destination: 'unknown' });
    expect(computeFigures(db, YEAR)).toEqual(before);
  });

  it('re-running a closed period after any random edits dated after it gives identical figures', async () => {
    const t = await setUpCore();
    const s = await store(t);
    const db = t.control.current!.db;
    const baseline: Record<string, Figures> = {
      direct: computeFigures(db, YEAR, 'direct'),
      complement: computeFigures(db, YEAR, 'complement'),
      half: computeFigures(db, { from: '2025-01-01', to: '2025-06-30', workerId: null }),
    };
    const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const pick = <T,>(list: readonly T[]) => fc.nat({ max: list.length - 1 }).map((i) => list[i]!);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('goal' as const), id: pick(s.goals), status: pick(['open', 'achieved', 'partly', 'not_achieved', 'withdrawn'] as const), on: day }),
      fc.record({ kind: fc.constant('referral' as const), id: pick(s.referrals), status: pick(['sent', 'accepted', 'declined', 'completed', 'no_response'] as const), on: day }),
      fc.record({ kind: fc.constant('milestone' as const), id: pick(s.milestones), status: pick(['requested', 'granted', 'denied', 'expired'] as const), on: day }),
      fc.record({ kind: fc.constant('case' as const), id: pick(s.clients), on: day }),
      fc.record({ kind: fc.constant('service' as const), id: pick(s.clients), on: day }),
      fc.record({ kind: fc.constant('assessment' as const), id: pick(s.clients), on: day, score: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('new' as const), id: pick(s.clients), on: day }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        for (const e of edits) {
          if (e.kind === 'goal') await t.ok('plan.setGoalStatus', { goalId: e.id, status: e.status, on: e.on });
          else if (e.kind === 'referral') await t.ok('referrals.setStatus', { referralId: e.id, status: e.status, on: e.on });
          else if (e.kind === 'milestone') {
            const dates = e.status === 'requested' ? { requestedOn: e.on } : e.status === 'expired' ? { expiresOn: e.on } : { decidedOn: e.on };
            await t.ok('milestones.update', { milestoneId: e.id, status: e.status, ...dates });
          } else if (e.kind === 'case') {
            const status = db.prepare<[string], { status: string }>('SELECT status FROM clients WHERE id = ?').get(e.id)!.status;
            const last = db.prepare<[string], { d: string | null }>("SELECT max(effective_on) AS d FROM status_events WHERE subject = 'case' AND subject_id = ?").get(e.id)!.d;
            const on = last !== null && last > e.on ? last : e.on;
            if (status === 'closed') await t.ok('clients.reopen', { clientId: e.id, reopenedOn: on });
            else await t.ok('clients.close', { clientId: e.id, closedOn: on, reason: 'moved', destination: 'unknown' });
          } else if (e.kind === 'service') await t.ok('services.add', { clientId: e.id, date: e.on, category: 'legal' });
          else if (e.kind === 'assessment') await t.ok('outcomes.record', { clientId: e.id, instrumentId: s.instrument, takenOn: e.on, kind: 'intake', scores: [{ domainId: s.domain, score: e.score }] });
          else {
            await t.ok('plan.addGoal', { clientId: e.id, domain: 'legal', title: 'Synthetic later goal' });
            await t.ok('referrals.send', { clientId: e.id, partnerId: s.partner, service: 'housing', sentOn: e.on, sharesIdentity: false });
            await t.ok('milestones.add', { clientId: e.id, kind: 'u_visa', status: 'granted', requestedOn: e.on, decidedOn: e.on });
          }
        }
        expect(computeFigures(db, YEAR, 'direct')).toEqual(baseline.direct);
        expect(computeFigures(db, YEAR, 'complement')).toEqual(baseline.complement);
        expect(computeFigures(db, { from: '2025-01-01', to: '2025-06-30', workerId: null })).toEqual(baseline.half);
      }),
      { numRuns: 25, seed: 100 },
    );
    // The edits really happened (the property did not hold by doing nothing).
    expect(db.prepare("SELECT count(*) FROM status_events WHERE effective_on > '2025-12-31'").pluck().get()).toBeGreaterThan(20);
  });
});

describe('days on the agency calendar', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it.each([
    // 9 pm on the last day of 2025 in Chicago is 03:00 UTC on 1 January 2026: it belongs to 2025.
    ['America/Chicago', '2026-01-01T03:00:00Z', { in2025: 1, in2026: 0 }],
    // 00:30 on 1 January 2026 in Auckland is 11:30 UTC on 31 December 2025: it belongs to 2026.
    ['Pacific/Auckland', '2025-12-31T11:30:00Z', { in2025: 0, in2026: 1 }],
  ] as const)('in %s, a goal and a case entered at %s count on the local day', async (tz, instant, expected) => {
    process.env.TZ = tz;
    const t = await setUpCore();
    t.clock.advance(Date.parse(instant) - t.clock.now().getTime());
    // A case opened at that moment, and a goal entered then for a person served all year.
    await t.ok('clients.create', { chosenName: 'Synthetic Late Evening' });
    const id = await person(t, 'Synthetic All Year', '2025-06-01');
    await t.ok('plan.addGoal', { clientId: id, domain: 'housing', title: 'Synthetic goal' });
    const db = t.control.current!.db;
    const year = (y: number) => computeFigures(db, { from: `${y}-01-01`, to: `${y}-12-31`, workerId: null });
    expect(year(2025).served).toEqual({ total: 1 + expected.in2025, new: 1 + expected.in2025, continuing: 0 });
    expect(asMap(year(2025).goals).open ?? 0).toBe(expected.in2025);
    expect(year(2026).served.new).toBe(expected.in2026);
    expect(asMap(year(2026).goals).open ?? 0).toBe(1);
  });
});

describe('assessment change', () => {
  it('orders same-day assessments by kind (intake, follow-up, exit) before entry order, and counts two assessments with no domain in common as assessed twice', async () => {
    const t = await setUpCore();
    const { instruments } = await t.ok('outcomes.instruments', {});
    const ssm = instruments[0]!;
    const [d0, d1] = ssm.domains;
    const a = await person(t, 'Synthetic Same Day', '2025-01-10');
    // The follow-up is entered first, the intake of the same day after it: the intake still comes first.
    await t.ok('outcomes.record', { clientId: a, instrumentId: ssm.id, takenOn: '2025-05-01', kind: 'follow_up', scores: [{ domainId: d0!.id, score: 4 }] });
    await t.ok('outcomes.record', { clientId: a, instrumentId: ssm.id, takenOn: '2025-05-01', kind: 'intake', scores: [{ domainId: d0!.id, score: 2 }] });
    const b = await person(t, 'Synthetic No Overlap', '2025-01-10');
    await t.ok('outcomes.record', { clientId: b, instrumentId: ssm.id, takenOn: '2025-02-01', kind: 'intake', scores: [{ domainId: d0!.id, score: 2 }] });
    await t.ok('outcomes.record', { clientId: b, instrumentId: ssm.id, takenOn: '2025-08-01', kind: 'exit', scores: [{ domainId: d1!.id, score: 3 }] });
    const tab = await t.ok('outcomes.forClient', { id: a });
    expect(tab.change).toEqual([{ domainId: d0!.id, first: 2, latest: 4, change: 2 }]);
    for (const strategy of ['direct', 'complement'] as const) {
      const f = computeFigures(t.control.current!.db, YEAR, strategy);
      // A: +2 in the first domain. B: no domain scored both times, but assessed twice all the same.
      expect(f.assessment.map((x) => [x.domain, x.clients, x.meanChange, x.improved])).toEqual([[d0!.code, 1, 2, 1]]);
      expect(f.improvedClients).toEqual({ assessed: 2, improved: 1 });
    }
  });
});
