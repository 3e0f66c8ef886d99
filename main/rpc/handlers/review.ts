// Main process (plain Node). Never imports electron.
// "Needs review" (team sync): what two laptops did at once, listed for the case's worker and for
// supervisors and admins (agency-wide records such as staff names: admins), and settled by one
// person's choice, which then syncs like any other write.
import type { ReviewItem } from '../../../shared/schemas/review';
import { canOpen, openableClient } from '../../cases/access';
import { getClient, recordChanges } from '../../store/repos/clients';
import { isSyncEnabled, listConflicts, resolveConflict, SyncEngineError, type Conflict } from '../../sync/engine';
import { tableByName } from '../../sync/engine/tables';
import { AppError } from '../errors';
import type { DataContext, Handler } from '../types';

function part(c: Conflict): string | null {
  const t = tableByName.get(c.table);
  if (c.table === 'settings') return c.recordKey;
  if (t && t.pk.length > 1) return c.recordKey.split('\u001f').at(-1) ?? null;
  return null;
}

function asField(v: unknown): ReviewItem['shown'] {
  return typeof v === 'string' || typeof v === 'number' || v === null ? v : JSON.stringify(v);
}

/** The conflicts this person may see: their openable cases' (all, for supervisors and admins); agency records for admins. */
function visible(ctx: DataContext): { conflict: Conflict; caseNumber: string | null; chosenName: string | null }[] {
  if (!isSyncEnabled(ctx.db)) return [];
  const out: { conflict: Conflict; caseNumber: string | null; chosenName: string | null }[] = [];
  for (const conflict of listConflicts(ctx.db)) {
    if (conflict.caseId === null) {
      if (ctx.user.role === 'admin') out.push({ conflict, caseNumber: null, chosenName: null });
      continue;
    }
    const client = getClient(ctx.db, conflict.caseId);
    if (client ? canOpen(ctx, client) : ctx.user.role !== 'caseworker') {
      out.push({ conflict, caseNumber: client?.case_number ?? null, chosenName: client?.chosen_name ?? null });
    }
  }
  return out;
}

export const listReview: Handler<'sync.conflicts'> = (_input, ctx) => {
  const items = visible(ctx).map(({ conflict: c, caseNumber, chosenName }) => ({
    id: c.id,
    kind: c.kind,
    caseId: c.caseId,
    caseNumber,
    chosenName,
    area: c.table,
    field: c.field,
    part: part(c),
    shown: asField(c.shown),
    // A clash of unique values (engine/unique.ts) stores only the wanted value: no who, where or when.
    candidates: c.candidates.map((x) => ({ value: asField(x.value), byName: x.byName ?? null, laptop: x.laptop ?? null, at: x.at ?? null })),
  }));
  ctx.audit.append({ actorId: ctx.user.id, action: 'sync.conflicts' });
  return { items };
};

export const resolveReview: Handler<'sync.resolve'> = (input, ctx) => {
  const conflict = isSyncEnabled(ctx.db) ? listConflicts(ctx.db).find((c) => c.id === input.id) : undefined;
  if (!conflict) throw new AppError('NOT_FOUND', 'This item was already settled, perhaps on another laptop.');
  if (conflict.caseId !== null) {
    openableClient(ctx, conflict.caseId);
    ctx.setAuditTarget(conflict.caseId);
  } else if (ctx.user.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only an administrator can settle this.');
  }
  try {
    resolveConflict(ctx.db, conflict.id, input.choice, ctx.user.id);
  } catch (error) {
    if (error instanceof SyncEngineError) {
      if (error.code === 'INVALID_CHOICE') throw new AppError('INVALID_INPUT', 'Choose one of the options shown.', [{ path: 'choice', message: 'Choose one of the options shown.' }]);
      throw new AppError('NOT_FOUND', 'This item was already settled, perhaps on another laptop.');
    }
    throw error;
  }
  // Which field was settled and by whom shows in the case's history (no values).
  if (conflict.caseId !== null && getClient(ctx.db, conflict.caseId)) {
    recordChanges(ctx.db, conflict.caseId, ctx.now().toISOString(), ctx.user.id, 'review', [conflict.field ?? conflict.table]);
  }
  return { done: true };
};
