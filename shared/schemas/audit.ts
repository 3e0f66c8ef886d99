// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';

export const AuditVerifyOutput = z.object({
  intact: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** Sequence number of the first entry that fails verification, when not intact. */
  firstBadSeq: z.number().int().positive().nullable(),
  /** Hex MAC of the newest entry: the chain head that exports and backups carry as an outside anchor. */
  head: z.string(),
});
export type AuditVerifyOutput = z.infer<typeof AuditVerifyOutput>;
