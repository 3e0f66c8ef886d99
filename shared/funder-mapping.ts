// shared/: runs in every process. Imports nothing outside shared/.
// Where each funder-report item comes from in Safehold's outcome report, in one place, so an
// agency copies numbers instead of recounting. Values are taken after disclosure control. Each
// item is named in English and Spanish, like the report files it goes into.
import type { Label } from './vocab/define';

export interface FunderItem {
  funder: 'OVC TIMS' | 'HHS OTIP';
  item: Label;
  table: string;
  /** The row's code in that table; empty for a table of one row. */
  row: string;
  column: string;
}

export const funderItems: readonly FunderItem[] = [
  { funder: 'OVC TIMS', item: { en: 'Total number of clients served', es: 'Número total de personas atendidas' }, table: 'clients_served', row: 'total', column: 'clients' },
  { funder: 'OVC TIMS', item: { en: 'Number of new clients', es: 'Número de personas nuevas' }, table: 'clients_served', row: 'new', column: 'clients' },
  { funder: 'OVC TIMS', item: { en: 'Number of continuing clients', es: 'Número de personas que continúan' }, table: 'clients_served', row: 'continuing', column: 'clients' },
  { funder: 'OVC TIMS', item: { en: 'Clients by type of trafficking: sex', es: 'Personas por tipo de trata: sexual' }, table: 'trafficking_type', row: 'sex', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'Clients by type of trafficking: labor', es: 'Personas por tipo de trata: laboral' }, table: 'trafficking_type', row: 'labor', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'Clients by type of trafficking: sex and labor', es: 'Personas por tipo de trata: sexual y laboral' }, table: 'trafficking_type', row: 'both', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'Clients under 18 at intake', es: 'Personas menores de 18 años al ingreso' }, table: 'age_at_intake', row: 'minor', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'Clients 18 or older at intake', es: 'Personas de 18 años o más al ingreso' }, table: 'age_at_intake', row: 'adult', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'U.S. citizens', es: 'Ciudadanía estadounidense' }, table: 'citizenship', row: 'us_citizen', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'Lawful permanent residents', es: 'Residencia permanente legal' }, table: 'citizenship', row: 'lpr', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'Foreign nationals', es: 'Personas extranjeras' }, table: 'citizenship', row: 'foreign_national', column: 'count' },
  { funder: 'OVC TIMS', item: { en: 'Family members served', es: 'Familiares atendidos' }, table: 'family_members', row: '', column: 'family_members' },
  { funder: 'HHS OTIP', item: { en: 'Case management services (encounters)', es: 'Servicios de gestión de casos (atenciones)' }, table: 'services_by_category', row: 'case_management', column: 'encounters' },
  { funder: 'HHS OTIP', item: { en: 'Housing or shelter services (encounters)', es: 'Servicios de vivienda o albergue (atenciones)' }, table: 'services_by_category', row: 'housing', column: 'encounters' },
  { funder: 'HHS OTIP', item: { en: 'Mental health services (encounters)', es: 'Servicios de salud mental (atenciones)' }, table: 'services_by_category', row: 'mental_health', column: 'encounters' },
  { funder: 'HHS OTIP', item: { en: 'Legal services (encounters)', es: 'Servicios legales (atenciones)' }, table: 'services_by_category', row: 'legal', column: 'encounters' },
  { funder: 'HHS OTIP', item: { en: 'HHS certification letters granted', es: 'Cartas de certificación de HHS concedidas' }, table: 'milestones_granted', row: 'hhs_certification', column: 'count' },
  { funder: 'HHS OTIP', item: { en: 'HHS eligibility letters granted (minors)', es: 'Cartas de elegibilidad de HHS concedidas (menores de edad)' }, table: 'milestones_granted', row: 'eligibility_letter', column: 'count' },
  { funder: 'HHS OTIP', item: { en: 'T visas granted', es: 'Visas T concedidas' }, table: 'milestones_granted', row: 't_visa', column: 'count' },
  { funder: 'HHS OTIP', item: { en: 'Continued Presence granted', es: 'Presencia Continuada (Continued Presence) concedida' }, table: 'milestones_granted', row: 'continued_presence', column: 'count' },
];

type Tables = readonly { name: string; rows: readonly Record<string, string | number>[] }[];

/** The table and row an item copies from: looked up the same way by the export and by the screens. */
export function funderSource<T extends Tables[number]>(tables: readonly T[], item: Pick<FunderItem, 'table' | 'row'>): { table: T | undefined; row: T['rows'][number] | undefined } {
  const table = tables.find((t) => t.name === item.table);
  const row = item.row === '' ? table?.rows[0] : table?.rows.find((r) => r.code === item.row);
  return { table, row };
}

/** The value an item copies; a missing row is a zero. */
export function funderValue(tables: Tables, item: Pick<FunderItem, 'table' | 'row' | 'column'>): string | number {
  return funderSource(tables, item).row?.[item.column] ?? 0;
}
