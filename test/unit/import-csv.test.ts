// The CSV reader: what a spreadsheet program writes comes back as the same rows and cells, and the
// row numbers are the ones the spreadsheet shows.
import { describe, expect, it } from 'vitest';
import { parseCsv, SheetError } from '../../main/import/csv';

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF, with or without a final line break', () => {
    expect(cells('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(cells('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(cells('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(cells('a,,c,\n,,,\n')).toEqual([['a', '', 'c', ''], ['', '', '', '']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    const rows = parseCsv('name,note\n"Ríos, Ana","said ""hi""\r\nthen left"\n"",x\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['name', 'note'],
      ['Ríos, Ana', 'said "hi"\r\nthen left'],
      ['', 'x'],
    ]);
    // Row numbers count records; lines count physical lines (the second record spans two).
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('drops a UTF-8 byte-order mark and keeps every script as typed', () => {
    expect(cells('\uFEFFchosen_name\nNguyễn Thị Mai\n李小龍\n')).toEqual([['chosen_name'], ['Nguyễn Thị Mai'], ['李小龍']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(cells('5" tall,b\n')).toEqual([['5" tall', 'b']]);
  });

  it('says where an unterminated quote starts', () => {
    let error: unknown;
    try {
      parseCsv('a,b\n1,2\n"open,3\n4,5\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SheetError);
    expect((error as SheetError).message).toMatch(/starts on line 3 has no closing quote/u);
    expect((error as SheetError).row).toBe(3);
  });

  it('refuses text after a closing quote instead of guessing', () => {
    expect(() => parseCsv('"a"b,c\n')).toThrow(/followed by more text/u);
  });

  it('reads an empty text as no rows', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });
});
