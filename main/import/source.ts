// Main process (plain Node). Never imports electron.
// Where the rows come from: pasted CSV text, a .csv file (UTF-8) or an .xlsx workbook.
import { extname } from 'node:path';
import { IMPORT_MAX_BYTES } from '../../shared/schemas/import';
import { readRegularFile, RegularFileError } from '../fs/regular-file';
import { parseCsv, SheetError, type SheetRow } from './csv';
import { readXlsx } from './xlsx';

/** The file itself could not be used (missing, unreadable, too large): nothing about its rows. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SheetError('This file is not UTF-8 text. In your spreadsheet program, save it again as "CSV UTF-8", then import that file.', 1);
  }
}

function fileProblem(error: unknown): string {
  switch (error instanceof RegularFileError ? error.problem : 'missing') {
    case 'too-large':
      return 'This file is too large to import at once; split it into smaller files.';
    case 'not-regular':
      return 'That is not an ordinary file (it may be a device, a pipe or a link to one), so Safehold did not read it. Choose the spreadsheet file itself.';
    case 'changed':
      return 'That file changed while it was being read. Wait until it is saved, then import it again.';
    default:
      return 'That file could not be opened. Check that it exists and that you may read it.';
  }
}

export function loadRows(source: { file?: string | undefined; csvText?: string | undefined }): SheetRow[] {
  if (source.csvText !== undefined) return parseCsv(source.csvText);
  const file = source.file!;
  const ext = extname(file).toLowerCase();
  if (ext === '.xls') {
    throw new SheetError('Safehold cannot read old .xls workbooks. Open it in your spreadsheet program and save a copy as .xlsx or as "CSV UTF-8".', 1);
  }
  let bytes: Buffer;
  try {
    // Ordinary files only (never a pipe or a device such as /dev/zero), and never past the limit.
    bytes = readRegularFile(file, IMPORT_MAX_BYTES);
  } catch (error) {
    throw new ImportFileError(fileProblem(error));
  }
  return ext === '.xlsx' ? readXlsx(bytes) : parseCsv(decodeUtf8(bytes));
}
