// Issue 11 finding 5: a crafted spreadsheet cannot take the app down. Cell positions beyond column
// XFD or row 1,048,576 are refused in plain words (an 810-byte workbook with a cell at ZZZZZZ2 used to
// abort the process), and every size a file can ask for is capped before anything is allocated:
// the zip's declared part sizes and entry count, cells (with the empty ones a far cell drags in),
// shared strings and rows. Text that used to throw a RangeError is read or refused, never a crash.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_BUDGET } from '../../main/import/budget';
import { parseCsv, SheetError } from '../../main/import/csv';
import { readXlsx } from '../../main/import/xlsx';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function workbook(sheetData: string, extra: Record<string, Uint8Array> = {}, level: 0 | 9 = 9): Uint8Array {
  return zipSync(
    {
      'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets><sheet name="S" sheetId="1"/></sheets></workbook>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`),
      ...extra,
    },
    { level },
  );
}

function refusal(read: () => unknown): SheetError {
  let error: unknown;
  try {
    read();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SheetError);
  return error as SheetError;
}

const inline = (ref: string, text = 'x') => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('cell positions', () => {
  it('refuses ZZZZZZ2 in a tiny workbook with a plain message', () => {
    const bytes = workbook(`<row r="2">${inline('ZZZZZZ2')}</row>`);
    expect(bytes.length).toBeLessThan(1024);
    expect(refusal(() => readXlsx(bytes)).message).toMatch(/beyond column XFD or row 1,048,576/u);
  });

  it('refuses a column past XFD and a row past 1,048,576, in the cell or the row', () => {
    for (const sheet of [`<row r="1">${inline('XFE1')}</row>`, `<row r="1">${inline('A1048577')}</row>`, `<row r="1048577">${inline('A1')}</row>`]) {
      expect(refusal(() => readXlsx(workbook(sheet))).message, sheet).toMatch(/beyond column XFD/u);
    }
  });

  it('reads the last cell a spreadsheet can hold, XFD1048576', () => {
    const rows = readXlsx(workbook(`<row r="1048576">${inline('XFD1048576', 'last')}</row>`));
    expect(rows[0]!.row).toBe(1_048_576);
    expect(rows[0]!.cells.length).toBe(16_384);
    expect(rows[0]!.cells.at(-1)).toBe('last');
  });

  it('keeps no empty cells for formatting past the last value', () => {
    const rows = readXlsx(workbook(`<row r="1">${inline('A1', 'a')}<c r="XFD1" s="1"/></row>`));
    expect(rows[0]!.cells).toEqual(['a']);
  });
});

describe('sizes a file can ask for', () => {
  it('refuses parts whose declared unpacked size is over the budget, before unpacking', () => {
    const bytes = Buffer.from(workbook(`<row r="1">${inline('A1')}</row>`));
    // Patch the sheet's declared size in the central directory to 300 MiB.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (!bytes.subarray(at + 46, at + 46 + name.length).equals(name)) at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    bytes.writeUInt32LE(300 * 1024 * 1024, at + 24);
    expect(refusal(() => readXlsx(bytes)).message).toMatch(/too large/u);
  });

  it('refuses a zip that lists more entries than the budget', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= IMPORT_BUDGET.zipEntries; i += 1) many[`docProps/x${i}.xml`] = new Uint8Array(0);
    expect(refusal(() => readXlsx(workbook('', many, 0))).message).toMatch(/too large/u);
  });

  it('refuses more cells than the budget, counting the empty ones a far cell needs', () => {
    const rows = Math.ceil(IMPORT_BUDGET.cells / 16_384) + 1;
    const sheet = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}">${inline(`XFD${i + 1}`)}</row>`).join('');
    expect(refusal(() => readXlsx(workbook(sheet))).message).toMatch(/too many cells/u);
  });

  it('refuses more shared strings than the budget', () => {
    const sst = strToU8(`<sst ${NS}>${'<si/>'.repeat(IMPORT_BUDGET.cells + 1)}</sst>`);
    expect(refusal(() => readXlsx(workbook('', { 'xl/sharedStrings.xml': sst }))).message).toMatch(/too many cells/u);
  });

  it('stops reading rows past the row budget, in a workbook and in CSV', () => {
    const sheet = '<row/>'.repeat(IMPORT_BUDGET.rows + 1);
    expect(refusal(() => readXlsx(workbook(sheet))).message).toMatch(/more than 100000 rows/u);
    expect(refusal(() => parseCsv('a\n'.repeat(IMPORT_BUDGET.rows + 1))).message).toMatch(/more than 100000 rows/u);
  });

  it('refuses more CSV cells than the budget', () => {
    expect(refusal(() => parseCsv(','.repeat(IMPORT_BUDGET.cells + 1))).message).toMatch(/too many cells/u);
  });
});

describe('text that used to throw', () => {
  it('reads an out-of-range character reference as typed instead of throwing', () => {
    const rows = readXlsx(workbook(`<row r="1">${inline('A1', 'a&#x110000;b&#99999999;')}</row>`));
    expect(rows[0]!.cells).toEqual(['a&#x110000;b&#99999999;']);
  });

  it('reads a date-formatted number no calendar can show as a number', () => {
    const styles = strToU8(`<styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`);
    const rows = readXlsx(workbook('<row r="1"><c r="A1" s="1"><v>1e300</v></c><c r="B1" s="1"><v>-5</v></c></row>', { 'xl/styles.xml': styles }));
    expect(rows[0]!.cells).toEqual(['1e+300', '-5']);
  });

  it('refuses an element that is never closed, at once', () => {
    const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'.repeat(20_000);
    expect(refusal(() => readXlsx(workbook(sheet))).message).toMatch(/damaged/u);
  });
});
