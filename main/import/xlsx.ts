// Main process (plain Node). Never imports electron.
// Reads the first worksheet of an .xlsx workbook (a zip of XML parts, unpacked with fflate): shared
// and inline strings, numbers, booleans, and dates stored as serial numbers in date-formatted cells
// (as YYYY-MM-DD). Formulas give their cached value. Anything else gets a plain refusal.
//
// Kept by hand rather than taken from a package: the maintained readers on npm (exceljs,
// read-excel-file; SheetJS is no longer published there) build the whole sheet, padded out to its
// last cell, with no limit on what a crafted file's zip sizes, cell positions or string tables ask
// for. Here every part is bounded before it is unpacked (budget.ts), cell positions beyond XFD or row
// 1,048,576 are refused, and the XML is walked with plain searches in one pass (no backtracking
// patterns over whole parts), so time and memory stay in line with the file's size. Fuzzed in
// test/unit/import-fuzz.test.ts.
import { unzipSync } from 'fflate';
import { IMPORT_BUDGET, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, TOO_MANY_CELLS, TOO_MANY_ROWS } from './budget';
import { SheetError, type SheetRow } from './csv';

const NOT_XLSX =
  'This file is not an .xlsx workbook Safehold can read. If it has a password or is an older .xls file, open it in your spreadsheet program and save a copy as "Excel Workbook (.xlsx)" without a password, or as "CSV UTF-8".';
const DAMAGED = 'This workbook is damaged or was not written the way spreadsheet programs write one. Open it in your spreadsheet program and save it again as .xlsx, or as "CSV UTF-8".';
const OUT_OF_RANGE =
  'This workbook places a cell beyond column XFD or row 1,048,576, where no spreadsheet program puts one. Open it in your spreadsheet program and save it again as .xlsx, or as "CSV UTF-8".';
const TOO_LARGE = 'This workbook is too large to import at once; split it into smaller files.';

const refuse = (message: string): never => {
  throw new SheetError(message, 1);
};

/** A stretch of a part: [start, end) byte offsets. */
type Span = readonly [number, number];

interface Element {
  /** The opening tag, decoded: `<name attr="...">` or `<name .../>`. */
  tag: string;
  /** What is between the opening and the closing tag; null for `<name/>`. */
  body: Span | null;
}

const isNameEnd = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x3e || byte === 0x2f;

/**
 * Every `<name ...>...</name>` or `<name .../>` inside span, in order. Elements of these names do not
 * nest in SpreadsheetML, so each is found with forward searches only: one pass over the span.
 */
const needles = new Map<string, { open: Buffer; close: Buffer }>();

function needle(name: string): { open: Buffer; close: Buffer } {
  let found = needles.get(name);
  if (!found) needles.set(name, (found = { open: Buffer.from(`<${name}`, 'latin1'), close: Buffer.from(`</${name}>`, 'latin1') }));
  return found;
}

/**
 * Calls visit for every `<name ...>...</name>` or `<name .../>` inside span, in order, until it
 * returns false. Elements of these names do not nest in SpreadsheetML, so each is found with forward
 * searches only: one pass over the span, whatever the bytes are.
 */
function each(xml: Buffer, name: string, span: Span, visit: (element: Element) => boolean | void): void {
  const { open, close } = needle(name);
  const [from, to] = span;
  const view = xml.subarray(from, to);
  let at = 0;
  for (;;) {
    const start = view.indexOf(open, at);
    if (start < 0) return;
    if (!isNameEnd(view[start + open.length])) {
      at = start + open.length;
      continue;
    }
    const tagEnd = view.indexOf(0x3e, start + open.length);
    if (tagEnd < 0 || tagEnd - start > IMPORT_BUDGET.tagBytes) refuse(DAMAGED);
    const tag = view.toString('utf8', start, tagEnd + 1);
    let body: Span | null = null;
    if (view[tagEnd - 1] === 0x2f) at = tagEnd + 1;
    else {
      const end = view.indexOf(close, tagEnd + 1);
      if (end < 0) refuse(DAMAGED);
      at = end + close.length;
      body = [from + tagEnd + 1, from + end];
    }
    if (visit({ tag, body }) === false) return;
  }
}

function first(xml: Buffer, name: string, span: Span = [0, xml.length]): Element | undefined {
  let found: Element | undefined;
  each(xml, name, span, (element) => {
    found = element;
    return false;
  });
  return found;
}

function bodyText(xml: Buffer, element: Element | undefined): string | undefined {
  return element?.body ? xml.toString('utf8', element.body[0], element.body[1]) : element ? '' : undefined;
}

function fromCodePoint(code: number, original: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : original;
}

function decodeEntities(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|amp|lt|gt|quot|apos);/giu, (whole, e: string) => {
      if (e[0] === '#') return fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10), whole);
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
    })
    .replace(/_x([0-9a-f]{4})_/giu, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attrPatterns = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) attrPatterns.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`, 'u')));
  const match = pattern.exec(tag);
  return match ? decodeEntities(match[1]!) : undefined;
}

/** The text of a string item: plain <t>, or the runs (<r><t>) of rich text; phonetic hints (<rPh>) left out. */
function itemText(xml: Buffer, span: Span | null): string {
  if (!span) return '';
  const hints: Span[] = [];
  if (xml.subarray(span[0], span[1]).includes(needle('rPh').open)) {
    each(xml, 'rPh', span, ({ body }) => {
      if (body) hints.push(body);
    });
  }
  let out = '';
  each(xml, 't', span, ({ body }) => {
    if (!body || hints.some(([a, b]) => body[0] >= a && body[0] < b)) return;
    out += decodeEntities(xml.toString('utf8', body[0], body[1]));
  });
  return out;
}

/** Built-in number formats that show dates (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function isDateFormat(code: string): boolean {
  // Quoted text, escapes and [colour]/[locale] sections are not date parts.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, '');
  return /[dmy]/iu.test(bare) && !/^general$/iu.test(bare.trim());
}

function dateStyles(styles: Buffer | undefined): boolean[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  each(styles, 'numFmt', [0, styles.length], ({ tag }) => {
    custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
  });
  const xfs = first(styles, 'cellXfs');
  if (!xfs?.body) return [];
  const out: boolean[] = [];
  each(styles, 'xf', xfs.body, ({ tag }) => {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    out.push(DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
  });
  return out;
}

/** Serial day numbers a spreadsheet can show as a date: 1900-01-01 up to 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/** A serial day number as a calendar date; the 1900 system counts a 29 February 1900 that never was. */
function serialToDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const adjusted = !date1904 && days < 61 ? days + 1 : days;
  return new Date(epoch + adjusted * 86_400_000).toISOString().slice(0, 10);
}

/** A cell position such as B12 as a 0-based column; refuses positions no spreadsheet can hold. */
function columnOf(ref: string): number {
  const match = /^([A-Z]{1,3})([1-9]\d{0,6})$/u.exec(ref);
  if (!match) return refuse(/^[A-Z]+\d+$/u.test(ref) ? OUT_OF_RANGE : DAMAGED);
  let n = 0;
  for (const ch of match[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > SHEET_MAX_COLUMNS || Number(match[2]) > SHEET_MAX_ROWS) refuse(OUT_OF_RANGE);
  return n - 1;
}

function rowNumberOf(tag: string, previous: number): number {
  const r = attr(tag, 'r');
  if (r === undefined) return previous + 1;
  if (!/^\d{1,7}$/u.test(r)) return refuse(DAMAGED);
  const n = Number(r);
  if (n < 1 || n > SHEET_MAX_ROWS) refuse(OUT_OF_RANGE);
  return n;
}

/** Numbers as a person typed them: no binary noise (0.1 + 0.2), no exponent for whole numbers. */
function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(Number(n.toPrecision(15)));
}

type Parts = Record<string, Uint8Array>;

const asBuffer = (bytes: Uint8Array | undefined): Buffer | undefined => (bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined);

function firstSheetPath(parts: Parts): string {
  const workbook = asBuffer(parts['xl/workbook.xml']);
  const rels = asBuffer(parts['xl/_rels/workbook.xml.rels']);
  const sheetTag = workbook ? first(workbook, 'sheet')?.tag : undefined;
  const relId = sheetTag ? (attr(sheetTag, 'r:id') ?? attr(sheetTag, 'id')) : undefined;
  if (rels && relId) {
    let found: string | undefined;
    each(rels, 'Relationship', [0, rels.length], ({ tag }) => {
      if (attr(tag, 'Id') !== relId) return true;
      const target = attr(tag, 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (parts[path]) found = path;
      return found === undefined;
    });
    if (found) return found;
  }
  if (parts['xl/worksheets/sheet1.xml']) return 'xl/worksheets/sheet1.xml';
  throw new SheetError('This workbook has no worksheet Safehold can find. Save it again as .xlsx, or as "CSV UTF-8".', 1);
}

const SMALL_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);

/** The parts Safehold reads, each and all together within the budget before any is unpacked. */
function unpack(bytes: Uint8Array): Parts {
  let entries = 0;
  let unpacked = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        if (entries > IMPORT_BUDGET.zipEntries) refuse(TOO_LARGE);
        const name = file.name;
        const wanted = SMALL_PARTS.has(name) || name === 'xl/sharedStrings.xml' || (name.startsWith('xl/worksheets/') && name.endsWith('.xml'));
        if (!wanted) return false;
        // What fflate allocates: the declared size for a packed part (it never unpacks more), the stored bytes otherwise.
        const cost = Math.max(file.size, file.originalSize);
        if (SMALL_PARTS.has(name) && cost > IMPORT_BUDGET.smallPartBytes) refuse(TOO_LARGE);
        unpacked += cost;
        if (unpacked > IMPORT_BUDGET.unpackedBytes) refuse(TOO_LARGE);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof SheetError) throw error;
    return refuse(NOT_XLSX);
  }
}

export function readXlsx(bytes: Uint8Array): SheetRow[] {
  // A zip starts "PK\x03\x04"; password-protected workbooks and old .xls files are OLE files (D0 CF 11 E0).
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse(NOT_XLSX);
  const parts = unpack(bytes);
  const workbook = asBuffer(parts['xl/workbook.xml']);
  if (!workbook) return refuse(NOT_XLSX);

  let cells = 0;
  const spend = (n: number) => {
    cells += n;
    if (cells > IMPORT_BUDGET.cells) refuse(TOO_MANY_CELLS);
  };

  const workbookPr = first(workbook, 'workbookPr')?.tag ?? '';
  const date1904 = /\bdate1904="(1|true)"/u.test(workbookPr);
  const shared: string[] = [];
  const sst = asBuffer(parts['xl/sharedStrings.xml']);
  if (sst) {
    each(sst, 'si', [0, sst.length], ({ body }) => {
      spend(1);
      shared.push(itemText(sst, body));
    });
  }
  const dates = dateStyles(asBuffer(parts['xl/styles.xml']));
  const sheet = asBuffer(parts[firstSheetPath(parts)]) ?? Buffer.alloc(0);

  /** A cell's value as text; null for a spreadsheet error such as #N/A. */
  const cellValue = (cell: Element): string | null => {
    const type = attr(cell.tag, 't') ?? 'n';
    if (type === 'inlineStr') {
      const is = cell.body ? first(sheet, 'is', cell.body) : undefined;
      return is ? itemText(sheet, is.body) : '';
    }
    const raw = cell.body ? bodyText(sheet, first(sheet, 'v', cell.body)) : undefined;
    if (raw === undefined) return '';
    if (type === 's') return shared[Number(raw)] ?? '';
    if (type === 'str') return decodeEntities(raw);
    if (type === 'b') return raw.trim() === '1' ? 'yes' : 'no';
    if (type === 'e') return null;
    if (type === 'd') return decodeEntities(raw).slice(0, 10);
    const serial = Number(raw);
    const dated = dates[Number(attr(cell.tag, 's') ?? 0)] && Number.isFinite(serial) && serial >= 0 && serial <= MAX_SERIAL;
    return dated ? serialToDate(serial, date1904) : numberText(raw);
  };

  const rows: SheetRow[] = [];
  let previousRow = 0;
  each(sheet, 'row', [0, sheet.length], (row) => {
    if (rows.length >= IMPORT_BUDGET.rows) refuse(TOO_MANY_ROWS);
    const rowNumber = rowNumberOf(row.tag, previousRow);
    previousRow = rowNumber;
    const values: string[] = [];
    const errorCells: number[] = [];
    let next = 0;
    if (row.body) {
      each(sheet, 'c', row.body, (cell) => {
        const ref = attr(cell.tag, 'r');
        const col = ref === undefined ? next : columnOf(ref);
        if (col >= SHEET_MAX_COLUMNS) refuse(OUT_OF_RANGE);
        next = col + 1;
        const value = cellValue(cell);
        if (value === null) errorCells.push(col);
        // An empty cell past the row's last value (formatting only) takes nothing.
        if (!value && col >= values.length) return;
        if (col >= values.length) spend(col + 1 - values.length);
        while (values.length < col) values.push('');
        values[col] = value ?? '';
      });
    }
    rows.push({ row: rowNumber, line: rowNumber, cells: values, ...(errorCells.length > 0 ? { errorCells } : {}) });
  });
  return rows;
}
