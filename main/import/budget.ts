// Main process (plain Node). Never imports electron.
// What one import may take, checked before anything is allocated for it, so no file (however it was
// made) can take the app down: the sizes a zip says its parts unpack to, how many parts it lists,
// how many cells and rows the reader keeps. A real caseload file is far inside every one of them.
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../shared/schemas/import';

export const IMPORT_BUDGET = {
  /** The file as picked or pasted (also the zod limit on pasted text). */
  fileBytes: IMPORT_MAX_BYTES,
  /** Entries a workbook's zip may list, wanted or not. */
  zipEntries: 10_000,
  /** Bytes the parts Safehold reads may unpack to, all together (by the sizes the zip declares, which bound what is unpacked). */
  unpackedBytes: 160 * 1024 * 1024,
  /** Bytes for each small part: the workbook, its relationships and its styles. */
  smallPartBytes: 8 * 1024 * 1024,
  /** Cells kept, counting the empty ones a row needs before its last value; shared strings count too. */
  cells: 8_000_000,
  /** Records read: the header row, IMPORT_MAX_ROWS rows and one more to say the file has too many. */
  rows: IMPORT_MAX_ROWS + 2,
  /** Longest XML tag read (a cell's or a row's opening tag); real ones are a few dozen bytes. */
  tagBytes: 64 * 1024,
} as const;

/** The largest cell position a spreadsheet can hold: column XFD, row 1,048,576. */
export const SHEET_MAX_COLUMNS = 16_384;
export const SHEET_MAX_ROWS = 1_048_576;

export const TOO_MANY_ROWS = `The file has more than ${IMPORT_MAX_ROWS} rows; import at most ${IMPORT_MAX_ROWS} at a time by splitting it.`;
export const TOO_MANY_CELLS = 'This file has too many cells to import at once (or a value far to the right of the others); split it into smaller files, or delete unused columns.';
