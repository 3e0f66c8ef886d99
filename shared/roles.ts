// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';

export const roles = ['admin', 'supervisor', 'caseworker', 'auditor'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/**
 * Who may call a method. 'public' needs no session (setup, unlock, status);
 * a list of roles needs an unlocked session whose user holds one of them.
 */
export type Access = 'public' | readonly Role[];

export const everyone: readonly Role[] = roles;
