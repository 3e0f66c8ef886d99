// Main process (plain Node). Never imports electron.
import { funderItems, funderValue } from '../../shared/funder-mapping';
import type { Report, ReportTable } from '../../shared/schemas/reports';
import { reportWords } from './words';

/** The funder items, each copied from its source cell (already suppressed), as one more table, in the report's language. */
export function funderTable(report: Report): ReportTable {
  const { language } = report.parameters;
  const w = reportWords[language];
  return {
    name: 'funder_views',
    title: w.tables.funder_views,
    columns: (['funder', 'item', 'value', 'source'] as const).map((key) => ({ key, label: w.columns[key] })),
    rows: funderItems.map((i) => ({ funder: i.funder, item: i.item[language], value: funderValue(report.tables, i), source: `${i.table}${i.row ? `:${i.row}` : ''}` })),
    note: w.notes.funders,
  };
}
