// shared/: runs in every process. Imports nothing outside shared/.
// Partner suggestions (issue 16): a caseworker suggests an organization for the directory; a
// supervisor or administrator approves it (it joins the directory) or declines it (it is removed).
import { z } from 'zod';
import * as p from '../vocab/planning';
import { Id } from './common';
import { AddPartnerInput } from './planning';

/** A suggestion carries what a partner entry carries. */
export const SuggestPartnerInput = AddPartnerInput;

export const PartnerSuggestion = z.object({
  id: Id,
  name: z.string(),
  services: z.array(p.serviceCategories.schema),
  contact: z.string().nullable(),
  /** Who suggested it (null once that person is no longer on the staff list), and when. */
  suggestedBy: z.string().nullable(),
  suggestedAt: z.string(),
});
export const PartnerSuggestionList = z.object({ suggestions: z.array(PartnerSuggestion) });

export const ReviewSuggestionInput = z.object({ id: Id, decision: z.enum(['approve', 'decline']) }).strict();
