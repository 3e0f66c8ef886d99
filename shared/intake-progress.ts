// shared/: runs in every process. Imports nothing outside shared/.
// How complete a section is: a field counts once it holds an answer, and a reason ("prefers not to
// answer") is an answer. Shown quietly beside each section; never a gate.
import { sectionSchemas, type SectionData, type SectionName } from './schemas/intake';

/** Fields that are lists of things: answered once they have one entry. */
const listFields = new Set(['aliases', 'methods', 'members', 'other']);
/** Fields that are follow-ups, not questions of their own. */
const notCounted = new Set(['aliases', 'other', 'estimatedAge', 'safetyNote', 'emergencyContact', 'urgentSafety']);

export function sectionProgress<S extends SectionName>(section: S, data: SectionData<S> | null): { answered: number; total: number } {
  if (section === 'family' || section === 'contact') {
    const list = data ? (section === 'family' ? (data as SectionData<'family'>).members : (data as SectionData<'contact'>).methods) : [];
    return { answered: list.length > 0 ? 1 : 0, total: 1 };
  }
  if (!data) return { answered: 0, total: countFields(section) };
  let answered = 0;
  let total = 0;
  for (const [field, value] of Object.entries(data as Record<string, unknown>)) {
    if (notCounted.has(field)) continue;
    total += 1;
    if (listFields.has(field) ? Array.isArray(value) && value.length > 0 : value !== null && value !== undefined) answered += 1;
  }
  return { answered, total };
}

function countFields(section: SectionName): number {
  return Object.keys(sectionSchemas[section].shape).filter((field) => !notCounted.has(field)).length;
}
