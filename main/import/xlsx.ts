// Main process (plain Node). Never imports electron.
// Reads the first worksheet of an .xlsx workbook (a zip of XML parts, unpacked with fflate): shared
// and inline strings, numbers, booleans, and dates stored as serial numbers in date-formatted cells
// (as YYYY-MM-DD). Formulas give their cached value. Anything else gets a plain refusal.
import { unzipSync } from 'fflate';
import { SheetError, type SheetRow } from './csv';

/** Unpacked parts larger than this are refused: a real caseload sheet is far smaller. */
const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

const NOT_XLSX =
  'This file is not an .xlsx workbook Safehold can read. If it has a password or is an older .xls file, open it in your spreadsheet program and save a copy as "Excel Workbook (.xlsx)" without a password, or as "CSV UTF-8".';

function decodeEntities(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
    })
    .replace(/_x([0-9a-f]{4})_/giu, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

/** The text of a string item: plain <t>, or the runs (<r><t>) of rich text; phonetic hints left out. */
function itemText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/gu, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/gu)) out += decodeEntities(m[1]!);
  return out;
}

function text(parts: Record<string, Uint8Array>, name: string): string | undefined {
  const bytes = parts[name];
  return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
}

/** Built-in number formats that show dates (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function isDateFormat(code: string): boolean {
  // Quoted text, escapes and [colour]/[locale] sections are not date parts.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, '');
  return /[dmy]/iu.test(bare) && !/^general$/iu.test(bare.trim());
}

function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/gu)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/u.exec(stylesXml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/gu)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!));
  });
}

/** A serial day number as a calendar date; the 1900 system counts a 29 February 1900 that never was. */
function serialToDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const adjusted = !date1904 && days < 61 ? days + 1 : days;
  return new Date(epoch + adjusted * 86_400_000).toISOString().slice(0, 10);
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/u.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Numbers as a person typed them: no binary noise (0.1 + 0.2), no exponent for whole numbers. */
function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(Number(n.toPrecision(15)));
}

function firstSheetPath(parts: Record<string, Uint8Array>): string {
  const workbook = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const sheetTag = workbook ? /<sheet\b[^>]*>/u.exec(workbook)?.[0] : undefined;
  const relId = sheetTag ? (attr(sheetTag, 'r:id') ?? attr(sheetTag, 'id')) : undefined;
  if (rels && relId) {
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/gu)) {
      if (attr(m[0], 'Id') !== relId) continue;
      const target = attr(m[0], 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (parts[path]) return path;
    }
  }
  if (parts['xl/worksheets/sheet1.xml']) return 'xl/worksheets/sheet1.xml';
  throw new SheetError('This workbook has no worksheet Safehold can find. Save it again as .xlsx, or as "CSV UTF-8".', 1);
}

export function readXlsx(bytes: Uint8Array): SheetRow[] {
  // A zip starts "PK\x03\x04"; password-protected workbooks and old .xls files are OLE files (D0 CF 11 E0).
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new SheetError(NOT_XLSX, 1);
  let unpacked = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        const wanted = file.name.startsWith('xl/') && (file.name.endsWith('.xml') || file.name.endsWith('.rels'));
        if (wanted) unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new SheetError('This workbook is too large to import; split it into smaller files.', 1);
        return wanted;
      },
    });
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(NOT_XLSX, 1);
  }
  if (!parts['xl/workbook.xml']) throw new SheetError(NOT_XLSX, 1);

  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/u.test(text(parts, 'xl/workbook.xml') ?? '');
  const shared = [...(text(parts, 'xl/sharedStrings.xml') ?? '').matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/gu)].map((m) => itemText(m[1] ?? ''));
  const dates = dateStyles(text(parts, 'xl/styles.xml'));
  const sheet = text(parts, firstSheetPath(parts)) ?? '';

  const rows: SheetRow[] = [];
  for (const rowMatch of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/gu)) {
    const rowNumber = Number(attr(rowMatch[0], 'r') ?? rows.length + 1);
    const cells: string[] = [];
    const errorCells: number[] = [];
    let next = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
      const tag = `<c${cellMatch[1]!}>`;
      const ref = attr(tag, 'r');
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const body = cellMatch[2] ?? '';
      const type = attr(tag, 't') ?? 'n';
      const raw = /<v>([\s\S]*?)<\/v>/u.exec(body)?.[1];
      let value = '';
      if (type === 'inlineStr') value = itemText(/<is>([\s\S]*?)<\/is>/u.exec(body)?.[1] ?? '');
      else if (raw === undefined) value = '';
      else if (type === 's') value = shared[Number(raw)] ?? '';
      else if (type === 'str') value = decodeEntities(raw);
      else if (type === 'b') value = raw.trim() === '1' ? 'yes' : 'no';
      else if (type === 'e') errorCells.push(col);
      else if (type === 'd') value = decodeEntities(raw).slice(0, 10);
      else {
        const style = Number(attr(tag, 's') ?? 0);
        value = dates[style] && Number.isFinite(Number(raw)) ? serialToDate(Number(raw), date1904) : numberText(raw);
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    rows.push({ row: rowNumber, line: rowNumber, cells, ...(errorCells.length > 0 ? { errorCells } : {}) });
  }
  return rows;
}
