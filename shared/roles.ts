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

/**
 * Who works with survivors' records. Admins are included because in a small agency the director
 * usually runs the installation and supervises the caseload; auditors never see identities.
 */
export const caseRoles: readonly Role[] = ['admin', 'supervisor', 'caseworker'];

/** Who sees every case, not only their own and assigned ones. */
export const allCasesRoles: readonly Role[] = ['admin', 'supervisor'];

/** Who reassigns cases (one or many, primary or secondary worker) and reads the team dashboard. */
export const supervisionRoles: readonly Role[] = allCasesRoles;

/** Who produces and checks the de-identified outcome reports. */
export const reportRoles: readonly Role[] = ['admin', 'supervisor', 'auditor'];

/** Who may export exact counts without small-cell suppression (a submission pack), with a reason. */
export const exactReportRoles: readonly Role[] = ['admin', 'auditor'];

/** Who may see and attach documents: the case roles, under the case's access rules. Auditors never see documents. */
export const documentRoles: readonly Role[] = caseRoles;

/**
 * Who may delete a closed case permanently (purge). Administrators only: it cannot be undone, it
 * follows the agency's retention policy (which the director or administrator owns), and keeping it
 * away from supervisors, who close cases, means no one person both closes and destroys a record
 * that someone might want to hide.
 */
export const purgeRoles: readonly Role[] = ['admin'];
