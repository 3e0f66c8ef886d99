// Main process (plain Node). Never imports electron.
// Builds the client profile the renderer shows: the header facts, each intake section with its
// version, progress, and consents with their status as of today.
import type { ClientProfile, Consent } from '../../shared/schemas/clients';
import { sectionNames, sectionSchemas, type SectionData, type SectionName } from '../../shared/schemas/intake';
import { sectionProgress } from '../../shared/intake-progress';
import type { Db } from '../store/open';
import { getSections, type ClientRecord } from '../store/repos/clients';
import { consentsOf, type ConsentRecord } from '../store/repos/consents';
import { stmt } from '../store/repos/statements';
import { consentStatus, headerConsentStatus } from './consent-status';
import { ageOn, daysBetween, localIsoDate } from './dates';

export function toConsent(c: ConsentRecord, today: string): Consent {
  return {
    id: c.id,
    kind: c.kind,
    recipient: c.recipient,
    purpose: c.purpose,
    dataCategories: JSON.parse(c.data_categories) as Consent['dataCategories'],
    startDate: c.start_date,
    expiryDate: c.expiry_date,
    revokedOn: c.revoked_on,
    revokeReason: c.revoke_reason,
    language: c.language as Consent['language'],
    signedHow: c.signed_how as Consent['signedHow'],
    status: consentStatus(c, today),
    daysToExpiry: c.expiry_date === null ? null : daysBetween(today, c.expiry_date),
  };
}

function minorAtIntake(identity: SectionData<'identity'> | null, referral: SectionData<'referral'> | null, createdAt: string): boolean | null {
  const intakeDate = referral?.intakeDate ?? localIsoDate(new Date(createdAt));
  const dob = identity?.dateOfBirth;
  if (typeof dob === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(dob)) return ageOn(dob, intakeDate) < 18;
  if (typeof identity?.estimatedAge === 'number') return identity.estimatedAge < 18;
  return null;
}

export function buildProfile(db: Db, client: ClientRecord, today: string): ClientProfile {
  const stored = new Map(getSections(db, client.id).map((row) => [row.section, row]));
  const sections = {} as ClientProfile['sections'];
  const progress = {} as ClientProfile['progress'];
  for (const name of sectionNames) {
    const row = stored.get(name);
    // Stored data was validated on the way in; parsing again fills defaults added by later versions.
    const data = row ? (sectionSchemas[name].parse(JSON.parse(row.data)) as SectionData<SectionName>) : null;
    (sections as Record<SectionName, unknown>)[name] = row
      ? { data, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by_name }
      : null;
    progress[name] = sectionProgress(name, data);
  }
  const consents = consentsOf(db, client.id).map((c) => toConsent(c, today));
  const contact = sections.contact?.data ?? null;
  const worker = client.assigned_worker_id
    ? stmt<[string], { id: string; display_name: string }>(db, 'SELECT id, display_name FROM users WHERE id = ?').get(client.assigned_worker_id)
    : undefined;
  const secondary = client.secondary_worker_id
    ? stmt<[string], { id: string; display_name: string }>(db, 'SELECT id, display_name FROM users WHERE id = ?').get(client.secondary_worker_id)
    : undefined;
  return {
    id: client.id,
    caseNumber: client.case_number,
    status: client.status,
    chosenName: client.chosen_name,
    pronouns: client.pronouns,
    assignedWorker: worker ? { id: worker.id, displayName: worker.display_name } : null,
    secondaryWorker: secondary ? { id: secondary.id, displayName: secondary.display_name } : null,
    createdAt: client.created_at,
    header: {
      riskLevel: client.risk_level,
      urgentSafety: client.urgent_safety === 1,
      contactSafety: (contact?.methods ?? []).map(({ kind, safeToCall, safeToText, safeVoicemail, safeMail }) => ({
        kind,
        safeToCall,
        safeToText,
        safeVoicemail,
        safeMail,
      })),
      consentStatus: headerConsentStatus(consents.map((c) => c.status)),
      minorAtIntake: minorAtIntake(sections.identity?.data ?? null, sections.referral?.data ?? null, client.created_at),
    },
    sections,
    progress,
    consents,
  };
}
