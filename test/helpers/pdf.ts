// The words a reader's PDF viewer finds in a PDF file (pdf.js, as Firefox reads PDFs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function pdfText(path: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts')}/`;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, standardFontDataUrl }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  return text;
}
