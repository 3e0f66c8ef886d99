// Main process (plain Node). Never imports electron.
// Tasks (a person, a due date, optionally a case) and the notices of others' changes to one's cases.
import { canOpen, seesAllCases } from '../../cases/access';
import { assertCaseWorker } from '../../cases/assignment';
import { localIsoDate } from '../../cases/dates';
import { workingOn } from '../../cases/owner';
import { newId } from '../../store/ids';
import { getClient } from '../../store/repos/clients';
import { stmt } from '../../store/repos/statements';
import { AppError } from '../errors';
import type { Handler } from '../types';

const TASK_LIMIT = 500;

export const addTask: Handler<'tasks.add'> = (input, ctx) => {
  assertCaseWorker(ctx.db, input.assigneeId, 'assigneeId');
  if (input.clientId !== null) {
    const client = workingOn(ctx, input.clientId);
    const assignee = stmt<[string], { id: string; role: 'admin' | 'supervisor' | 'caseworker' | 'auditor' }>(ctx.db, 'SELECT id, role FROM users WHERE id = ?').get(input.assigneeId)!;
    // A task about a case goes only to someone who may open that case.
    if (!canOpen({ user: { ...ctx.user, id: assignee.id, role: assignee.role } }, client)) {
      const message = 'This person does not work on this case. Choose one of its workers, or a supervisor.';
      throw new AppError('INVALID_INPUT', message, [{ path: 'assigneeId', message }]);
    }
  }
  const id = newId();
  stmt(ctx.db, 'INSERT INTO tasks (id, assignee_id, client_id, title, due_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    input.assigneeId,
    input.clientId,
    input.title,
    input.dueOn,
    ctx.user.id,
    ctx.now().toISOString(),
  );
  ctx.setAuditTarget(input.clientId ?? id);
  return { id };
};

export const myTasks: Handler<'tasks.mine'> = (_input, ctx) => {
  const today = localIsoDate(ctx.now());
  const rows = stmt<[string], { id: string; title: string; due_on: string; by_name: string | null; client_id: string | null }>(
    ctx.db,
    `SELECT t.id, t.title, t.due_on, u.display_name AS by_name, t.client_id FROM tasks t LEFT JOIN users u ON u.id = t.created_by
     WHERE t.assignee_id = ? AND t.done_on IS NULL ORDER BY t.due_on, t.id LIMIT ${TASK_LIMIT}`,
  ).all(ctx.user.id);
  return {
    tasks: rows.map((r) => {
      const client = r.client_id ? getClient(ctx.db, r.client_id) : undefined;
      return {
        id: r.id,
        title: r.title,
        dueOn: r.due_on,
        overdue: r.due_on < today,
        createdBy: r.by_name,
        case: client && canOpen(ctx, client) ? { clientId: client.id, caseNumber: client.case_number, chosenName: client.chosen_name } : null,
      };
    }),
  };
};

export const taskDone: Handler<'tasks.done'> = (input, ctx) => {
  const task = stmt<[string], { assignee_id: string; created_by: string }>(ctx.db, 'SELECT assignee_id, created_by FROM tasks WHERE id = ?').get(input.taskId);
  if (!task) throw new AppError('NOT_FOUND', 'That task could not be found.');
  if (task.assignee_id !== ctx.user.id && task.created_by !== ctx.user.id && !seesAllCases(ctx)) throw new AppError('FORBIDDEN');
  stmt(ctx.db, 'UPDATE tasks SET done_on = ? WHERE id = ?').run(input.doneOn, input.taskId);
  ctx.setAuditTarget(input.taskId);
  return { done: true };
};

export const changeNotices: Handler<'notices.changes'> = (_input, ctx) => {
  const rows = stmt<[string], { client_id: string; case_number: string; chosen_name: string; first_at: string; last_at: string; by_name: string | null; changes: number }>(
    ctx.db,
    `SELECT n.client_id, c.case_number, c.chosen_name, n.first_at, n.last_at, u.display_name AS by_name, n.changes
     FROM case_change_notices n JOIN clients c ON c.id = n.client_id LEFT JOIN users u ON u.id = n.last_by
     WHERE n.user_id = ? ORDER BY n.last_at DESC LIMIT 200`,
  ).all(ctx.user.id);
  // Only cases the person still works on (a case moved away since keeps no notice on screen).
  return {
    notices: rows
      .filter((r) => {
        const client = getClient(ctx.db, r.client_id);
        return client !== undefined && canOpen(ctx, client);
      })
      .map((r) => ({ clientId: r.client_id, caseNumber: r.case_number, chosenName: r.chosen_name, firstAt: r.first_at, lastAt: r.last_at, lastBy: r.by_name, changes: r.changes })),
  };
};

export const noticeSeen: Handler<'notices.seen'> = (input, ctx) => {
  stmt(ctx.db, 'DELETE FROM case_change_notices WHERE user_id = ? AND client_id = ?').run(ctx.user.id, input.clientId);
  ctx.setAuditTarget(input.clientId);
  return { done: true };
};
