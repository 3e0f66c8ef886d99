// Reading the first worksheet of an .xlsx workbook, built here by hand with fflate: shared and
// inline strings, numbers, booleans, dates stored as serial numbers, and plain refusals otherwise.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SheetError } from '../../main/import/csv';
import { readXlsx } from '../../main/import/xlsx';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbook(sheetRows: string, options: { date1904?: boolean } = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${NS}>${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="Clients" sheetId="1" r:id="rId7"/><sheet name="Other" sheetId="2" r:id="rId8"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId8" Type="worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId7" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst ${NS} count="4" uniqueCount="4">` +
        '<si><t>chosen_name</t></si><si><t>date_of_birth</t></si>' +
        '<si><r><t>Ana </t></r><r><rPr><b/></rPr><t>Ríos &amp; Co</t></r><rPh><t>ignored</t></rPh></si>' +
        '<si><t xml:space="preserve">safe_to_call</t></si></sst>',
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>',
    ),
    // The workbook's first sheet is rId7, stored as sheet2.xml: the reader follows the relationship.
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`),
    'xl/worksheets/sheet2.xml': strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
}

describe('readXlsx', () => {
  it('reads the first worksheet: shared, rich and inline strings, numbers, booleans and dates', () => {
    const rows = readXlsx(
      workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="inlineStr"><is><t>minutes</t></is></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>36892</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" s="3"><v>45</v></c></row>' +
          // Row 3 skips column B (a sparse row) and uses the custom date format; row 4 is missing.
          '<row r="3"><c r="A3" t="str"><v>Mai</v></c><c r="C3" t="b"><v>0</v></c><c r="D3"><v>0.30000000000000004</v></c><c r="E3" s="2"><v>45352</v></c></row>' +
          '<row r="5"><c r="A5" t="inlineStr"><is><t>Sol_x000D_</t></is></c></row>',
      ),
    );
    expect(rows).toEqual([
      { row: 1, line: 1, cells: ['chosen_name', 'date_of_birth', 'safe_to_call', 'minutes'] },
      { row: 2, line: 2, cells: ['Ana Ríos & Co', '2001-01-01', 'yes', '45'] },
      { row: 3, line: 3, cells: ['Mai', '', 'no', '0.3', '2024-03-01'] },
      { row: 5, line: 5, cells: ['Sol\r'] },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', () => {
    const rows = readXlsx(workbook('<row r="1"><c r="A1" s="1"><v>0</v></c></row>', { date1904: true }));
    expect(rows[0]!.cells).toEqual(['1904-01-01']);
  });

  it('marks cells holding a formula error instead of a value', () => {
    const rows = readXlsx(workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1" t="e"><v>#N/A</v></c></row>'));
    expect(rows[0]!.errorCells).toEqual([1]);
  });

  it('refuses a password-protected or legacy .xls file in plain words', () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(() => readXlsx(ole)).toThrow(SheetError);
    expect(() => readXlsx(ole)).toThrow(/password or is an older \.xls file/u);
    expect(() => readXlsx(strToU8('PK\u0003\u0004 not really a zip'))).toThrow(/not an \.xlsx workbook/u);
    expect(() => readXlsx(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toThrow(/not an \.xlsx workbook/u);
  });
});
