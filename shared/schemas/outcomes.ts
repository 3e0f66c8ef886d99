// shared/: runs in every process. Imports nothing outside shared/.
import { z } from 'zod';
import { Id, personText } from './common';
import { IsoDate } from './intake';

const LabelSchema = z.object({ en: personText(200), es: personText(200) }).strict();

export const Instrument = z.object({
  id: Id,
  code: z.string(),
  name: z.object({ en: z.string(), es: z.string() }),
  domains: z.array(
    z.object({
      id: Id,
      code: z.string(),
      label: z.object({ en: z.string(), es: z.string() }),
      levels: z.array(z.object({ en: z.string(), es: z.string() })).length(5),
    }),
  ),
});
export const InstrumentsOutput = z.object({ instruments: z.array(Instrument) });

const DomainInput = z.object({ label: LabelSchema, levels: z.array(LabelSchema).length(5, 'Describe all five levels.') }).strict();
export const AddInstrumentInput = z.object({ name: LabelSchema, domains: z.array(DomainInput).min(1).max(30) }).strict();
export const AddDomainInput = z.object({ instrumentId: Id, domain: DomainInput }).strict();

export const assessmentKinds = ['intake', 'follow_up', 'exit'] as const;
export const RecordAssessmentInput = z
  .object({
    clientId: Id,
    instrumentId: Id,
    takenOn: IsoDate,
    kind: z.enum(assessmentKinds),
    scores: z.array(z.object({ domainId: Id, score: z.number().int().min(1).max(5) }).strict()).min(1).max(30),
  })
  .strict();

export const ClientOutcomes = z.object({
  assessments: z.array(
    z.object({ id: Id, instrumentId: Id, takenOn: z.string(), kind: z.enum(assessmentKinds), scores: z.record(z.string(), z.number().int()) }),
  ),
  /** Per domain of the latest assessment's instrument: first score, latest score, and the change. */
  change: z.array(z.object({ domainId: Id, first: z.number().int(), latest: z.number().int(), change: z.number().int() })),
  goalsAchieved: z.number().int(),
  goalsTotal: z.number().int(),
  nextDueOn: z.string().nullable(),
});
