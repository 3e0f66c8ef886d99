// Main process (plain Node). Never imports electron.
// The ids people had in an agency's old system, by source: how an import refers to people it (or an
// earlier import) brought in.
import type { Db } from '../open';
import { stmt } from './statements';

/** The source of ids from spreadsheet imports. */
export const SPREADSHEET = 'spreadsheet';

export function clientByExternalId(db: Db, source: string, externalId: string): string | undefined {
  return stmt<[string, string], { client_id: string }>(db, 'SELECT client_id FROM external_ids WHERE source = ? AND external_id = ?').get(source, externalId)
    ?.client_id;
}

export function insertExternalId(db: Db, clientId: string, source: string, externalId: string): void {
  stmt(db, 'INSERT INTO external_ids (client_id, source, external_id) VALUES (?, ?, ?)').run(clientId, source, externalId);
}

export function clientByCaseNumber(db: Db, caseNumber: string): string | undefined {
  return stmt<[string], { id: string }>(db, 'SELECT id FROM clients WHERE case_number = ?').get(caseNumber)?.id;
}
