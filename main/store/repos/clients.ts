// Main process (plain Node). Never imports electron.
// The client aggregate: the row that lists and headers read, its names and search terms, its
// intake sections and its change history.
import { fold } from '../../../shared/fold';
import type { SectionName } from '../../../shared/schemas/intake';
import { localIsoDate } from '../../cases/dates';
import type { Db } from '../open';
import { setNameWords } from './name-words';
import { stmt } from './statements';

export interface ClientRecord {
  rowid: number;
  id: string;
  case_number: string;
  chosen_name: string;
  pronouns: string | null;
  status: 'active' | 'closed';
  risk_level: 'low' | 'medium' | 'high' | 'very_high' | null;
  urgent_safety: number;
  birth_date: string | null;
  assigned_worker_id: string | null;
  /** A second worker who may also open the case (migration 0160); absent on rows read before it. */
  secondary_worker_id?: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface NewClient {
  id: string;
  caseNumber: string;
  chosenName: string;
  pronouns: string | null;
  riskLevel: ClientRecord['risk_level'];
  urgentSafety: boolean;
  birthDate: string | null;
  assignedWorkerId: string | null;
  createdBy: string;
  at: string;
}

export function nextCaseNumber(db: Db, year: number): string {
  const key = `case_seq_${year}`;
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  const next = Number(row?.value ?? 0) + 1;
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, String(next));
  // A laptop of a team numbers its cases in its own block (team sync), so no two laptops issue the same number.
  const block = stmt<[], string>(db, "SELECT value FROM settings WHERE key = 'sync_case_block'").pluck().get();
  return block ? `SH-${year}-${block}-${String(next).padStart(4, '0')}` : `SH-${year}-${String(next).padStart(4, '0')}`;
}

export function insertClient(db: Db, c: NewClient): void {
  stmt(
    db,
    `INSERT INTO clients (id, case_number, chosen_name, pronouns, risk_level, urgent_safety, birth_date, assigned_worker_id, created_by, created_at, updated_at)
     VALUES (@id, @caseNumber, @chosenName, @pronouns, @riskLevel, @urgentSafety, @birthDate, @assignedWorkerId, @createdBy, @at, @at)`,
  ).run({ ...c, urgentSafety: c.urgentSafety ? 1 : 0 });
  // The day it was opened on this computer's calendar: the report's intake date when none is recorded.
  stmt(db, 'INSERT INTO client_facts (client_id, opened_on) VALUES (?, ?)').run(c.id, localIsoDate(new Date(c.at)));
}

export function getClient(db: Db, id: string): ClientRecord | undefined {
  return stmt<[string], ClientRecord>(db, 'SELECT rowid, * FROM clients WHERE id = ?').get(id);
}

export function updateClientColumns(
  db: Db,
  id: string,
  columns: Partial<Pick<ClientRecord, 'chosen_name' | 'pronouns' | 'risk_level' | 'urgent_safety' | 'birth_date' | 'assigned_worker_id' | 'status'>>,
  at: string,
): void {
  const names = Object.keys(columns) as (keyof typeof columns)[];
  if (names.length === 0) {
    stmt(db, 'UPDATE clients SET updated_at = ? WHERE id = ?').run(at, id);
    return;
  }
  // Column names come from the typed key list above, never from input.
  const set = names.map((n) => `${n} = @${n}`).join(', ');
  stmt(db, `UPDATE clients SET ${set}, updated_at = @at WHERE id = @id`).run({ ...columns, at, id });
}

/** Replaces the names a person is known by, and their search terms (names and case number). */
export function setClientNames(db: Db, client: Pick<ClientRecord, 'id' | 'rowid' | 'case_number'>, names: { kind: 'chosen' | 'legal' | 'alias'; name: string }[]): void {
  stmt(db, 'DELETE FROM client_names WHERE client_id = ?').run(client.id);
  const insert = stmt(db, 'INSERT INTO client_names (client_id, client_rowid, kind, folded) VALUES (?, ?, ?, ?)');
  const folded = names.map((n) => ({ kind: n.kind, folded: fold(n.name) })).filter((n) => n.folded !== '');
  for (const n of folded) insert.run(client.id, client.rowid, n.kind, n.folded);
  setNameWords(db, client, folded.map((n) => n.folded));
  // The case number also without its dashes, so "SH20260001" finds "SH-2026-0001" (migration 0150 adds it to older rows).
  const caseNumber = client.case_number.toLowerCase();
  const terms = [...new Set([...folded.map((n) => n.folded), caseNumber, caseNumber.replaceAll('-', '')])].join(' | ');
  stmt(db, 'DELETE FROM client_search WHERE rowid = ?').run(client.rowid);
  stmt(db, 'INSERT INTO client_search (rowid, terms) VALUES (?, ?)').run(client.rowid, terms);
}

export interface SectionRow {
  section: SectionName;
  data: string;
  version: number;
  updated_at: string;
  updated_by_name: string | null;
}

export function getSections(db: Db, clientId: string): SectionRow[] {
  return stmt<[string], SectionRow>(
    db,
    `SELECT s.section, s.data, s.version, s.updated_at, u.display_name AS updated_by_name
     FROM intake_sections s LEFT JOIN users u ON u.id = s.updated_by WHERE s.client_id = ?`,
  ).all(clientId);
}

export function getSection(db: Db, clientId: string, section: SectionName): { data: string; version: number } | undefined {
  return stmt<[string, string], { data: string; version: number }>(
    db,
    'SELECT data, version FROM intake_sections WHERE client_id = ? AND section = ?',
  ).get(clientId, section);
}

export function putSection(db: Db, row: { clientId: string; section: SectionName; data: unknown; version: number; at: string; by: string }): void {
  stmt(
    db,
    `INSERT INTO intake_sections (client_id, section, data, version, updated_at, updated_by) VALUES (@clientId, @section, @data, @version, @at, @by)
     ON CONFLICT (client_id, section) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ ...row, data: JSON.stringify(row.data) });
  updateFacts(db, row.clientId, row.section, row.data as Record<string, unknown>);
}

/** The client_facts columns each section feeds (see migration 0020), taken from the saved data. */
const factsOf: Partial<Record<SectionName, (d: Record<string, unknown>) => Record<string, unknown>>> = {
  referral: (d) => ({ intake_date: d.intakeDate ?? null, referral_source: d.referralSource ?? null }),
  identity: (d) => ({ dob: d.dateOfBirth ?? null, est_age: d.estimatedAge ?? null, gender: d.genderIdentity ?? null }),
  trafficking: (d) => ({ ttype: d.type ?? null }),
  citizenship: (d) => ({ citizenship: d.category ?? null }),
  family: (d) => ({
    family_served: Array.isArray(d.members) ? d.members.filter((m) => (m as { servedByAgency?: boolean }).servedByAgency === true).length : 0,
  }),
};

export function updateFacts(db: Db, clientId: string, section: SectionName, data: Record<string, unknown>): void {
  const facts = factsOf[section]?.(data);
  if (!facts) return;
  // Column names come from the fixed map above, never from input.
  const columns = Object.keys(facts);
  stmt(
    db,
    `INSERT INTO client_facts (client_id, ${columns.join(', ')}) VALUES (@clientId, ${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (client_id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  ).run({ clientId, ...facts });
}

export function recordChanges(db: Db, clientId: string, at: string, by: string, section: string, fields: string[]): void {
  const insert = stmt(db, 'INSERT INTO client_changes (client_id, at, by, section, field) VALUES (?, ?, ?, ?, ?)');
  for (const field of fields) insert.run(clientId, at, by, section, field);
}

export function getChanges(db: Db, clientId: string): { at: string; by: string | null; section: string; field: string }[] {
  return stmt<[string], { at: string; by: string | null; section: string; field: string }>(
    db,
    `SELECT c.at, u.display_name AS by, c.section, c.field FROM client_changes c LEFT JOIN users u ON u.id = c.by
     WHERE c.client_id = ? ORDER BY c.at DESC, c.id ASC LIMIT 1000`,
  ).all(clientId);
}
