// Main process (plain Node). Never imports electron.
import { stmt } from '../../store/repos/statements';
import type { Handler } from '../types';

export const listStaff: Handler<'staff.list'> = (_input, ctx) => {
  const rows = stmt<[], { id: string; display_name: string; role: 'admin' | 'supervisor' | 'caseworker' | 'auditor'; active: number }>(
    ctx.db,
    'SELECT id, display_name, role, active FROM users ORDER BY display_name COLLATE NOCASE',
  ).all();
  return { staff: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, active: r.active === 1 })) };
};
