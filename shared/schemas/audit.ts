// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';
import { Id } from './common';
import { IsoDate } from './intake';

export const AuditVerifyOutput = z.object({
  intact: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** Sequence number of the first entry that fails verification, when not intact. */
  firstBadSeq: z.number().int().positive().nullable(),
  /** Hex MAC of the newest entry: the chain head that exports and backups carry as an outside anchor. */
  head: z.string(),
  /** The newest entry a signature vouches for (0 when none). */
  vouchedThrough: z.number().int().nonnegative().optional(),
  /** Why it is not intact, in a few plain words (no personal data). */
  problem: z.string().nullable().optional(),
  /** The anchor beside the store and the one kept outside the data folder, as of this session's sign-in and now. */
  anchor: z.enum(['matches', 'missing', 'truncated', 'forged', 'older']).optional(),
  outsideAnchor: z.enum(['matches', 'first-use', 'rolled-back', 'forged']).optional(),
});
export type AuditVerifyOutput = z.infer<typeof AuditVerifyOutput>;

export const auditOutcomes = ['ok', 'denied', 'failed'] as const;

export const AuditListInput = z
  .object({
    /** An action name or its start, e.g. "session." or "clients.get". */
    action: z.string().max(80).regex(/^[a-z.:-]*$/u, 'Use an action name such as session.unlock.').default(''),
    actorId: Id.nullable().default(null),
    outcome: z.enum(['any', ...auditOutcomes]).default('any'),
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /** Team sync: every laptop's entries ('all'), this laptop's ('this'), or one other laptop's (its id). */
    laptop: z.union([z.enum(['all', 'this']), z.string().regex(/^[0-9a-f]{16}$/u, 'Not a valid laptop id.')]).default('all'),
  })
  .strict();

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  actorId: z.string().nullable(),
  action: z.string(),
  /** A record id (random, not a name); reasons and content are never in the log. */
  targetId: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  /** The laptop that wrote it (team sync): null for this laptop. */
  laptopId: z.string().nullable(),
});
export const AuditListOutput = z.object({
  total: z.number().int(),
  entries: z.array(AuditEntry),
  /** The team's other laptops whose entries this laptop holds (empty outside a team), for the laptop filter. */
  laptops: z.array(z.string()),
});
