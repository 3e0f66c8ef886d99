// shared/: runs in every process. Imports nothing outside shared/.
// The break-the-glass review: each time someone opened a case that is not theirs by giving a reason,
// who, which case, when and the reason they gave, for supervisors and administrators.
import { z } from 'zod';
import { CaseNumber } from './clients';
import { Id } from './common';
import { IsoDate } from './intake';

export const BreakGlassListInput = z
  .object({
    /** Only openings by this person. */
    actorId: Id.nullable().default(null),
    /** Only openings of this case. */
    clientId: Id.nullable().default(null),
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const BreakGlassEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string(),
  /** null when the account is no longer in the store. */
  actor: z.string().nullable(),
  clientId: z.string(),
  caseNumber: CaseNumber,
  reason: z.string(),
});
export const BreakGlassListOutput = z.object({ total: z.number().int(), entries: z.array(BreakGlassEntry) });
