// Main process (plain Node). Never imports electron.
import type { Db } from '../open';
import { stmt } from './statements';

export interface ConsentRecord {
  id: string;
  client_id: string;
  kind: 'services' | 'share_partner' | 'deidentified_reporting';
  recipient: string | null;
  purpose: string;
  data_categories: string;
  start_date: string;
  expiry_date: string | null;
  revoked_on: string | null;
  revoke_reason: string | null;
  language: string;
  signed_how: string;
}

export function insertConsent(db: Db, c: Omit<ConsentRecord, 'revoked_on' | 'revoke_reason'> & { created_at: string; created_by: string }): void {
  stmt(
    db,
    `INSERT INTO consents (id, client_id, kind, recipient, purpose, data_categories, start_date, expiry_date, language, signed_how, created_at, created_by)
     VALUES (@id, @client_id, @kind, @recipient, @purpose, @data_categories, @start_date, @expiry_date, @language, @signed_how, @created_at, @created_by)`,
  ).run(c);
}

export function consentsOf(db: Db, clientId: string): ConsentRecord[] {
  return stmt<[string], ConsentRecord>(db, 'SELECT * FROM consents WHERE client_id = ? ORDER BY start_date DESC, created_at DESC').all(clientId);
}

export function getConsent(db: Db, id: string): ConsentRecord | undefined {
  return stmt<[string], ConsentRecord>(db, 'SELECT * FROM consents WHERE id = ?').get(id);
}

export function revokeConsent(db: Db, id: string, revokedOn: string, reason: string | null): void {
  stmt(db, 'UPDATE consents SET revoked_on = ?, revoke_reason = ? WHERE id = ?').run(revokedOn, reason, id);
}
