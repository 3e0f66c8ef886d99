// Main process (plain Node). Never imports electron.
// The report as a PDF a person can read, in the report's language: every column of every table
// (codes and source references stay in the CSV and JSON), each breakdown with a horizontal bar chart
// scaled to its own largest row, tables that run past a page repeating their heading and column
// header, and long labels wrapped inside their column. Built only from the report's tables, so any
// table added to the report is printed the same way. Linear in the number of cells.
import PDFDocument from 'pdfkit';
import type { Report, ReportCell, ReportTable } from '../../shared/schemas/reports';
import { reportWords } from './words';

type Doc = InstanceType<typeof PDFDocument>;
type Row = Record<string, ReportCell>;

const LEFT = 54;
const WIDTH = 504;
const TOP = 54;
const BOTTOM = 792 - 54;
const GAP = 8;
const CHART = 96;
/** The width of a label-value line. */
const KEY_VALUE = 340;
/** A table shorter than this (in points) starts on a new page rather than split. */
const KEEP_TOGETHER = 330;
const BODY = 9.5;
const HEAD = 8.5;
const BAR = '#2f5d8a';
const RANGE_FILL = '#dbe6f0';

/** Columns a reader does not need on paper: row codes and source references (the CSV and JSON keep them). */
const HIDDEN = new Set(['code', 'source']);
/** Summary rows: printed in bold, left out of the chart's scale. */
const SUMMARY = new Set(['total', 'any']);

const isRange = (v: ReportCell | undefined): v is string => typeof v === 'string' && /^\d+-\d+$/u.test(v);
const isFigure = (v: ReportCell | undefined) => typeof v === 'number' || isRange(v) || v === 'withheld';
const isCount = (v: ReportCell | undefined) => v === undefined || v === '' || v === 'withheld' || isRange(v) || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
/** A cell as printed: exactly as in report.json, so the two can be compared by eye or by program. */
export const cellText = (v: ReportCell | undefined): string => (v === undefined ? '' : String(v));

interface Column {
  key: string;
  label: string;
  figure: boolean;
  x: number;
  width: number;
}

export interface TableLayout {
  columns: Column[];
  /** The column the bars show, and the scale: the largest non-summary value (a range counts as its top). */
  chart: { key: string; label: string; x: number; max: number; ranges: boolean } | null;
  /** A table with no label column (one figure per column) is printed as label-value lines. */
  keyValue: boolean;
}

function longestWord(doc: Doc, text: string): number {
  return Math.max(0, ...text.split(/\s+/u).map((w) => doc.widthOfString(w)));
}

function chartOf(table: ReportTable, columns: { key: string; label: string; figure: boolean }[]): Omit<NonNullable<TableLayout['chart']>, 'x'> | null {
  if (!table.columns.some((c) => c.key === 'code')) return null;
  const rows = table.rows.filter((r) => !SUMMARY.has(String(r.code)));
  if (rows.length === 0) return null;
  // Only a column that would draw at least one bar.
  const chartable = columns.filter((c) => c.figure && rows.every((r) => isCount(r[c.key])) && rows.some((r) => (typeof r[c.key] === 'number' && r[c.key] !== 0) || isRange(r[c.key])));
  const column = chartable.at(-1);
  if (!column) return null;
  const top = (v: ReportCell | undefined) => (typeof v === 'number' ? v : isRange(v) ? Number(v.split('-')[1]) : 0);
  return { key: column.key, label: column.label, max: Math.max(1, ...rows.map((r) => top(r[column.key]))), ranges: rows.some((r) => isRange(r[column.key])) };
}

/** Column widths: figure columns as wide as their widest value or header word, label columns sharing the rest. */
export function layoutTable(doc: Doc, table: ReportTable): TableLayout {
  const shown = table.columns.filter((c) => !HIDDEN.has(c.key)).map((c) => ({ ...c, figure: table.rows.some((r) => isFigure(r[c.key])) }));
  const keyValue = shown.length > 0 && shown.every((c) => c.figure) && table.rows.length <= 1;
  const chart = keyValue ? null : chartOf(table, shown);
  // Breakdowns keep the chart's room even without bars (all zeros), so their columns line up.
  const chartWidth = chart || table.columns.some((c) => c.key === 'code') ? CHART + GAP : 0;
  doc.font('Helvetica').fontSize(BODY);
  const cellWidth = (key: string) => Math.max(0, ...table.rows.map((r) => doc.widthOfString(cellText(r[key]))));
  const natural = shown.map((c) => {
    doc.font('Helvetica-Bold').fontSize(HEAD);
    const header = longestWord(doc, c.label);
    const whole = doc.widthOfString(c.label);
    doc.font('Helvetica').fontSize(BODY);
    const cells = cellWidth(c.key);
    return c.figure ? Math.min(90, Math.max(44, header, cells, Math.min(whole, 70))) : Math.max(header, cells, whole);
  });
  // No label column is narrower than its longest word, so words are never broken.
  const minimum = shown.map((c) => {
    doc.font('Helvetica-Bold').fontSize(HEAD);
    const header = longestWord(doc, c.label);
    doc.font('Helvetica').fontSize(BODY);
    return Math.max(header, ...table.rows.map((r) => longestWord(doc, cellText(r[c.key]))));
  });
  const gaps = GAP * Math.max(0, shown.length - 1);
  const fixed = shown.reduce((sum, c, i) => sum + (c.figure ? natural[i]! : 0), 0);
  const texts = shown.map((c, i) => (c.figure ? 0 : natural[i]!));
  const textNatural = texts.reduce((a, b) => a + b, 0);
  const room = Math.max(60, WIDTH - chartWidth - gaps - fixed);
  let x = LEFT;
  // Label columns get their natural width, the last of them any room left; when they do not fit,
  // each gets its longest word and a share of the rest in proportion to what it lacks (and wraps).
  const lastText = shown.findLastIndex((c) => !c.figure);
  // Narrow label columns (within a fair share of the room) keep their whole width; the wide ones wrap.
  const whole = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    const left = room - [...whole].reduce((sum, i) => sum + texts[i]!, 0);
    const open = shown.map((c, i) => i).filter((i) => !shown[i]!.figure && !whole.has(i));
    for (const i of open) {
      if (texts[i]! <= left / open.length) {
        whole.add(i);
        changed = true;
      }
    }
  }
  const wrapRoom = room - [...whole].reduce((sum, i) => sum + texts[i]!, 0);
  const wrapping = shown.map((c, i) => i).filter((i) => !shown[i]!.figure && !whole.has(i));
  const least = shown.map((c, i) => (c.figure ? 0 : Math.min(texts[i]!, minimum[i]!)));
  const leastSum = wrapping.reduce((sum, i) => sum + least[i]!, 0);
  const wrapNatural = wrapping.reduce((sum, i) => sum + texts[i]!, 0);
  const share = (i: number) =>
    whole.has(i)
      ? texts[i]!
      : leastSum < wrapRoom && wrapNatural > leastSum
        ? least[i]! + ((wrapRoom - leastSum) * (texts[i]! - least[i]!)) / (wrapNatural - leastSum)
        : (wrapRoom * texts[i]!) / wrapNatural;
  const columns = shown.map((c, i) => {
    const width = c.figure ? natural[i]! : textNatural <= room ? texts[i]! + (i === lastText ? room - textNatural : 0) : share(i);
    const column = { ...c, x, width };
    x += width + GAP;
    return column;
  });
  return { columns, chart: chart ? { ...chart, x: LEFT + WIDTH - CHART } : null, keyValue };
}

interface PdfOptions {
  /** A submission pack: exact counts, marked on every page. */
  exact?: boolean;
}

class Writer {
  constructor(
    readonly doc: Doc,
    readonly words: (typeof reportWords)['en'],
  ) {}

  /** Starts a new page if `height` does not fit below the current position; true when it did. */
  room(height: number): boolean {
    if (this.doc.y + height <= BOTTOM) return false;
    this.doc.addPage();
    this.doc.x = LEFT;
    this.doc.y = TOP;
    return true;
  }

  paragraph(text: string, font: string, size: number, color = 'black', after = 4) {
    const { doc } = this;
    doc.font(font).fontSize(size);
    // A new page draws its marking in its own font: set this one again after.
    this.room(doc.heightOfString(text, { width: WIDTH }));
    doc.font(font).fontSize(size).fillColor(color).text(text, LEFT, doc.y, { width: WIDTH });
    doc.fillColor('black');
    doc.y += after;
  }

  /**
   * One line of cells at the current position, each wrapped in its column; returns the line's height.
   * A cell that fits on one line (most) is placed directly, without pdfkit's line wrapper, which is
   * what keeps the PDF cheap.
   */
  cells(cells: { text: string; x: number; width: number; align: 'left' | 'right' }[], font: string, size: number, measureOnly = false): number {
    const { doc } = this;
    doc.font(font).fontSize(size);
    const line = doc.currentLineHeight(true);
    const widths = cells.map((c) => (c.text ? doc.widthOfString(c.text) : 0));
    const height = Math.max(size + 2, ...cells.map((c, i) => (!c.text ? 0 : widths[i]! <= c.width ? line : doc.heightOfString(c.text, { width: c.width }))));
    if (measureOnly) return height;
    const y = doc.y;
    cells.forEach((c, i) => {
      if (!c.text) return;
      if (widths[i]! <= c.width) doc.text(c.text, c.align === 'right' ? c.x + c.width - widths[i]! : c.x, y, { lineBreak: false });
      else doc.text(c.text, c.x, y, { width: c.width, align: c.align });
    });
    doc.x = LEFT;
    doc.y = y + height;
    return height;
  }

  header(table: ReportTable, layout: TableLayout, continued: boolean) {
    const { doc } = this;
    const title = continued ? `${table.title} ${this.words.pdf.continued}` : table.title;
    doc.font('Helvetica-Bold').fontSize(12).text(title, LEFT, doc.y, { width: WIDTH });
    doc.y += 3;
    if (layout.keyValue) return;
    this.cells(
      layout.columns.map((c) => ({ text: c.label, x: c.x, width: c.width, align: c.figure ? 'right' : 'left' })),
      'Helvetica-Bold',
      HEAD,
    );
    doc.moveTo(LEFT, doc.y + 1).lineTo(LEFT + WIDTH, doc.y + 1).lineWidth(0.5).strokeColor('#888').stroke();
    doc.y += 4;
  }

  bar(layout: TableLayout, value: ReportCell | undefined, y: number) {
    const { chart } = layout;
    if (!chart) return;
    const { doc } = this;
    const width = (n: number) => Math.max(1, (n / chart.max) * CHART);
    if (typeof value === 'number' && value > 0) doc.rect(chart.x, y + 1.5, width(value), 7).fill(BAR);
    else if (isRange(value)) doc.rect(chart.x, y + 1.5, width(Number(value.split('-')[1])), 7).lineWidth(0.6).fillAndStroke(RANGE_FILL, BAR);
    doc.fillColor('black').strokeColor('black');
  }

  table(table: ReportTable) {
    const { doc } = this;
    const layout = layoutTable(doc, table);
    const rowCells = (row: Row) => layout.columns.map((c) => ({ text: cellText(row[c.key]), x: c.x, width: c.width, align: c.figure ? ('right' as const) : ('left' as const) }));
    // Keep the heading with its column header and first row.
    doc.font('Helvetica-Bold').fontSize(12);
    const titleHeight = doc.heightOfString(table.title, { width: WIDTH }) + 3;
    const headerHeight = layout.keyValue ? 0 : this.cells(layout.columns.map((c) => ({ text: c.label, x: c.x, width: c.width, align: 'left' })), 'Helvetica-Bold', HEAD, true) + 5;
    const first = table.rows[0] ? this.cells(rowCells(table.rows[0]), 'Helvetica', BODY, true) : 0;
    // A short table is kept on one page; a long one starts where it is with at least its first row.
    const whole = table.rows.length * (first + 3) + 20;
    this.room(titleHeight + headerHeight + (whole <= KEEP_TOGETHER ? whole : first + 4));
    this.header(table, layout, false);
    if (layout.keyValue) {
      for (const row of table.rows) {
        for (const c of layout.columns) {
          const cells = [
            { text: c.label, x: LEFT, width: KEY_VALUE - 80 - GAP, align: 'left' as const },
            { text: cellText(row[c.key]), x: LEFT + KEY_VALUE - 80, width: 80, align: 'right' as const },
          ];
          this.room(this.cells(cells, 'Helvetica', BODY, true) + 2);
          this.cells(cells, 'Helvetica', BODY);
          doc.y += 2;
        }
      }
    }
    // The chart's caption stays on the page of the table's last row.
    const caption = layout.chart ? this.words.pdf.chartCaption(layout.chart.label, layout.chart.ranges) : null;
    doc.font('Helvetica-Oblique').fontSize(8);
    const captionHeight = caption ? doc.heightOfString(caption, { width: WIDTH }) + 4 : 0;
    const rows = layout.keyValue ? [] : table.rows;
    rows.forEach((row, i) => {
      const summary = SUMMARY.has(String(row.code));
      const font = summary ? 'Helvetica-Bold' : 'Helvetica';
      const cells = rowCells(row);
      if (this.room(this.cells(cells, font, BODY, true) + 3 + (i === rows.length - 1 ? captionHeight : 0))) this.header(table, layout, true);
      const y = doc.y;
      this.cells(cells, font, BODY);
      if (!summary && layout.chart) this.bar(layout, row[layout.chart.key], y);
      doc.y += 3;
    });
    doc.y += 2;
    if (caption) this.paragraph(caption, 'Helvetica-Oblique', 8, '#444', 2);
    if (table.note) this.paragraph(table.note, 'Helvetica', 9, '#333', 2);
    doc.y += 12;
  }
}

/** A PDF a person can read, in the report's language: the period, every table with its chart, and the counting rules. */
export function reportPdf(report: Report, tables: ReportTable[], generatedAt: string, options: PdfOptions = {}): Promise<Buffer> {
  const { language } = report.parameters;
  const words = reportWords[language];
  return new Promise((resolve, reject) => {
    // No metadata beyond a title and the language (for screen readers); fixed dates so the bytes
    // depend only on the report.
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 54,
      lang: language,
      info: { Title: words.pdf.documentTitle, CreationDate: new Date(generatedAt), ModDate: new Date(generatedAt) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const mark = () => {
      if (!options.exact) return;
      const { x, y } = doc;
      doc.font('Helvetica-Bold').fontSize(9).fillColor('#a01010').text(words.pdf.exactMark, LEFT, 30, { width: WIDTH, align: 'center', lineBreak: false });
      doc.fillColor('black');
      doc.x = x;
      doc.y = y;
    };
    doc.on('pageAdded', mark);
    mark();
    const out = new Writer(doc, words);
    out.paragraph(words.pdf.heading, 'Helvetica-Bold', 18);
    out.paragraph(words.pdf.period(report.period.from, report.period.to), 'Helvetica', 11, 'black', 2);
    out.paragraph(options.exact ? words.pdf.generatedExact(generatedAt.slice(0, 10)) : words.pdf.generated(generatedAt.slice(0, 10), report.parameters.threshold), 'Helvetica', 10);
    doc.y += 10;
    for (const table of tables) out.table(table);
    doc.addPage();
    doc.y = TOP;
    out.paragraph(words.pdf.rulesTitle, 'Helvetica-Bold', 13);
    for (const rule of report.countingRules) out.paragraph(`- ${rule}`, 'Helvetica', 10, 'black', 4);
    doc.end();
  });
}
