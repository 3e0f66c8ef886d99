// Main process (plain Node). Never imports electron.
// Spreadsheet import: a preview that checks every row and shows how the columns map, and the import
// itself, which runs inside the dispatcher's write transaction: one problem anywhere and nothing is kept.
import type { FieldProblem } from '../../../shared/errors';
import { planFromInput, writePlan } from '../../import/apply';
import { ImportFileError } from '../../import/source';
import { templates } from '../../import/templates';
import type { ImportPlan } from '../../import/validate';
import { AppError } from '../errors';
import type { DataContext, Handler } from '../types';

function plan(input: Parameters<Handler<'import.preview'>>[0], ctx: DataContext): ImportPlan {
  try {
    return planFromInput(ctx.db, input, ctx.now());
  } catch (error) {
    if (error instanceof ImportFileError) throw new AppError('INVALID_INPUT', error.message, [{ path: 'file', message: error.message }]);
    throw error;
  }
}

export function problemFields(p: ImportPlan): FieldProblem[] {
  const fields = p.problems.map((problem) => ({ path: `row ${problem.row}, column ${problem.column}`, message: problem.message }));
  const unlisted = p.problemCount - p.problems.length;
  if (unlisted > 0) fields.push({ path: '(file)', message: `And ${unlisted} more problems not listed here.` });
  return fields;
}

export const previewImport: Handler<'import.preview'> = (input, ctx) => {
  const p = plan(input, ctx);
  ctx.audit.append({ actorId: ctx.user.id, action: 'import.preview' });
  return {
    kind: p.kind,
    columns: p.columns,
    mapping: p.mapping,
    template: templates[p.kind],
    rows: p.preview,
    rowCount: p.rowCount,
    problems: p.problems,
    problemCount: p.problemCount,
  };
};

export const applyImport: Handler<'import.apply'> = (input, ctx) => {
  const p = plan(input, ctx);
  if (p.problemCount > 0) {
    const count = p.problemCount === 1 ? 'One problem' : `${p.problemCount} problems`;
    throw new AppError('INVALID_INPUT', `${count} in the file. Nothing was imported; fix them and import the whole file again.`, problemFields(p));
  }
  return writePlan(ctx.db, p, ctx.user.id, ctx.now());
};
