// The words a reader's PDF viewer finds in a PDF file (pdf.js, as Firefox reads PDFs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportCell, ReportTable } from '../../shared/schemas/reports';

/** Each page's words, in the order they are drawn, one string per page. */
export async function pdfPages(path: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts')}/`;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, standardFontDataUrl }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    pages.push((await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

/** Every piece of text with where it starts on its page (points from the left edge). */
export async function pdfItems(path: string): Promise<{ page: number; str: string; x: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts')}/`;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, standardFontDataUrl }).promise;
  const items: { page: number; str: string; x: number }[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    for (const item of (await (await doc.getPage(i)).getTextContent()).items) {
      if ('str' in item && item.str.trim()) items.push({ page: i, str: item.str, x: item.transform[4] as number });
    }
  }
  return items;
}

export async function pdfText(path: string): Promise<string> {
  return (await pdfPages(path)).join('');
}

/** Whitespace as pdf.js and line wrapping leave it does not matter; the order of the words does. */
export const flat = (text: string) => text.replace(/\s+/gu, ' ').trim();
const HIDDEN = new Set(['code', 'source']);
const isFigure = (v: ReportCell | undefined) => typeof v === 'number' || v === 'withheld' || (typeof v === 'string' && /^\d+-\d+$/u.test(v));

/** What the PDF must say for one table: its title, its column labels in order, and each row's cells in order. */
export function expectedLines(table: ReportTable): string[] {
  const shown = table.columns.filter((c) => !HIDDEN.has(c.key));
  const lines = [table.title];
  const cells = (row: Record<string, ReportCell>) =>
    shown
      .map((c) => row[c.key])
      .filter((v) => v !== undefined && v !== '')
      .map(String);
  if (table.rows.length <= 1 && shown.every((c) => table.rows.some((r) => isFigure(r[c.key])))) {
    // One row of figures: each figure on a line after its label.
    for (const row of table.rows) for (const c of shown) lines.push(`${c.label} ${String(row[c.key])}`);
  } else {
    lines.push(shown.map((c) => c.label).join(' '));
    for (const row of table.rows) lines.push(cells(row).join(' '));
  }
  if (table.note) lines.push(table.note);
  return lines.map(flat);
}

