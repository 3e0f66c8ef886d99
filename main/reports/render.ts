// Main process (plain Node). Never imports electron.
// The report's files: one tidy CSV per table and the whole report as JSON (the PDF is pdf.ts). All
// built from the suppressed report only; nothing else is read.
import type { Report, ReportTable } from '../../shared/schemas/reports';
import { csvField } from './csv-field';


export function tableCsv(table: ReportTable): string {
  const header = table.columns.map((c) => csvField(c.key)).join(',');
  const rows = table.rows.map((row) => table.columns.map((c) => csvField(row[c.key])).join(','));
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

export function reportJson(report: Report, tables: ReportTable[]): string {
  return `${JSON.stringify({ ...report, tables }, null, 2)}\n`;
}
