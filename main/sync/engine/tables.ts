// Main process (plain Node). Never imports electron.
// Which tables are synced, in which document each row lives, and how a row is named inside it.
// Derived tables and columns (client_names, client_search, client_facts, assessments.score_line,
// clients.last_contact_on, goal_steps.client_id and goal_open), the access
// log and everything local to one laptop (keys, counters, the team tables) are never synced: each
// laptop rebuilds or keeps its own. Listed parents first, so rows are written after what they refer to.
import type { Db } from '../../store/open';

export type DocOf =
  | { kind: 'agency'; doc: string }
  | { kind: 'case'; /** SQL expression over NEW/OLD (written as R.) giving the case id */ expr: string };

export interface SyncedTable {
  name: string;
  /** Primary-key columns; for an integer key kept only on this laptop, its global name is in sync_keys or a range (keys.ts). */
  pk: readonly string[];
  localIntegerKey?: boolean;
  doc: DocOf;
  /** Columns kept only on this laptop (rebuilt from the others). */
  derived?: readonly string[];
  /** The rows of one case, when the table has no client_id column (parameter: the case id). */
  caseRows?: string;
  /** Sets of columns that must be unique across the table (a clash is flagged, never an error). */
  unique?: readonly (readonly string[])[];
}

export const AGENCY_DOCS = ['agency:staff', 'agency:partners', 'agency:instruments', 'agency:settings'] as const;

const caseOf = (column: string): DocOf => ({ kind: 'case', expr: `R.${column}` });

export const syncedTables: readonly SyncedTable[] = [
  { name: 'agency', pk: ['id'], doc: { kind: 'agency', doc: 'agency:settings' } },
  { name: 'settings', pk: ['key'], doc: { kind: 'agency', doc: 'agency:settings' } },
  { name: 'users', pk: ['id'], doc: { kind: 'agency', doc: 'agency:staff' }, unique: [['name_key']] },
  { name: 'partners', pk: ['id'], doc: { kind: 'agency', doc: 'agency:partners' } },
  // Outreach contacts belong to no case (counts only): they travel with the agency's settings document.
  { name: 'outreach_contacts', pk: ['id'], doc: { kind: 'agency', doc: 'agency:settings' } },
  // Tombstones of purged cases (the case id and when): every laptop removes the case and refuses it afterwards (cases/purge.ts).
  { name: 'case_purges', pk: ['case_id'], doc: { kind: 'agency', doc: 'agency:settings' } },
  { name: 'instruments', pk: ['id'], doc: { kind: 'agency', doc: 'agency:instruments' }, unique: [['code']] },
  { name: 'instrument_domains', pk: ['id'], doc: { kind: 'agency', doc: 'agency:instruments' }, unique: [['instrument_id', 'code']] },
  // last_contact_on, and a step's client_id and goal_open, are kept by triggers (migration 0220).
  { name: 'clients', pk: ['id'], doc: caseOf('id'), caseRows: 'SELECT * FROM clients WHERE id = ?', unique: [['case_number']], derived: ['last_contact_on'] },
  { name: 'intake_sections', pk: ['client_id', 'section'], doc: caseOf('client_id') },
  { name: 'consents', pk: ['id'], doc: caseOf('client_id') },
  { name: 'goals', pk: ['id'], doc: caseOf('client_id') },
  {
    name: 'goal_steps',
    pk: ['id'],
    doc: { kind: 'case', expr: '(SELECT g.client_id FROM goals g WHERE g.id = R.goal_id)' },
    caseRows: 'SELECT s.* FROM goals g JOIN goal_steps s ON s.goal_id = g.id WHERE g.client_id = ?',
    derived: ['client_id', 'goal_open'],
  },
  { name: 'services', pk: ['id'], doc: caseOf('client_id') },
  { name: 'referrals', pk: ['id'], doc: caseOf('client_id') },
  { name: 'milestones', pk: ['id'], doc: caseOf('client_id') },
  { name: 'appointments', pk: ['id'], doc: caseOf('client_id') },
  { name: 'contact_attempts', pk: ['id'], doc: caseOf('client_id') },
  { name: 'case_notes', pk: ['id'], doc: caseOf('client_id') },
  {
    name: 'note_keys',
    pk: ['note_id', 'user_id'],
    doc: { kind: 'case', expr: '(SELECT n.client_id FROM case_notes n WHERE n.id = R.note_id)' },
    caseRows: 'SELECT k.* FROM case_notes n JOIN note_keys k ON k.note_id = n.id WHERE n.client_id = ?',
  },
  { name: 'safety_plans', pk: ['client_id', 'version'], doc: caseOf('client_id') },
  { name: 'case_closures', pk: ['id'], localIntegerKey: true, doc: caseOf('client_id') },
  { name: 'assessments', pk: ['id'], doc: caseOf('client_id'), derived: ['score_line'] },
  {
    name: 'assessment_scores',
    pk: ['assessment_id', 'domain_id'],
    doc: { kind: 'case', expr: '(SELECT a.client_id FROM assessments a WHERE a.id = R.assessment_id)' },
    caseRows: 'SELECT s.* FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id WHERE a.client_id = ?',
  },
  { name: 'access_reasons', pk: ['id'], localIntegerKey: true, doc: caseOf('client_id') },
  { name: 'client_changes', pk: ['id'], localIntegerKey: true, doc: caseOf('client_id') },
  // Who worked the case, from whom, when and by whom (handover); the case's workers are columns of clients.
  { name: 'case_assignments', pk: ['id'], doc: caseOf('client_id') },
  // Which handovers each person has read (per person, with the case): dismissed on one laptop, gone on all of theirs.
  {
    name: 'handover_seen',
    pk: ['user_id', 'assignment_id'],
    doc: { kind: 'case', expr: '(SELECT a.client_id FROM case_assignments a WHERE a.id = R.assignment_id)' },
    caseRows: 'SELECT s.* FROM case_assignments a JOIN handover_seen s ON s.assignment_id = a.id WHERE a.client_id = ?',
  },
  // Documents: the record (details, links, restricted flag, the blob's keyed name and key) travels here;
  // the content travels as its own encrypted blob file (sync/team/blobs.ts); chunks and copies made
  // are local. A restricted document's sealed key copies travel like restricted notes' (note_keys).
  { name: 'documents', pk: ['id'], doc: caseOf('client_id') },
  {
    name: 'document_keys',
    pk: ['document_id', 'user_id'],
    doc: { kind: 'case', expr: '(SELECT d.client_id FROM documents d WHERE d.id = R.document_id)' },
    caseRows: 'SELECT k.* FROM documents d JOIN document_keys k ON k.document_id = d.id WHERE d.client_id = ?',
  },
];

export const tableByName = new Map(syncedTables.map((t) => [t.name, t]));

/** Settings that belong to this laptop only: keys, counters, local bookkeeping. */
export function isLocalSetting(key: string): boolean {
  return (
    key === 'audit_key' ||
    key === 'demo' ||
    key.startsWith('report_signing_') ||
    key.startsWith('case_seq_') ||
    key.startsWith('last_') ||
    key.startsWith('sync_') ||
    key.startsWith('local_') ||
    key.endsWith('_private') ||
    key.endsWith('_key')
  );
}

export function caseDocId(clientId: string): string {
  return `case:${clientId}`;
}

export function docCaseId(docId: string): string | null {
  return docId.startsWith('case:') ? docId.slice(5) : null;
}

export interface TableShape {
  /** Synced non-key columns. */
  columns: string[];
  /** Declared type of each primary-key column (the record key is text; INTEGER parts are read back as numbers). */
  pkInteger: boolean[];
  /**
   * Columns whose default is NULL: a null there need not be written into the document when the record
   * is new (an absent field projects as the column's default), which keeps changes and documents small.
   */
  nullByDefault: Set<string>;
}

const shapeCache = new WeakMap<Db, Map<string, TableShape>>();

/** The table's synced columns on this laptop's schema (a newer schema may have more). */
export function tableShape(db: Db, t: SyncedTable): TableShape {
  let perDb = shapeCache.get(db);
  if (!perDb) {
    perDb = new Map();
    shapeCache.set(db, perDb);
  }
  let shape = perDb.get(t.name);
  if (!shape) {
    const info = db.prepare(`SELECT name, type, dflt_value FROM pragma_table_info('${t.name}')`).all() as { name: string; type: string; dflt_value: string | null }[];
    const columns = info.map((c) => c.name).filter((c) => !(t.derived ?? []).includes(c) && !t.pk.includes(c));
    shape = {
      columns,
      pkInteger: t.pk.map((p) => info.find((c) => c.name === p)?.type.toUpperCase() === 'INTEGER'),
      nullByDefault: new Set(info.filter((c) => columns.includes(c.name) && (c.dflt_value === null || c.dflt_value.toUpperCase() === 'NULL')).map((c) => c.name)),
    };
    perDb.set(t.name, shape);
  }
  return shape;
}

export function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
