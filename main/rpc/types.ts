// Main process (plain Node). Never imports electron.
import type { Contract, Method, Output, ParsedInput } from '../../shared/contract';
import type { SessionUser } from '../../shared/schemas/session';
import type { AnchorStatus } from '../audit/anchor';
import type { AuditLog } from '../audit/chain';
import type { Identity } from '../keys/identity';
import type { Db } from '../store/open';
import type { SessionControl } from '../core/session-control';

/** What a data handler sees: the open store inside its transaction, who is asking, and the access log. */
export interface DataContext {
  db: Db;
  user: SessionUser;
  now: () => Date;
  audit: AuditLog;
  auditKey: Buffer;
  /** The data folder, for files kept beside the store (the access-log anchor). */
  dataDir: string;
  /** The signed-in person's own keys: their signing key signs the access log, their sealing key opens restricted notes. */
  identity: Identity | null;
  /** The access log's anchors at this session's sign-in and now (see audit/anchor.ts). */
  anchors: () => { atStart: AnchorStatus | undefined; now: AnchorStatus };
  /** Names the record a write touched, for the access-log entry the dispatcher writes. */
  setAuditTarget(id: string): void;
  /** Small facts (ids and codes only, never personal data) for the access-log entry the dispatcher writes. */
  setAuditDetail(detail: Record<string, string | number>): void;
  /** Runs once the write has committed (never after a rollback), outside the transaction. */
  afterCommit(fn: () => void): void;
}

export interface SessionContext {
  control: SessionControl;
}

export type Handler<M extends Method> = Contract[M]['kind'] extends 'session'
  ? (input: ParsedInput<M>, ctx: SessionContext) => Promise<Output<M>>
  : (input: ParsedInput<M>, ctx: DataContext) => Output<M>;

export type HandlerMap = { [M in Method]: Handler<M> };
