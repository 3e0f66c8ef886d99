// shared/: runs in every process. Imports nothing outside shared/.
// Spreadsheet import: clients, services and assessments from the CSV or XLSX sheets small agencies
// keep today. Every row is checked before anything is written, and the whole file goes in or none of it.
import { z } from 'zod';

export const importKinds = ['clients', 'services', 'assessments'] as const;
export const ImportKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof ImportKind>;

/** Data rows per file; larger sheets are split by the agency (and import in a few minutes each). */
export const IMPORT_MAX_ROWS = 100_000;
/** Bytes of a file or of pasted CSV text. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Problems listed per file; the count of all of them is always given. */
export const IMPORT_MAX_PROBLEMS = 5_000;

/** A path as the operating system's file chooser returns it (POSIX, drive letter or UNC share). */
const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/u, 'Choose the file again: the path must be complete.')
  .regex(/\.(csv|xlsx|xls)$/iu, 'Choose a .csv or .xlsx file.');

/**
 * Header names as they appear in the file, mapped to a template column; null leaves that column out.
 * Headers that already match the template (ignoring case, spaces and dashes) need no entry.
 */
export const ImportMapping = z.record(z.string().max(200), z.string().max(60).nullable()).default({});

export const ImportInput = z
  .object({
    kind: ImportKind,
    file: AbsolutePath.optional(),
    csvText: z.string().max(IMPORT_MAX_BYTES, 'The text is too large to import at once; split it into smaller files.').optional(),
    mapping: ImportMapping,
  })
  .strict()
  .refine((i) => (i.file === undefined) !== (i.csvText === undefined), {
    path: ['file'],
    message: 'Choose a file, or paste the CSV text, but not both.',
  });
export type ImportInput = z.input<typeof ImportInput>;

/** One problem, where a person can find it: the row number a spreadsheet shows (the header is row 1). */
export const ImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const TemplateColumnInfo = z.object({ name: z.string(), required: z.boolean(), doc: z.string() });

export const ImportPreview = z.object({
  kind: ImportKind,
  /** The header row as found in the file. */
  columns: z.array(z.string()),
  /** For each header: the template column it feeds, or null when it is left out. */
  mapping: z.record(z.string(), z.string().nullable()),
  /** The template, for choosing a column for a header that does not match. */
  template: z.array(TemplateColumnInfo),
  /** The first 20 data rows, as the template columns they map to. */
  rows: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()) })),
  rowCount: z.number().int(),
  problems: z.array(ImportProblem),
  /** Every problem counted, including any beyond the listed ones. */
  problemCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCounts = z.object({ clients: z.number().int(), services: z.number().int(), assessments: z.number().int() });
export const ImportResult = z.object({ kind: ImportKind, rowCount: z.number().int(), imported: ImportCounts });
export type ImportResult = z.infer<typeof ImportResult>;
