// Main process (plain Node). Never imports electron.
import { funderItems, funderValue } from '../../shared/funder-mapping';
import type { Report, ReportTable } from '../../shared/schemas/reports';

/** The funder items, each copied from its source cell (already suppressed), as one more table. */
export function funderTable(report: Report): ReportTable {
  return {
    name: 'funder_views',
    title: 'Funder report items (OVC TIMS, HHS OTIP)',
    columns: [
      { key: 'funder', label: 'Funder' },
      { key: 'item', label: 'Item' },
      { key: 'value', label: 'Value' },
      { key: 'source', label: 'Source table' },
    ],
    rows: funderItems.map((i) => ({ funder: i.funder, item: i.item, value: funderValue(report.tables, i), source: `${i.table}${i.row ? `:${i.row}` : ''}` })),
    note: 'Copied from the tables above after disclosure control; the mapping is documented in shared/funder-mapping.ts.',
  };
}
