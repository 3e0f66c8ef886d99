// renderer/: the outcome report's tables in the person's language. Rows carry their codes, so
// categories take their labels from the shared code lists; titles, column names, notes and counting
// rules have catalog entries; anything this screen does not know is shown as main sent it.
import { defaultInstrument } from '../../../../shared/outcomes/default-instrument';
import type { ReportCell, ReportTable } from '../../../../shared/schemas/reports';
import { reasons, type Label } from '../../../../shared/vocab/define';
import * as v from '../../../../shared/vocab/lists';
import * as p from '../../../../shared/vocab/planning';
import type { I18n } from '../../i18n/i18n';
import { reportTextKey } from '../../i18n/reportText';

type Labels = Readonly<Record<string, Label>>;

/** Which code list labels each table's categories (main/reports/build.ts uses the same lists). */
const listsFor: Readonly<Record<string, Labels>> = {
  trafficking_type: v.traffickingTypes.labels,
  gender: v.genderIdentities.labels,
  citizenship: v.citizenshipCategories.labels,
  referral_source: v.referralSources.labels,
  services_by_category: p.serviceCategories.labels,
  referrals_by_status: p.referralStatuses.labels,
  goals_by_status: p.goalStatuses.labels,
  milestones_granted: p.milestoneKinds.labels,
  exits_by_destination: p.exitDestinations.labels,
  otip_entry_gender: v.genderIdentities.labels,
  otip_entry_trafficking_type: v.traffickingTypes.labels,
  otip_entry_citizenship: v.citizenshipCategories.labels,
  otip_entry_referral_source: v.referralSources.labels,
  otip_case_closure_reason: p.exitReasons.labels,
  otip_case_closure_destination: p.exitDestinations.labels,
  otip_service_use: p.serviceCategories.labels,
  otip_categories_of_assistance: p.serviceCategories.labels,
  ovc_new_gender: v.genderIdentities.labels,
  ovc_new_trafficking_type: v.traffickingTypes.labels,
  ovc_new_citizenship: v.citizenshipCategories.labels,
  ovc_services: p.serviceCategories.labels,
};

type Words = Pick<I18n, 't' | 'has' | 'language' | 'formatNumber'>;

export function tableTitle(i18n: Words, table: ReportTable): string {
  const key = `reportTable.${table.name}`;
  return i18n.has(key) ? i18n.t(key) : table.title;
}

export function columnLabel(i18n: Words, column: { key: string; label: string }): string {
  const key = `reportColumn.${column.key}`;
  return i18n.has(key) ? i18n.t(key) : column.label;
}

/** A report text (note, counting rule, verification problem) in this language, or as sent. */
export function reportText(i18n: Words, text: string): string {
  const known = reportTextKey(text);
  return known ? i18n.t(known.key, known.vars) : text;
}

/** What a cell says: numbers in local format, suppressed values as they come, labels translated. */
export function cellText(i18n: Words, table: ReportTable, row: Record<string, ReportCell>, column: string): string {
  const value = row[column];
  if (value === undefined || value === '') return '';
  if (typeof value === 'number') return i18n.formatNumber(value);
  if (column === 'category' && typeof row.code === 'string') return categoryLabel(i18n, table.name, row.code, value);
  if (column === 'measure') return known(i18n, `reportMeasure.${value}`, value);
  if (column === 'domain') {
    const domain = defaultInstrument.domains.find((d) => d.label.en === value);
    return domain ? domain.label[i18n.language] : known(i18n, `reportMeasure.${value}`, value);
  }
  if (value === 'withheld') return i18n.t('report.withheld');
  if (value === 'not shown') return i18n.t('report.notShown');
  return value;
}

/** The row's name for charts and funder items: its category, measure or domain. */
export function rowLabel(i18n: Words, table: ReportTable, row: Record<string, ReportCell>): string {
  for (const column of ['category', 'measure', 'domain']) if (column in row) return cellText(i18n, table, row, column);
  return tableTitle(i18n, table);
}

export function categoryLabel(i18n: Words, tableName: string, code: string, sent: string): string {
  const label = listsFor[tableName]?.[code] ?? (reasons.labels as Labels)[code];
  return label ? label[i18n.language] : known(i18n, `reportCode.${code}`, sent);
}

function known(i18n: Words, key: string, fallback: string): string {
  return i18n.has(key) ? i18n.t(key) : fallback;
}
