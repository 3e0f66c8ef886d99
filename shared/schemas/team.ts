// shared/: runs in every process. Imports nothing outside shared/.
// Team sync (several laptops, one caseload): the team's state as the Admin → Team screen and the
// sync indicator show it, and the inputs of team management.
import { z } from 'zod';
import { Id } from './common';

/** An absolute path as the operating system gives it (POSIX, C:\ or \\server\share). */
export const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/u, 'Not a valid path.')
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/u, 'Choose a folder or file with its full path.');

export const LaptopId = z.string().regex(/^[0-9a-f]{16}$/u, 'Not a valid laptop id.');

export const TeamLaptop = z.object({
  laptopId: LaptopId,
  /** The staff member it was enrolled for (admins only; null for everyone else). */
  personName: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
  lastSyncAt: z.string().nullable(),
  self: z.boolean(),
  /** The access-log entries this laptop published hold together (no gap, no change, signed head). */
  accessLogIntact: z.boolean(),
});

export const TeamStatus = z.object({
  inTeam: z.boolean(),
  laptopId: LaptopId.nullable(),
  /** This laptop may invite and revoke (it made the team, or was enrolled for an administrator). */
  manager: z.boolean(),
  lastSyncAt: z.string().nullable(),
  /** Changes made here and not yet sent. */
  pending: z.number().int().nonnegative(),
  syncing: z.boolean(),
  /** The last round's failure, as a code ('FOLDER' | 'FAILED'), or null. */
  lastProblem: z.enum(['FOLDER', 'FAILED']).nullable(),
  /** Files that could not be used yet (incomplete copies, altered or not for this team). */
  waitingFiles: z.number().int().nonnegative(),
  /** Another laptop uses a newer Safehold: update this one to keep receiving changes. */
  needsUpdate: z.boolean(),
  laptops: z.array(TeamLaptop),
});

export const CreateTeamInput = z.object({ folder: AbsolutePath }).strict();
export const InviteInput = z.object({ userId: Id, file: AbsolutePath }).strict();
export const InviteOutput = z.object({ code: z.string(), expiresAt: z.string(), file: z.string() });
export const RevokeLaptopInput = z.object({ laptopId: LaptopId }).strict();
export const SyncSummary = z.object({
  ok: z.literal(true),
  sent: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});
