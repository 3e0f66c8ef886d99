// Main process (plain Node). Never imports electron.
// Partner suggestions: anyone who works with cases may suggest an organization for the directory;
// it is not offered for referrals or services until a supervisor or administrator approves it.
// Declining removes the suggestion. The dispatcher logs each suggestion and review by the partner's id.
import { fold } from '../../../shared/fold';
import { newId } from '../../store/ids';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

function assertNewName(ctx: Parameters<Handler<'partners.suggest'>>[1], name: string): void {
  const taken = stmt<[], { name: string; status: string }>(ctx.db, 'SELECT name, status FROM partners').all().find((p) => fold(p.name) === fold(name));
  if (!taken) return;
  const message = taken.status === 'suggested' ? 'Someone has already suggested this partner.' : 'A partner with this name is already in the directory.';
  throw new AppError('CONFLICT', message, [{ path: 'name', message }]);
}

export const suggestPartner: Handler<'partners.suggest'> = (input, ctx) => {
  assertNewName(ctx, input.name);
  const id = newId();
  stmt(ctx.db, "INSERT INTO partners (id, name, services, contact, created_at, status, suggested_by) VALUES (?, ?, ?, ?, ?, 'suggested', ?)").run(
    id,
    input.name,
    JSON.stringify(input.services),
    input.contact,
    ctx.now().toISOString(),
    ctx.user.id,
  );
  ctx.setAuditTarget(id);
  return { id };
};

export const listSuggestions: Handler<'partners.suggestions'> = (_input, ctx) => ({
  suggestions: stmt<[], { id: string; name: string; services: string; contact: string | null; by: string | null; at: string }>(
    ctx.db,
    `SELECT p.id, p.name, p.services, p.contact, u.display_name AS by, p.created_at AS at
       FROM partners p LEFT JOIN users u ON u.id = p.suggested_by
      WHERE p.status = 'suggested' ORDER BY p.created_at, p.name COLLATE NOCASE, p.id`,
  )
    .all()
    .map((s) => ({ id: s.id, name: s.name, services: JSON.parse(s.services) as never, contact: s.contact, suggestedBy: s.by, suggestedAt: s.at })),
});

export const reviewSuggestion: Handler<'partners.review'> = (input, ctx) => {
  const row = stmt<[string], { status: string }>(ctx.db, 'SELECT status FROM partners WHERE id = ?').get(input.id);
  if (row?.status !== 'suggested') throw new AppError('NOT_FOUND', 'This suggestion was already approved or declined.');
  if (input.decision === 'approve') {
    stmt(ctx.db, "UPDATE partners SET status = 'listed', reviewed_by = ?, reviewed_at = ? WHERE id = ?").run(ctx.user.id, ctx.now().toISOString(), input.id);
  } else {
    stmt(ctx.db, 'DELETE FROM partners WHERE id = ?').run(input.id);
  }
  ctx.setAuditTarget(input.id);
  return { done: true };
};
