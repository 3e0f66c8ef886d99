// The words a reader's PDF viewer finds in a PDF file (pdf.js, as Firefox reads PDFs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export async function pdfText(path: string): Promise<string> {
  return (await pdfPages(path)).join('');
}
