// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold import`: clients, services or assessments from a CSV (or .xlsx) file whose header row
// uses the documented template. Every row is checked first; with any problem the command lists them
// all (row and column, never the cell's contents) and exits 1 having written nothing.
// `safehold import --template KIND`: prints the template; needs no store.
import { resolve } from 'node:path';
import { ImportKind, type ImportProblem } from '../../../shared/schemas/import';
import { auditLog } from '../../audit/chain';
import { localIsoDate } from '../../cases/dates';
import { closeSession } from '../../core/installation';
import { writePlan } from '../../import/apply';
import { SheetError, type SheetRow } from '../../import/csv';
import { ImportFileError, loadRows } from '../../import/source';
import { templateText } from '../../import/templates';
import { planImport } from '../../import/validate';
import { Refused, required, type CliValues } from '../common';
import type { CliIo } from '../prompt';
import { signIn } from './unlock';

function kindOf(value: string | boolean | undefined, flag: string): ImportKind {
  const kind = ImportKind.safeParse(value);
  if (!kind.success) throw new Refused(`--${flag} takes one of: ${ImportKind.options.join(', ')}.`);
  return kind.data;
}

function listProblems(io: CliIo, problems: ImportProblem[], count: number): number {
  for (const p of problems) io.stderr.write(`row ${p.row}, column ${p.column}: ${p.message}\n`);
  if (count > problems.length) io.stderr.write(`... and ${count - problems.length} more problems.\n`);
  io.stderr.write(`safehold: ${count === 1 ? 'one problem' : `${count} problems`} in the file. Nothing was imported.\n`);
  io.stdout.write(`${JSON.stringify({ ok: false, problemCount: count, problems })}\n`);
  return 1;
}

export async function importCommand(values: CliValues, io: CliIo): Promise<number> {
  if (values.template !== undefined) {
    io.stdout.write(templateText(kindOf(values.template, 'template')));
    return 0;
  }
  const kind = kindOf(required(values, 'kind'), 'kind');
  const file = resolve(required(values, 'file'));
  // The file is read before signing in: one that cannot be read needs no passphrase typed.
  let rows: SheetRow[];
  try {
    rows = loadRows({ file });
  } catch (error) {
    if (error instanceof ImportFileError) throw new Refused(error.message);
    if (error instanceof SheetError) return listProblems(io, [{ row: error.row, column: '(file)', message: error.message }], 1);
    throw error;
  }
  const { session } = await signIn(values, io, ['admin', 'supervisor']);
  try {
    const { db } = session;
    const now = new Date();
    // Checking and writing share one transaction, so nothing changes between them.
    const outcome = db
      .transaction(() => {
        const plan = planImport(db, kind, rows, {}, localIsoDate(now));
        if (plan.problemCount > 0) return { plan, result: null };
        const result = writePlan(db, plan, session.user.id, now);
        const log = auditLog(db, session.auditKey, () => now);
        log.append({ actorId: session.user.id, action: 'session.unlock.cli' });
        log.append({ actorId: session.user.id, action: 'import.apply.cli' });
        return { plan, result };
      })
      .immediate();
    if (!outcome.result) return listProblems(io, outcome.plan.problems, outcome.plan.problemCount);
    io.stdout.write(`${JSON.stringify({ ok: true, ...outcome.result })}\n`);
    return 0;
  } finally {
    closeSession(session);
  }
}
