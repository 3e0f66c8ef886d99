// Main process (plain Node). Never imports electron.
// Reading one row's cells into typed values. A bad cell is reported (by template column) and read
// as empty, so the rest of the row is still checked and every problem is found in one pass.
// Messages never repeat what was in the cell: they reach logs and terminals where case data must not.
import type { z } from 'zod';
import { IsoDate } from '../../shared/schemas/intake';
import { reasons, type Vocabulary } from '../../shared/vocab/define';

const reasonCodes: readonly string[] = reasons.codes;

/** "Very High", "very-high" and " very_high " are all the code very_high. */
export function normalizeCode(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/gu, '_');
}

export class RowReader {
  private readonly flaggedFields = new Set<string>();

  constructor(
    readonly row: number,
    private readonly values: ReadonlyMap<string, string>,
    private readonly report: (field: string, message: string) => void,
  ) {}

  /** The trimmed cell under a template column; '' when empty or absent. */
  raw(field: string): string {
    return (this.values.get(field) ?? '').trim();
  }

  has(field: string): boolean {
    return this.raw(field) !== '';
  }

  problem(field: string, message: string): void {
    if (this.flaggedFields.has(field)) return;
    this.flaggedFields.add(field);
    this.report(field, message);
  }

  get ok(): boolean {
    return this.flaggedFields.size === 0;
  }

  required(field: string, what: string): string | null {
    const value = this.raw(field);
    if (value === '') this.problem(field, `Fill in ${what}; it is required.`);
    return value === '' ? null : value;
  }

  text(field: string): string | null {
    const value = this.raw(field);
    return value === '' ? null : value;
  }

  code<C extends string>(field: string, list: Vocabulary<C>, options: { reasons?: boolean } = {}): string | null {
    const value = this.raw(field);
    if (value === '') return null;
    const code = normalizeCode(value);
    if ((list.codes as readonly string[]).includes(code)) return code;
    if (options.reasons && reasonCodes.includes(code)) return code;
    this.problem(field, `Not one of the codes for this column. Use one of: ${list.codes.join(', ')}${options.reasons ? `; or ${reasonCodes.join(', ')}` : ''}.`);
    return null;
  }

  date(field: string, options: { reasons?: boolean } = {}): string | null {
    const value = this.raw(field);
    if (value === '') return null;
    if (options.reasons && reasonCodes.includes(normalizeCode(value))) return normalizeCode(value);
    if (IsoDate.safeParse(value).success) return value;
    this.problem(field, `Not a date Safehold can read. Use a real date written like 2026-03-01${options.reasons ? `, or ${reasonCodes.join(', ')}` : ''}.`);
    return null;
  }

  wholeNumber(field: string): number | null {
    const value = this.raw(field);
    if (value === '') return null;
    if (/^\d{1,9}$/u.test(value)) return Number(value);
    this.problem(field, 'Use a whole number, like 45.');
    return null;
  }

  /** An amount of money as whole cents: 25, 25.5, 25.50, $1,250.00. */
  cents(field: string): number | null {
    const value = this.raw(field).replace(/^\$/u, '');
    if (value === '') return null;
    const match = /^(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.(\d{1,2}))?$/u.exec(value);
    if (!match) {
      this.problem(field, 'Use an amount like 25 or 25.50.');
      return null;
    }
    return Number(match[1]!.replace(/,/gu, '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  }

  /**
   * Reports what a zod schema found wrong, on the column each issue belongs to, unless that column
   * already has a problem. The same schemas check a typed-in form and an imported row.
   */
  schemaProblems(error: z.ZodError, columnOf: (path: readonly PropertyKey[]) => string): void {
    for (const issue of error.issues) this.problem(columnOf(issue.path), plainMessage(issue));
  }
}

/** "Invalid input" from a union says nothing; the last alternative (the free text) says what is wrong. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') {
    const last = issue.errors.at(-1)?.[0];
    if (last) return plainMessage(last);
  }
  return issue.message;
}
