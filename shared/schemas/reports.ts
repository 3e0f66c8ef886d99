// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';
import { normalizeFingerprint } from '../fingerprint';
import { Id } from './common';
import { IsoDate } from './intake';
import { Language } from './prefs';

export const ReportCell = z.union([z.number(), z.string()]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportTable = z.object({
  name: z.string(),
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.record(z.string(), ReportCell)),
  note: z.string().nullable(),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** Counting-rule presets (main/reports/presets.ts): the rules a report is made by, signed into its manifest. */
export const reportPresets = ['standard', 'otip', 'ovc'] as const;
export const ReportPreset = z.enum(reportPresets);
export type ReportPreset = z.infer<typeof ReportPreset>;

export const Report = z.object({
  kind: z.literal('safehold-outcome-report'),
  version: z.literal(1),
  period: z.object({ from: z.string(), to: z.string() }),
  /** The language of the titles, labels, notes and counting rules; codes and keys are the same in every language. */
  parameters: z.object({
    workerFilter: z.boolean(),
    threshold: z.number().int(),
    language: Language,
    /** The counting-rule preset; absent in reports made before presets (they were 'standard'). */
    preset: ReportPreset.optional(),
    /** Only in a submission pack: exact counts without small-cell suppression (threshold 0), for a funder's portal, never for publication. */
    exact: z.literal(true).optional(),
  }),
  countingRules: z.array(z.string()),
  tables: z.array(ReportTable),
});
export type Report = z.infer<typeof Report>;

export const ReportInput = z
  .object({ from: IsoDate, to: IsoDate, workerId: Id.nullable().default(null), preset: ReportPreset.default('standard') })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end of the period must be on or after its start.' });

export const reportFormats = ['csv', 'pdf', 'json'] as const;
export const ReportFormat = z.enum(reportFormats);

const exportFields = {
  from: IsoDate,
  to: IsoDate,
  workerId: Id.nullable().default(null),
  preset: ReportPreset.default('standard'),
  /** An absolute folder path; a new sub-folder named after the period is created in it. */
  folder: z.string().min(1).max(1000),
  formats: z.array(ReportFormat).min(1).max(3).default(['csv', 'pdf', 'json']),
  /** The language of the files' words (titles, labels, notes, counting rules). */
  language: Language.default('en'),
};

export const ExportReportInput = z
  .object(exportFields)
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end of the period must be on or after its start.' });

/**
 * A submission pack: the same export with exact counts (no small-cell suppression), for a funder's
 * portal. Only with a reason (kept in the encrypted store, like a break-the-glass reason).
 */
export const ExportExactInput = z
  .object({
    ...exportFields,
    reason: z.string().trim().min(10, 'Say in a sentence why exact counts are needed (for example, which funder portal asks for them).').max(500),
  })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end of the period must be on or after its start.' });

export const ExportReportOutput = z.object({ folder: z.string(), files: z.array(z.string()) });

const Fingerprint = z
  .string()
  .max(200)
  .refine((text) => normalizeFingerprint(text) !== null, 'Type the fingerprint the agency published: 32 letters and digits, in groups of four.');

export const VerifyReportInput = z
  .object({
    folder: z.string().min(1).max(1000),
    /** The fingerprint the agency published; when left out, the one remembered here, else this installation's own. */
    expectedFingerprint: Fingerprint.nullable().default(null),
  })
  .strict();
export const VerifyReportOutput = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  generatedAt: z.string().nullable(),
  /** SHA-256 of the signing public key: compare it with the one the agency gave you. */
  signerFingerprint: z.string().nullable(),
  /** The fingerprint the signer was compared with, and where it came from. */
  expectedFingerprint: z.string(),
  expectedFrom: z.enum(['given', 'remembered', 'this-installation']),
  /** False when another key signed the report (it may have been altered and signed again); null when unreadable. */
  signerIsExpected: z.boolean().nullable(),
  /** A submission pack: exact counts, not for publication. */
  exact: z.boolean(),
});

export const SigningKeyOutput = z.object({
  fingerprint: z.string(),
  publicKey: z.string(),
  /** The agency's fingerprint as remembered on this installation for checking reports (null: none remembered). */
  rememberedFingerprint: z.string().nullable(),
});
export const RememberFingerprintInput = z.object({ fingerprint: Fingerprint.nullable() }).strict();
export const SuppressionInput = z.object({ threshold: z.number().int().min(2).max(100) }).strict();
/** The smallest count a report shows as a number, as set now (settings.suppression). */
export const SuppressionOutput = z.object({ threshold: z.number().int() });

/** Data quality before submitting (reports.dataQuality): the same period, worker and preset as the report. */
export const DataQualityInput = z
  .object({ from: IsoDate, to: IsoDate, workerId: Id.nullable().default(null), preset: ReportPreset.default('standard') })
  .strict()
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The end of the period must be on or after its start.' });
export const DataQualityOutput = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  preset: ReportPreset,
  /** How many people the preset counts in the period. */
  people: z.number().int(),
  /** Per reported element: people with an answer, with a reason code, or with nothing. */
  elements: z.array(z.object({ element: z.string(), answered: z.number().int(), reason: z.number().int(), missing: z.number().int() })),
  /** The cases to fix (case numbers only): for staff who may open every case; null for auditors. */
  casesToFix: z.array(z.object({ caseNumber: z.string(), clientId: Id, missing: z.array(z.string()) })).nullable(),
  casesToFixCount: z.number().int(),
});
export type DataQualityOutput = z.infer<typeof DataQualityOutput>;
