// Main process (plain Node). Never imports electron.
// The only door from the renderer to the store. In order: known method, valid input (zod, strict),
// unlocked session, allowed role, handler (in a transaction with its audit entry when it writes),
// valid output. Whatever happens, the caller gets a Result with a code from the closed set; no stack
// trace, SQL or input ever goes back, and the log line holds only the method, duration and code.
import type { z } from 'zod';
import { contract, isMethod, type Method } from '../../shared/contract';
import { defaultMessages, type ErrorCode, type FieldProblem, type Result } from '../../shared/errors';
import { auditLog } from '../audit/chain';
import type { SessionControl } from '../core/session-control';
import { StoreError } from '../store/errors';
import { flushLocalWrites } from '../sync/engine/flush';
import { noteChangeForWorkers } from '../cases/change-notices';
import { AppError } from './errors';
import type { DataContext, HandlerMap } from './types';

export interface CallLog {
  (entry: { method: string; ms: number; code?: ErrorCode }): void;
}

export interface DispatcherOptions {
  handlers: HandlerMap;
  control: SessionControl;
  now: () => Date;
  log?: CallLog;
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

function fail(code: ErrorCode, message?: string, fields?: FieldProblem[]): Result<never> {
  return { ok: false, error: { code, message: message ?? defaultMessages[code], ...(fields ? { fields } : {}) } };
}

function toFailure(error: unknown): Result<never> {
  if (error instanceof AppError) return fail(error.code, error.message, error.fields);
  if (error instanceof StoreError) {
    return fail('STORE_UNAVAILABLE', error.failure === 'from-future' ? error.message : undefined);
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    if (error.code.startsWith('SQLITE_CONSTRAINT')) return fail('CONFLICT');
    if (error.code === 'SQLITE_FULL' || error.code === 'ENOSPC') return fail('DISK_FULL');
  }
  return fail('INTERNAL');
}

export function createDispatcher({ handlers, control, now, log = () => {} }: DispatcherOptions): Dispatch {
  async function run(method: Method, input: unknown): Promise<unknown> {
    const spec = contract[method];
    const kind = spec.kind;
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) throw new AppError('INVALID_INPUT', undefined, fieldProblems(parsed.error));

    if (spec.access !== 'public') {
      const session = control.current;
      if (!session) throw new AppError('LOCKED');
      if (!spec.access.includes(session.user.role)) {
        control.record({ actorId: session.user.id, action: method, outcome: 'denied' });
        throw new AppError('FORBIDDEN');
      }
      control.touch();
    }

    if (kind === 'session') {
      const handler = handlers[method] as unknown as (i: unknown, c: { control: SessionControl }) => Promise<unknown>;
      return handler(parsed.data, { control });
    }

    const session = control.current!;
    const handler = handlers[method] as unknown as (i: unknown, c: DataContext) => unknown;
    let target: string | null = null;
    let detail: Record<string, string | number> | null = null;
    const committed: (() => void)[] = [];
    const ctx: DataContext = {
      db: session.db,
      user: session.user,
      now,
      audit: auditLog(session.db, session.auditKey, now),
      auditKey: session.auditKey,
      dataDir: control.dataDir,
      identity: session.identity,
      anchors: () => control.anchorStatus(session),
      setAuditTarget: (id) => {
        target = id;
      },
      setAuditDetail: (facts) => {
        detail = facts;
      },
      afterCommit: (fn) => {
        committed.push(fn);
      },
    };
    const transaction = session.db.transaction(() => {
      const output = handler(parsed.data, ctx);
      if (kind === 'write') {
        // Team sync: the rows this write touched become document changes in the same transaction
        // (nothing to do, one indexed read, on a store that never turned sync on).
        flushLocalWrites(session.db, session.user.id);
        ctx.audit.append({ actorId: session.user.id, action: method, targetId: target, ...(detail ? { detail } : {}) });
        // The case's workers see that someone else changed it (What's due).
        if (target !== null) noteChangeForWorkers(method, session.db, target, session.user.id, now().toISOString());
      }
      return output;
    });
    try {
      const output = kind === 'write' ? transaction.immediate() : transaction.deferred();
      // The write stands whatever follows: after-commit work (a WAL checkpoint) is best effort.
      for (const fn of committed) {
        try {
          fn();
        } catch {
          /* the next checkpoint does it */
        }
      }
      return output;
    } catch (error) {
      // The handler's transaction has rolled back; a refusal is still recorded, in its own.
      if (error instanceof AppError && error.code === 'FORBIDDEN') {
        control.record({ actorId: session.user.id, action: method, targetId: error.target ?? null, outcome: 'denied' });
      }
      throw error;
    }
  }

  return async function dispatch(method, input) {
    const started = performance.now();
    const name = isMethod(method) ? method : '(unknown)';
    let result: Result<unknown>;
    try {
      if (!isMethod(method)) {
        result = fail('UNKNOWN_METHOD');
      } else {
        const output = contract[method].output.safeParse(await run(method, input));
        result = output.success ? { ok: true, value: output.data } : fail('INTERNAL');
      }
    } catch (error) {
      result = toFailure(error);
    }
    log({ method: name, ms: Math.round(performance.now() - started), ...(result.ok ? {} : { code: result.error.code }) });
    return result;
  };
}
