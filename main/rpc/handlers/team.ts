// Main process (plain Node). Never imports electron.
// Team sync from the screens: status (everyone signed in: the sync indicator), create, invite and
// revoke (admins: Admin → Team), and "Sync now" (everyone signed in).
import { writeFileAtomic } from '../../fs/atomic';
import { createInvitation, createTeam, revokeLaptop, teamStatus, TeamError } from '../../sync/team/enrol';
import { teamSyncOf } from '../../sync/team/service';
import { AppError } from '../errors';
import type { Handler, SessionContext } from '../types';

function session(ctx: SessionContext) {
  const current = ctx.control.current;
  if (!current) throw new AppError('LOCKED');
  return current;
}

function coded(error: unknown): unknown {
  if (!(error instanceof TeamError)) return error;
  switch (error.code) {
    case 'NOT_FOUND':
      return new AppError('NOT_FOUND', error.message);
    case 'BAD_FOLDER':
      return new AppError('INVALID_INPUT', error.message, [{ path: 'folder', message: error.message }]);
    case 'NOT_MANAGER':
      return new AppError('FORBIDDEN', error.message);
    default:
      return new AppError('CONFLICT', error.message);
  }
}

export const status: Handler<'team.status'> = async (_input, ctx) => {
  const s = session(ctx);
  const state = teamStatus(s.db);
  const service = teamSyncOf(ctx.control);
  const names = s.user.role === 'admin' ? new Map(s.db.prepare<[], { id: string; display_name: string }>('SELECT id, display_name FROM users').all().map((u) => [u.id, u.display_name])) : null;
  return {
    inTeam: state.inTeam,
    laptopId: state.laptopId,
    manager: state.manager,
    lastSyncAt: state.lastSyncAt,
    pending: state.pending,
    syncing: service.syncing,
    lastProblem: service.lastProblem,
    waitingFiles: service.waitingFiles,
    needsUpdate: service.needsUpdate,
    laptops: names
      ? state.laptops.map((l) => ({ laptopId: l.laptopId, personName: names.get(l.userId) ?? null, status: l.status, lastSyncAt: l.lastFileAt, self: l.self, accessLogIntact: l.accessLogIntact }))
      : [],
  };
};

export const create: Handler<'team.create'> = async (input, ctx) => {
  const s = session(ctx);
  try {
    const made = s.db.transaction(() => createTeam(s.db, { folder: input.folder, userId: s.user.id, now: new Date() }))();
    ctx.control.record({ actorId: s.user.id, action: 'team.create', targetId: made.laptopId });
  } catch (error) {
    throw coded(error);
  }
  teamSyncOf(ctx.control).arm();
  return status({}, ctx);
};

export const invite: Handler<'team.invite'> = async (input, ctx) => {
  const s = session(ctx);
  try {
    const made = await createInvitation(s.db, { userId: input.userId, now: new Date() });
    writeFileAtomic(input.file, made.file);
    ctx.control.record({ actorId: s.user.id, action: 'team.invite', targetId: input.userId });
    // Tell the other laptops now, so they accept the new laptop when it appears; later if the folder is away.
    await teamSyncOf(ctx.control).syncNow().catch(() => {});
    return { code: made.code, expiresAt: made.expiresAt, file: input.file };
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EACCES')) {
      throw new AppError('INVALID_INPUT', 'The invitation could not be written there. Choose another folder.', [{ path: 'file', message: 'The invitation could not be written there.' }]);
    }
    throw coded(error);
  }
};

export const revoke: Handler<'team.revoke'> = async (input, ctx) => {
  const s = session(ctx);
  try {
    s.db.transaction(() => revokeLaptop(s.db, { laptopId: input.laptopId, now: new Date() }))();
  } catch (error) {
    throw coded(error);
  }
  ctx.control.record({ actorId: s.user.id, action: 'team.revoke', targetId: input.laptopId });
  await teamSyncOf(ctx.control).syncNow().catch(() => {});
  return { done: true as const };
};

export const syncNow: Handler<'team.syncNow'> = async (_input, ctx) => {
  session(ctx);
  return teamSyncOf(ctx.control).syncNow();
};
