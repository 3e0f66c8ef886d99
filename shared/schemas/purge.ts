// shared/: runs in every process. Imports nothing outside shared/.
// Deleting a closed case permanently (purge): why, from a closed list, and the case number typed
// back as confirmation. The access log keeps the case id and the reason code, never a name.
import { z } from 'zod';
import { vocabulary } from '../vocab/define';
import { Id } from './common';

export const purgeReasons = vocabulary({
  retention_ended: { en: "The agency's retention period has ended", es: 'Terminó el plazo de conservación de la agencia' },
  survivor_asked: { en: 'The person asked for their records to be deleted', es: 'La persona pidió que se borraran sus registros' },
  entered_in_error: { en: 'The case was entered in error', es: 'El caso se registró por error' },
});
export type PurgeReason = (typeof purgeReasons.codes)[number];

export const PurgeCaseInput = z
  .object({
    clientId: Id,
    reason: purgeReasons.schema,
    /** The case number, typed by the person deleting (compared without case or spaces). */
    confirmation: z.string().trim().min(1, 'Type the case number to confirm.').max(40, 'Use at most 40 characters.'),
  })
  .strict();
export type PurgeCaseInput = z.input<typeof PurgeCaseInput>;
