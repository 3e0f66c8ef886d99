// Main process (plain Node). Never imports electron.
// An RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF (or a lone CR, as old Mac exports
// write), a UTF-8 byte-order mark, and line breaks inside quotes. Written here rather than taken from
// a package so that what counts as a row is exactly what the problems list calls a row: csv-parse
// (7.0.3, checked for issue 11) counts a CRLF inside quotes as two lines, takes one line ending for
// the whole file (a file mixing LF and CR is misread), and either refuses a quote inside an unquoted
// field or, relaxed, accepts text after a closing quote. Rows and cells are capped (budget.ts) as
// they are read; fuzzed in test/unit/import-fuzz.test.ts.
import { IMPORT_BUDGET, TOO_MANY_CELLS, TOO_MANY_ROWS } from './budget';

/** One record: its number as a spreadsheet shows it (the header is row 1) and the line it starts on. */
export interface SheetRow {
  row: number;
  line: number;
  cells: string[];
  /** Columns (0-based) whose cell holds a spreadsheet error such as #N/A rather than a value. */
  errorCells?: number[];
}

/** A file that cannot be read as a table at all; `row` says where, for the problems list. */
export class SheetError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
    this.name = 'SheetError';
  }
}

export function parseCsv(input: string, delimiter = ','): SheetRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowStart = 1;
  let i = 0;
  /** Whether the current record has begun (so a last line without a line break still counts). */
  let pending = false;
  const n = text.length;

  let kept = 0;
  const keep = () => {
    kept += 1;
    if (kept > IMPORT_BUDGET.cells) throw new SheetError(TOO_MANY_CELLS, rows.length + 1);
  };

  const endRow = () => {
    if (rows.length >= IMPORT_BUDGET.rows) throw new SheetError(TOO_MANY_ROWS, rows.length + 1);
    keep();
    cells.push(cell);
    rows.push({ row: rows.length + 1, line: rowStart, cells });
    cells = [];
    cell = '';
    pending = false;
  };

  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      // A quoted field: runs to the next quote that is not doubled.
      const openedOn = line;
      i += 1;
      let closed = false;
      while (i < n) {
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (q === '\r' || q === '\n') {
          if (q === '\r' && text[i + 1] === '\n') {
            cell += '\r';
            i += 1;
          }
          line += 1;
        }
        cell += text[i]!;
        i += 1;
      }
      if (!closed) {
        throw new SheetError(`A quoted field that starts on line ${openedOn} has no closing quote. Check for a missing " in that row.`, rows.length + 1);
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new SheetError(
          `On line ${line}, a quoted field is followed by more text before the next comma. Put the whole field in quotes, and double any quote inside it ("").`,
          rows.length + 1,
        );
      }
      pending = true;
      continue;
    }
    if (ch === delimiter) {
      keep();
      cells.push(cell);
      cell = '';
      pending = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      line += 1;
      rowStart = line;
      continue;
    }
    cell += ch;
    pending = true;
    i += 1;
  }
  // The last record, unless the text ended with its line break.
  if (pending) endRow();
  return rows;
}
