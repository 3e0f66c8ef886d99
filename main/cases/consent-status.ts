// Main process (plain Node). Never imports electron.
import type { ConsentStatus } from '../../shared/schemas/clients';
import type { ConsentRecord } from '../store/repos/consents';
import { daysBetween } from './dates';

/** Consents expiring within this many days are flagged. */
export const EXPIRING_WITHIN_DAYS = 30;

export function consentStatus(c: Pick<ConsentRecord, 'start_date' | 'expiry_date' | 'revoked_on'>, today: string): ConsentStatus {
  if (c.revoked_on !== null && c.revoked_on <= today) return 'revoked';
  if (c.start_date > today) return 'not_started';
  if (c.expiry_date !== null) {
    const days = daysBetween(today, c.expiry_date);
    if (days < 0) return 'expired';
    if (days <= EXPIRING_WITHIN_DAYS) return 'expiring';
  }
  return 'active';
}

/** The one status the case header shows: what needs attention first, then what holds. */
export function headerConsentStatus(statuses: ConsentStatus[]): ConsentStatus | 'none' {
  for (const s of ['expiring', 'active', 'not_started', 'expired', 'revoked'] as const) if (statuses.includes(s)) return s;
  return 'none';
}
