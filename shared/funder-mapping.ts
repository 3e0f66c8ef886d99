// shared/: runs in every process. Imports nothing outside shared/.
// Where each funder-report item comes from in Safehold's outcome report, in one place, so an
// agency copies numbers instead of recounting. Values are taken after disclosure control.
export interface FunderItem {
  funder: 'OVC TIMS' | 'HHS OTIP';
  item: string;
  table: string;
  /** The row's code (or measure) in that table. */
  row: string;
  column: string;
}

export const funderItems: readonly FunderItem[] = [
  { funder: 'OVC TIMS', item: 'Total number of clients served', table: 'clients_served', row: 'Total', column: 'clients' },
  { funder: 'OVC TIMS', item: 'Number of new clients', table: 'clients_served', row: 'New', column: 'clients' },
  { funder: 'OVC TIMS', item: 'Number of continuing clients', table: 'clients_served', row: 'Continuing', column: 'clients' },
  { funder: 'OVC TIMS', item: 'Clients by type of trafficking: sex', table: 'trafficking_type', row: 'sex', column: 'count' },
  { funder: 'OVC TIMS', item: 'Clients by type of trafficking: labor', table: 'trafficking_type', row: 'labor', column: 'count' },
  { funder: 'OVC TIMS', item: 'Clients by type of trafficking: sex and labor', table: 'trafficking_type', row: 'both', column: 'count' },
  { funder: 'OVC TIMS', item: 'Clients under 18 at intake', table: 'age_at_intake', row: 'minor', column: 'count' },
  { funder: 'OVC TIMS', item: 'Clients 18 or older at intake', table: 'age_at_intake', row: 'adult', column: 'count' },
  { funder: 'OVC TIMS', item: 'U.S. citizens', table: 'citizenship', row: 'us_citizen', column: 'count' },
  { funder: 'OVC TIMS', item: 'Lawful permanent residents', table: 'citizenship', row: 'lpr', column: 'count' },
  { funder: 'OVC TIMS', item: 'Foreign nationals', table: 'citizenship', row: 'foreign_national', column: 'count' },
  { funder: 'OVC TIMS', item: 'Family members served', table: 'family_members', row: '', column: 'family_members' },
  { funder: 'HHS OTIP', item: 'Case management services (encounters)', table: 'services_by_category', row: 'case_management', column: 'encounters' },
  { funder: 'HHS OTIP', item: 'Housing or shelter services (encounters)', table: 'services_by_category', row: 'housing', column: 'encounters' },
  { funder: 'HHS OTIP', item: 'Mental health services (encounters)', table: 'services_by_category', row: 'mental_health', column: 'encounters' },
  { funder: 'HHS OTIP', item: 'Legal services (encounters)', table: 'services_by_category', row: 'legal', column: 'encounters' },
  { funder: 'HHS OTIP', item: 'HHS certification letters granted', table: 'milestones_granted', row: 'hhs_certification', column: 'count' },
  { funder: 'HHS OTIP', item: 'HHS eligibility letters granted (minors)', table: 'milestones_granted', row: 'eligibility_letter', column: 'count' },
  { funder: 'HHS OTIP', item: 'T visas granted', table: 'milestones_granted', row: 't_visa', column: 'count' },
  { funder: 'HHS OTIP', item: 'Continued Presence granted', table: 'milestones_granted', row: 'continued_presence', column: 'count' },
];

type Tables = readonly { name: string; rows: readonly Record<string, string | number>[] }[];

/** The table and row an item copies from: looked up the same way by the export and by the screens. */
export function funderSource<T extends Tables[number]>(tables: readonly T[], item: Pick<FunderItem, 'table' | 'row'>): { table: T | undefined; row: T['rows'][number] | undefined } {
  const table = tables.find((t) => t.name === item.table);
  const row = item.row === '' ? table?.rows[0] : table?.rows.find((r) => r.code === item.row || r.measure === item.row);
  return { table, row };
}

/** The value an item copies; a missing row is a zero. */
export function funderValue(tables: Tables, item: Pick<FunderItem, 'table' | 'row' | 'column'>): string | number {
  return funderSource(tables, item).row?.[item.column] ?? 0;
}
