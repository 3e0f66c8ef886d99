// Main process (plain Node). Never imports electron.
// Generated service plans for demo and benchmark stores: goals with steps, about twenty services a
// case, referrals to a few fictional partners, some milestones and notes. Seeded, like the cases.
import * as p from '../../shared/vocab/planning';
import type { Db } from '../store/open';
import { insertAssessment } from '../store/repos/assessments';
import { stmt } from '../store/repos/statements';
import type { Rng } from './generator';

export const demoPartners = [
  { name: 'Harbor Legal Aid (demo)', services: ['legal', 'immigration'] },
  { name: 'Bridge Housing (demo)', services: ['housing'] },
  { name: 'Clinic of Hope (demo)', services: ['medical', 'dental', 'mental_health'] },
  { name: 'Open Door Jobs (demo)', services: ['employment', 'education'] },
] as const;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

function hexId(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 4; i += 1) out += Math.floor(rng() * 0x100000000).toString(16).padStart(8, '0');
  return out;
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function seedPartners(db: Db, rng: Rng, at: string): string[] {
  return demoPartners.map((partner) => {
    const id = hexId(rng);
    stmt(db, 'INSERT INTO partners (id, name, services, created_at) VALUES (?, ?, ?, ?)').run(id, partner.name, JSON.stringify(partner.services), at);
    return id;
  });
}

export interface Instrument {
  id: string;
  domainIds: string[];
}

export function defaultInstrumentOf(db: Db): Instrument {
  const id = stmt<[], { id: string }>(db, "SELECT id FROM instruments WHERE code = 'ssm'").get()!.id;
  return { id, domainIds: stmt<[string], { id: string }>(db, 'SELECT id FROM instrument_domains WHERE instrument_id = ? ORDER BY position').all(id).map((d) => d.id) };
}

/** About three assessments a case: at intake, then every 90 days or so, scores drifting upward. */
function seedAssessments(db: Db, rng: Rng, c: { id: string; createdAt: string; worker: string; today: Date }, instrument: Instrument): void {
  const start = Date.parse(c.createdAt);
  const scores = instrument.domainIds.map(() => 1 + Math.floor(rng() * 3));
  for (let n = 0, at = start; n < 4 && at <= c.today.getTime(); n += 1, at += (80 + Math.floor(rng() * 30)) * day) {
    const id = hexId(rng);
    instrument.domainIds.forEach((_, i) => {
      if (n > 0 && rng() < 0.4) scores[i] = Math.min(5, Math.max(1, scores[i]! + (rng() < 0.8 ? 1 : -1)));
    });
    insertAssessment(db, {
      id,
      clientId: c.id,
      instrumentId: instrument.id,
      takenOn: iso(at),
      kind: n === 0 ? 'intake' : 'follow_up',
      createdAt: c.createdAt,
      createdBy: c.worker,
      scores: instrument.domainIds.map((domainId, i) => ({ domainId, score: scores[i]! })),
    });
  }
}

export function seedPlan(db: Db, rng: Rng, c: { id: string; createdAt: string; worker: string; partnerIds: string[]; today: Date; instrument?: Instrument }): void {
  if (c.instrument) seedAssessments(db, rng, c, c.instrument);
  const start = Date.parse(c.createdAt);
  const span = Math.max(day, c.today.getTime() - start);
  const at = c.createdAt;
  const goalIds: string[] = [];
  const goals = 1 + Math.floor(rng() * 3);
  for (let g = 0; g < goals; g += 1) {
    const id = hexId(rng);
    goalIds.push(id);
    const status = rng() < 0.6 ? 'open' : pick(rng, p.goalStatuses.codes);
    stmt(db, 'INSERT INTO goals (id, client_id, domain, title, target_date, status, status_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      c.id,
      pick(rng, p.goalDomains.codes),
      pick(rng, ['Find stable housing', 'Apply for a work permit', 'Start counseling', 'Open a bank account', 'Enroll in English classes']),
      iso(start + 90 * day + Math.floor(rng() * 200) * day),
      status,
      status === 'open' ? null : iso(start + Math.floor(rng() * span)),
      at,
      c.worker,
    );
    const steps = Math.floor(rng() * 3);
    for (let s = 0; s < steps; s += 1) {
      const due = start + Math.floor(rng() * (span + 60 * day));
      stmt(db, 'INSERT INTO goal_steps (id, goal_id, text, due_date, done_on, position) VALUES (?, ?, ?, ?, ?, ?)').run(
        hexId(rng),
        id,
        pick(rng, ['Call the housing office', 'Gather documents', 'Book an appointment']),
        iso(due),
        rng() < 0.5 ? iso(due) : null,
        s,
      );
    }
  }
  const services = 10 + Math.floor(rng() * 21);
  const insertService = stmt(
    db,
    'INSERT INTO services (id, client_id, date, category, provider, partner_id, minutes, goal_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (let s = 0; s < services; s += 1) {
    const partner = rng() < 0.2 ? pick(rng, c.partnerIds) : null;
    insertService.run(
      hexId(rng),
      c.id,
      iso(start + Math.floor(rng() * span)),
      pick(rng, p.serviceCategories.codes),
      partner ? 'partner' : 'in_house',
      partner,
      15 * (1 + Math.floor(rng() * 8)),
      rng() < 0.3 ? pick(rng, goalIds) : null,
      at,
      c.worker,
    );
  }
  const referrals = Math.floor(rng() * 3);
  for (let r = 0; r < referrals; r += 1) {
    const sent = start + Math.floor(rng() * span);
    const status = pick(rng, p.referralStatuses.codes);
    const answered = status === 'sent' ? null : iso(sent + Math.floor(rng() * 20) * day);
    stmt(
      db,
      'INSERT INTO referrals (id, client_id, partner_id, service, sent_on, status, status_on, accepted_on, shares_identity, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)',
    ).run(hexId(rng), c.id, pick(rng, c.partnerIds), pick(rng, p.serviceCategories.codes), iso(sent), status, answered, ['accepted', 'completed'].includes(status) ? answered : null, at, c.worker);
  }
  if (rng() < 0.25) {
    const requested = start + Math.floor(rng() * span);
    stmt(db, 'INSERT INTO milestones (id, client_id, kind, status, requested_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      hexId(rng),
      c.id,
      pick(rng, p.milestoneKinds.codes),
      pick(rng, p.milestoneStatuses.codes),
      iso(requested),
      at,
      c.worker,
    );
  }
}
