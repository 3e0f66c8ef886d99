// Fuzzing the two hand-written readers (issue 11 finding 5): random bytes, mutated valid workbooks and
// XML assembled from hostile fragments, and random CSV text. Every input gives rows or a SheetError
// with a plain message; never another exception, never more rows or wider rows than the budget.
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_BUDGET, SHEET_MAX_COLUMNS } from '../../main/import/budget';
import { parseCsv, SheetError, type SheetRow } from '../../main/import/csv';
import { readXlsx } from '../../main/import/xlsx';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function workbook(sheetData: string, sharedStrings = '<si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si>'): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(`<workbook ${NS}><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(`<sst ${NS}>${sharedStrings}</sst>`),
    'xl/styles.xml': strToU8(`<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`),
  });
}

const VALID = workbook(
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>name &amp; more</t></is></c></row>' +
    '<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="s"><v>1</v></c></row>',
);

/** Rows or a SheetError; anything else fails the property. Rows stay within the budget. */
function readsOrRefuses(read: () => SheetRow[]): void {
  let rows: SheetRow[];
  try {
    rows = read();
  } catch (error) {
    if (!(error instanceof SheetError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
    return;
  }
  expect(rows.length).toBeLessThanOrEqual(IMPORT_BUDGET.rows);
  for (const row of rows) expect(row.cells.length).toBeLessThanOrEqual(SHEET_MAX_COLUMNS);
}

const ref = fc.oneof(
  fc.constantFrom('A1', 'B2', 'XFD1', 'XFE1', 'ZZZZZZ2', 'A1048576', 'A1048577', 'A0', '1A', '', 'a1', 'AAAA1', 'A99999999999', 'A-1', 'A1.5'),
  fc.tuple(fc.stringMatching(/^[A-Z]{1,4}$/u), fc.nat({ max: 2_000_000 })).map(([c, r]) => `${c}${r}`),
);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('&amp;', '&#x110000;', '&#99999999;', '&#0;', '_x0000_', '_xD800_', '&bogus;', '<', ']]>', '1e308', '-1', 'NaN', '2958466'),
);
const cell = fc
  .tuple(ref, fc.constantFrom('n', 's', 'str', 'b', 'e', 'd', 'inlineStr', 'x'), fc.constantFrom('0', '1', '9', 'x'), text, fc.boolean())
  .map(([r, t, s, v, inline]) =>
    inline ? `<c r="${r}" t="${t}" s="${s}"><is><t>${v}</t></is></c>` : `<c r="${r}" t="${t}" s="${s}"><v>${v}</v></c>`,
  );
const fragment = fc.oneof(
  cell,
  fc.constantFrom('<c/>', '<c r="A1"/>', '<c>', '</c>', '<v>', '</v>', '<row>', '</row>', '<is>', '<t>', '<rPh>', '<c r="A1" t="inlineStr"><is><t>x</t>', '<', '>', '/>', '"'),
);
const row = fc.tuple(fc.oneof(fc.nat({ max: 2_000_000 }).map(String), fc.constantFrom('', 'x', '-1', '0', '1e3')), fc.array(fragment, { maxLength: 6 })).map(
  ([r, cells]) => `<row${r === '' ? '' : ` r="${r}"`}>${cells.join('')}</row>`,
);

describe('readXlsx fuzzed', () => {
  it('random bytes, with and without a zip signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), (bytes, zipLike) => {
        const input = zipLike ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        readsOrRefuses(() => readXlsx(input));
      }),
      { numRuns: 400, seed: 1101 },
    );
  });

  it('a valid workbook with bytes flipped, cut off or inserted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: VALID.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.nat({ max: VALID.length }),
        fc.constantFrom('flip', 'cut', 'insert'),
        (edits, cutAt, how) => {
          let bytes = Uint8Array.from(VALID);
          if (how === 'cut') bytes = bytes.subarray(0, cutAt);
          for (const [at, value] of edits) {
            if (how === 'insert') bytes = Uint8Array.from([...bytes.subarray(0, at), value, ...bytes.subarray(at)]);
            else if (at < bytes.length) bytes[at] = value;
          }
          readsOrRefuses(() => readXlsx(bytes));
        },
      ),
      { numRuns: 400, seed: 1102 },
    );
  });

  it('well-zipped workbooks whose XML is assembled from hostile fragments', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.array(fc.oneof(fc.constant('<si/>'), text.map((t) => `<si><t>${t}</t></si>`), fc.constantFrom('<si>', '<t>')), { maxLength: 4 }), (rows, sst) => {
        readsOrRefuses(() => readXlsx(workbook(rows.join(''), sst.join(''))));
      }),
      { numRuns: 500, seed: 1103 },
    );
  });
});

describe('parseCsv fuzzed', () => {
  it('random text made of the characters that matter', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', 'a', ' ', '\uFEFF', 'é', '\u0000'), maxLength: 300 }), (input) => {
        readsOrRefuses(() => parseCsv(input));
      }),
      { numRuns: 1000, seed: 1104 },
    );
  });

  it('reads back exactly the cells a spreadsheet program would write', () => {
    const field = fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', 'a', 'b', ' ', 'ñ'), maxLength: 8 });
    const quote = (value: string) => (/[",\r\n]/u.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value);
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (table, eol) => {
        const text = table.map((cells) => cells.map(quote).join(',')).join(eol) + eol;
        expect(parseCsv(text).map((r) => r.cells)).toEqual(table);
      }),
      { numRuns: 500, seed: 1105 },
    );
  });
});
