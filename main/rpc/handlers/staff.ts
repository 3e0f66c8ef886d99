// Main process (plain Node). Never imports electron.
// Staff accounts. Adding, resetting and reactivating hand out a one-time setup code; deactivating
// removes the person's key slots and rotates the data key. Only admins reach these.
import { assertNotLastAdmin } from '../../core/accounts';
import { recordStaffChange } from '../../core/vouch';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

export const listStaff: Handler<'staff.list'> = (_input, ctx) => {
  const rows = stmt<[], { id: string; display_name: string; role: 'admin' | 'supervisor' | 'caseworker' | 'auditor'; active: number }>(
    ctx.db,
    'SELECT id, display_name, role, active FROM users ORDER BY display_name COLLATE NOCASE',
  ).all();
  return { staff: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, active: r.active === 1 })) };
};

export const addStaff: Handler<'staff.add'> = async (input, { control }) => control.addStaff(input);
export const resetStaffPassphrase: Handler<'staff.resetPassphrase'> = async (input, { control }) => control.resetStaffPassphrase(input.userId);
export const reactivateStaff: Handler<'staff.reactivate'> = async (input, { control }) => control.reactivateStaff(input.userId);

export const deactivateStaff: Handler<'staff.deactivate'> = async (input, { control }) => {
  control.deactivateStaff(input.userId, input.handover);
  return { done: true };
};

export const setStaffRole: Handler<'staff.setRole'> = (input, ctx) => {
  const user = stmt<[string], { role: string; active: number }>(ctx.db, 'SELECT role, active FROM users WHERE id = ?').get(input.userId);
  if (!user) throw new AppError('NOT_FOUND', 'That staff member could not be found.');
  if (user.role === 'admin' && input.role !== 'admin') {
    assertNotLastAdmin(ctx.db, input.userId);
  }
  stmt(ctx.db, 'UPDATE users SET role = ? WHERE id = ?').run(input.role, input.userId);
  ctx.setAuditTarget(input.userId);
  // The log vouches for the new role (signed), and restricted notes are resealed to match it.
  recordStaffChange({ ...ctx, userId: ctx.user.id }, { id: input.userId, role: input.role, active: user.active === 1 });
  return { done: true };
};

export const setIdleLock: Handler<'settings.setIdleLock'> = (input, ctx) => {
  stmt(ctx.db, "UPDATE settings SET value = ? WHERE key = 'idle_lock_minutes'").run(String(input.minutes));
  return { done: true };
};
