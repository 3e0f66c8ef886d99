// Main process (plain Node). Never imports electron.
// The report's files: one tidy CSV per table, the whole report as JSON, and a readable PDF summary
// with bar charts. All built from the suppressed report only; nothing else is read.
import PDFDocument from 'pdfkit';
import type { Report, ReportTable } from '../../shared/schemas/reports';
import { csvField } from './csv-field';
import { reportWords } from './words';

export function tableCsv(table: ReportTable): string {
  const header = table.columns.map((c) => csvField(c.key)).join(',');
  const rows = table.rows.map((row) => table.columns.map((c) => csvField(row[c.key])).join(','));
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

export function reportJson(report: Report, tables: ReportTable[]): string {
  return `${JSON.stringify({ ...report, tables }, null, 2)}\n`;
}

/** A PDF a person can read, in the report's language: the period, each table with a bar chart of its counts, and the rules. */
export function reportPdf(report: Report, tables: ReportTable[], generatedAt: string): Promise<Buffer> {
  const { language } = report.parameters;
  const words = reportWords[language].pdf;
  return new Promise((resolve, reject) => {
    // No metadata beyond a title and the language (for screen readers); fixed dates so the bytes
    // depend only on the report.
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 54,
      lang: language,
      info: { Title: words.documentTitle, CreationDate: new Date(generatedAt), ModDate: new Date(generatedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(18).text(words.heading);
    doc.font('Helvetica').fontSize(11).text(words.period(report.period.from, report.period.to));
    doc.text(words.generated(generatedAt.slice(0, 10), report.parameters.threshold));
    doc.moveDown();
    for (const table of tables) {
      if (doc.y > 620) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(13).text(table.title);
      doc.font('Helvetica').fontSize(10);
      const valueKey = table.columns.at(-1)!.key;
      const labelKey = table.columns.find((c) => ['category', 'measure', 'domain', 'item'].includes(c.key))?.key ?? table.columns[0]!.key;
      const numbers = table.rows.map((r) => r[valueKey]).filter((x): x is number => typeof x === 'number');
      const max = Math.max(1, ...numbers);
      for (const row of table.rows) {
        if (doc.y > 700) doc.addPage();
        const value = row[valueKey];
        const y = doc.y;
        doc.text(String(row[labelKey] ?? ''), 54, y, { width: 230 });
        doc.text(String(value ?? ''), 290, y, { width: 70, align: 'right' });
        if (typeof value === 'number' && value > 0 && row.code !== 'total') {
          doc.rect(370, y + 2, Math.max(1, (value / max) * 180), 8).fill('#2f5d8a').fillColor('black');
        }
        doc.y = Math.max(doc.y, y + 14);
      }
      if (table.note) doc.fontSize(9).fillColor('#444').text(table.note, 54).fillColor('black').fontSize(10);
      doc.moveDown();
    }
    doc.addPage().font('Helvetica-Bold').fontSize(13).text(words.rulesTitle);
    doc.font('Helvetica').fontSize(10);
    for (const rule of report.countingRules) doc.text(`- ${rule}`).moveDown(0.3);
    doc.end();
  });
}
