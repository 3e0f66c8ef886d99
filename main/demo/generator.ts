// Main process (plain Node). Never imports electron.
// A seeded generator of clearly fictional cases, shared by the tests, the benchmark and the demo
// store (`safehold demo`). Same seed, same cases. Phone numbers use the fictional 555-01xx range and
// e-mail addresses the reserved example.org domain.
import type { SectionData, SectionName } from '../../shared/schemas/intake';
import { sectionSchemas } from '../../shared/schemas/intake';
import * as v from '../../shared/vocab/lists';
import { reasons } from '../../shared/vocab/define';
import type { Db } from '../store/open';
import { insertClient, nextCaseNumber, putSection, recordChanges, setClientNames, getClient } from '../store/repos/clients';
import { insertConsent, revokeConsent } from '../store/repos/consents';
import { familyNames, givenNames } from './names';
import { defaultInstrumentOf, seedPartners, seedPlan } from './plans';

export type Rng = () => number;

/** mulberry32: small, fast and good enough for synthetic data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const some = <T>(rng: Rng, list: readonly T[], max: number): T[] => {
  const n = 1 + Math.floor(rng() * max);
  return [...new Set(Array.from({ length: n }, () => pick(rng, list)))];
};
/** Sometimes the honest answer is a reason: doesn't know, prefers not to say, not collected. */
const orReason = <T>(rng: Rng, value: T): T | (typeof reasons.codes)[number] => (chance(rng, 0.12) ? pick(rng, reasons.codes) : value);

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface GeneratedClient {
  chosenName: string;
  pronouns: string | null;
  birthDate: string | null;
  urgentSafety: boolean;
  riskLevel: SectionData<'needs'>['riskLevel'];
  createdAt: string;
  sections: Partial<{ [S in SectionName]: SectionData<S> }>;
  consents: { kind: 'services' | 'share_partner' | 'deidentified_reporting'; recipient: string | null; startDate: string; expiryDate: string | null; revokedOn: string | null }[];
}

export function generateClient(rng: Rng, index: number, today: Date): GeneratedClient {
  const given = pick(rng, givenNames);
  const family = pick(rng, familyNames);
  const chosenName = chance(rng, 0.7) ? given : `${given} ${family}`;
  const day = 86_400_000;
  const created = today.getTime() - Math.floor(rng() * 3 * 365) * day;
  const age = 14 + Math.floor(rng() * 45);
  const birthDate = chance(rng, 0.75) ? isoDate(created - age * 365.25 * day - Math.floor(rng() * 365) * day) : null;
  const urgentSafety = chance(rng, 0.08);
  const riskLevel = pick(rng, [...v.riskLevels.codes, null]);
  const type = pick(rng, v.traffickingTypes.codes);
  const sections: GeneratedClient['sections'] = {
    identity: sectionSchemas.identity.parse({
      preferredName: chosenName,
      pronouns: chance(rng, 0.6) ? pick(rng, ['she/her', 'he/him', 'they/them', 'ella', 'él']) : null,
      legalName: orReason(rng, `${given} ${family}`),
      aliases: chance(rng, 0.3) ? [`${pick(rng, givenNames)}`] : [],
      dateOfBirth: birthDate ?? pick(rng, reasons.codes),
      genderIdentity: orReason(rng, pick(rng, v.genderIdentities.codes)),
      lgbtq: chance(rng, 0.5) ? orReason(rng, pick(rng, v.yesNo.codes)) : null,
      raceEthnicity: orReason(rng, some(rng, v.raceEthnicities.codes, 2)),
    }),
    contact: sectionSchemas.contact.parse({
      methods: chance(rng, 0.85)
        ? [
            {
              kind: 'phone',
              value: `555-01${String(index % 100).padStart(2, '0')}`,
              safeToCall: pick(rng, v.safeFlag.codes),
              safeToText: pick(rng, v.safeFlag.codes),
              safeVoicemail: pick(rng, ['no', 'unknown'] as const),
              safeMail: pick(rng, v.safeFlag.codes),
            },
          ]
        : [],
    }),
    language: sectionSchemas.language.parse({ primary: pick(rng, v.languagesSpoken.codes), interpreterNeeded: orReason(rng, pick(rng, v.yesNo.codes)) }),
    citizenship: sectionSchemas.citizenship.parse({ category: orReason(rng, pick(rng, v.citizenshipCategories.codes)) }),
    trafficking: sectionSchemas.trafficking.parse({
      status: pick(rng, v.traffickingStatuses.codes),
      determinedBy: pick(rng, v.determinedBy.codes),
      type,
      exploitationTypes: some(rng, v.exploitationTypes.codes, 2),
      controlMethods: orReason(rng, some(rng, v.controlMethods.codes, 3)),
      laborIndustry: type === 'sex' ? 'not_applicable' : pick(rng, v.laborIndustries.codes),
      recruitment: orReason(rng, some(rng, v.recruitmentMethods.codes, 2)),
      ageFirstTrafficked: orReason(rng, Math.max(8, age - Math.floor(rng() * 10))),
    }),
    needs: sectionSchemas.needs.parse({ immediateNeeds: some(rng, v.immediateNeeds.codes, 4), riskLevel, urgentSafety }),
    referral: sectionSchemas.referral.parse({
      intakeDate: isoDate(created),
      referralDate: isoDate(created - Math.floor(rng() * 20) * day),
      intakeType: pick(rng, v.intakeTypes.codes),
      referralSource: pick(rng, v.referralSources.codes),
    }),
    family: sectionSchemas.family.parse({
      members: chance(rng, 0.3) ? [{ relationship: 'child', ageGroup: 'under_18', servedByAgency: chance(rng, 0.5) }] : [],
    }),
  };
  const start = isoDate(created);
  const consents: GeneratedClient['consents'] = [{ kind: 'services', recipient: null, startDate: start, expiryDate: isoDate(created + 365 * day), revokedOn: null }];
  if (chance(rng, 0.4)) {
    consents.push({
      kind: 'share_partner',
      recipient: pick(rng, ['Harbor Legal Aid (demo)', 'Bridge Housing (demo)', 'Clinic of Hope (demo)']),
      startDate: start,
      expiryDate: isoDate(created + (60 + Math.floor(rng() * 300)) * day),
      revokedOn: chance(rng, 0.05) ? start : null,
    });
  }
  return { chosenName, pronouns: sections.identity!.pronouns, birthDate, urgentSafety, riskLevel, createdAt: new Date(created).toISOString(), sections, consents };
}

function hexId(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 4; i += 1) out += Math.floor(rng() * 0x100000000).toString(16).padStart(8, '0');
  return out;
}

export interface SeedOptions {
  count: number;
  seed: number;
  today: Date;
  /** Staff ids to spread the cases over (assigned worker and author). */
  workerIds: readonly string[];
  /** Called after each batch, e.g. to show progress. */
  onProgress?: (done: number) => void;
  /** Also write service plans, services, referrals and milestones (default true). */
  plans?: boolean;
}

/** Writes generated cases straight through the repositories, 1,000 to a transaction. */
export function seedClients(db: Db, options: SeedOptions): void {
  const rng = seededRng(options.seed);
  const planRng = seededRng(options.seed ^ 0x5eed);
  const partnerIds = options.plans === false ? [] : db.transaction(() => seedPartners(db, planRng, options.today.toISOString()))();
  const instrument = options.plans === false ? undefined : defaultInstrumentOf(db);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const g = generateClient(rng, i, options.today);
      const id = hexId(rng);
      const worker = options.workerIds[i % options.workerIds.length]!;
      insertClient(db, {
        id,
        caseNumber: nextCaseNumber(db, Number(g.createdAt.slice(0, 4))),
        chosenName: g.chosenName,
        pronouns: g.pronouns,
        riskLevel: g.riskLevel,
        urgentSafety: g.urgentSafety,
        birthDate: g.birthDate,
        assignedWorkerId: worker,
        createdBy: worker,
        at: g.createdAt,
      });
      const client = getClient(db, id)!;
      const identity = g.sections.identity!;
      const legal = typeof identity.legalName === 'string' && identity.legalName.includes(' ') ? [identity.legalName] : [];
      setClientNames(db, client, [
        { kind: 'chosen', name: g.chosenName },
        ...legal.map((name) => ({ kind: 'legal' as const, name })),
        ...identity.aliases.map((name) => ({ kind: 'alias' as const, name })),
      ]);
      for (const [section, data] of Object.entries(g.sections)) {
        putSection(db, { clientId: id, section: section as SectionName, data, version: 1, at: g.createdAt, by: worker });
      }
      g.consents.forEach((c, n) => {
        const consentId = `${id.slice(0, 30)}${String(n).padStart(2, '0')}`;
        insertConsent(db, {
          id: consentId,
          client_id: id,
          kind: c.kind,
          recipient: c.recipient,
          purpose: c.kind === 'services' ? 'Services at this agency' : 'Referral for services',
          data_categories: JSON.stringify(['identity', 'contact']),
          start_date: c.startDate,
          expiry_date: c.expiryDate,
          language: 'en',
          signed_how: 'written',
          created_at: g.createdAt,
          created_by: worker,
        });
        if (c.revokedOn !== null) revokeConsent(db, consentId, c.revokedOn, null);
      });
      recordChanges(db, id, g.createdAt, worker, 'case', ['created']);
      if (partnerIds.length > 0) seedPlan(db, planRng, { id, createdAt: g.createdAt, worker, partnerIds, today: options.today, instrument });
    }
  });
  for (let from = 0; from < options.count; from += 1000) {
    batch.immediate(from, Math.min(options.count, from + 1000));
    options.onProgress?.(Math.min(options.count, from + 1000));
  }
}
