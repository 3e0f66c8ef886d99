// shared/: runs in every process. Imports nothing outside shared/.
// "Needs review": what team sync could not decide alone. Two laptops changed the same field (every
// value is kept), a record was changed on one laptop and deleted on another, or two records want the
// same unique value (a case number, a staff name). Nothing is decided silently; a person chooses.
import { z } from 'zod';

/** A value as stored in a field: text, a number or empty. */
export const FieldValue = z.union([z.string(), z.number(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;

export const reviewKinds = ['values', 'edit-on-deleted', 'duplicate'] as const;

export const ReviewCandidate = z.object({
  value: FieldValue,
  byName: z.string().nullable(),
  laptop: z.string().nullable(),
  at: z.string().nullable(),
});

export const ReviewItem = z.object({
  id: z.string(),
  kind: z.enum(reviewKinds),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  chosenName: z.string().nullable(),
  /** The table the record lives in (clients, services, intake_sections, users, ...). */
  area: z.string(),
  /** The field (column) in question; null when the whole record is (edit-on-deleted). */
  field: z.string().nullable(),
  /** For an intake section or a similar record keyed by a name: that name. */
  part: z.string().nullable(),
  shown: FieldValue,
  candidates: z.array(ReviewCandidate),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewListInput = z.object({}).strict();
export const ReviewListOutput = z.object({ items: z.array(ReviewItem) });

/**
 * values: one of the candidates' values; edit-on-deleted: 'restore' or 'delete';
 * duplicate: 'keep-marked' or a new value.
 */
export const ResolveInput = z
  .object({
    id: z.string().regex(/^[0-9a-f]{32}$/u),
    choice: z.union([z.string().max(20000), z.number(), z.null()]),
  })
  .strict();
