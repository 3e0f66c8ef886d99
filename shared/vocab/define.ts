// shared/: runs in every process. Imports nothing outside shared/.
// A code list: stable codes (stored, exported, mapped to funder reports) with English and Spanish labels.
import { z } from 'zod';

export interface Label {
  en: string;
  es: string;
}

export interface Vocabulary<C extends string> {
  readonly codes: readonly [C, ...C[]];
  readonly labels: Readonly<Record<C, Label>>;
  readonly schema: z.ZodEnum<{ [K in C]: K }>;
}

export function vocabulary<const T extends Record<string, Label>>(labels: T): Vocabulary<Extract<keyof T, string>> {
  const codes = Object.keys(labels) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];
  return { codes, labels, schema: z.enum(codes) };
}

/**
 * HMIS convention: on a sensitive question these are answers, distinct from an empty field
 * (not asked yet). Every sensitive field accepts them.
 */
export const reasons = vocabulary({
  doesnt_know: { en: "Client doesn't know", es: 'La persona no lo sabe' },
  prefers_not: { en: 'Client prefers not to answer', es: 'La persona prefiere no responder' },
  not_collected: { en: 'Not collected', es: 'No recopilado' },
});
export type Reason = (typeof reasons.codes)[number];
