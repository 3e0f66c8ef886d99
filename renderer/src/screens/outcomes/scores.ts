// renderer/: the shapes and words the outcome screens share: a change of score said in words (never
// by colour alone), and the points of one domain over time.
import type { z } from 'zod';
import type { ClientOutcomes, Instrument } from '../../../../shared/schemas/outcomes';
import type { Translate } from '../../i18n/i18n';

export type Outcomes = z.infer<typeof ClientOutcomes>;
export type InstrumentEntry = z.infer<typeof Instrument>;
export type Assessment = Outcomes['assessments'][number];
export type Domain = InstrumentEntry['domains'][number];

/** "+2", "0" or "−1" (a true minus sign), followed by what it means. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}

export function changeWords(t: Translate, c: { first: number; latest: number; change: number }): string {
  const vars = { sign: signed(c.change), n: Math.abs(c.change), first: c.first, latest: c.latest };
  if (c.change === 0) return t('outcomes.changeSame', vars);
  const one = Math.abs(c.change) === 1;
  if (c.change > 0) return t(one ? 'outcomes.changeUpOne' : 'outcomes.changeUp', vars);
  return t(one ? 'outcomes.changeDownOne' : 'outcomes.changeDown', vars);
}

/** One domain's scores, in date order, leaving out the assessments that did not score it. */
export function pointsFor(domain: Domain, assessments: readonly Assessment[]): { takenOn: string; score: number }[] {
  return assessments.flatMap((a) => {
    const score = a.scores[domain.id];
    return score === undefined ? [] : [{ takenOn: a.takenOn, score }];
  });
}
