import { describe, expect, it } from 'vitest';
import { generateClient, seededRng } from '../../main/demo/generator';
import { sectionSchemas } from '../../shared/schemas/intake';

const today = new Date('2026-11-01T12:00:00Z');

describe('the synthetic case generator', () => {
  it('gives the same cases for the same seed and different ones for another', () => {
    const run = (seed: number) => {
      const rng = seededRng(seed);
      return Array.from({ length: 20 }, (_, i) => generateClient(rng, i, today));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('writes only valid sections, with names in several scripts and reasons as answers', () => {
    const rng = seededRng(11);
    const clients = Array.from({ length: 500 }, (_, i) => generateClient(rng, i, today));
    for (const c of clients) {
      for (const [section, data] of Object.entries(c.sections)) {
        expect(sectionSchemas[section as keyof typeof sectionSchemas].safeParse(data).success, section).toBe(true);
      }
      // Fictional contact details only: the reserved 555-01xx range.
      for (const m of c.sections.contact?.methods ?? []) expect(m.value).toMatch(/^555-01\d\d$/u);
    }
    const names = clients.map((c) => c.chosenName).join(' ');
    for (const script of [/\p{Script=Latin}/u, /\p{Script=Thai}/u, /\p{Script=Han}/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u, /\p{Script=Devanagari}/u]) {
      expect(names).toMatch(script);
    }
    expect(clients.some((c) => c.sections.identity?.genderIdentity === 'prefers_not')).toBe(true);
  });
});
