// The History tab names every recorded change in the person's language: the section and the change
// ("Appointment booked: Court date"), never a code or English words on a Spanish screen. The changes
// are those main records (recordChanges calls with a literal section), read from main/'s source so a
// new one cannot arrive without its words; each is drawn in Spanish by the tab's own fieldLabel.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';
import type { MessageKey } from '../../renderer/src/i18n/en';
import { fieldLabel, sectionLabel, type Words18n } from '../../renderer/src/screens/client/historyWords';
import { appointmentKinds, appointmentStatuses, contactMethods } from '../../shared/vocab/week';

const root = join(__dirname, '..', '..');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}
const source = sourceFiles(join(root, 'main')).map((f) => readFileSync(f, 'utf8'));
/**
 * (section, verb, whether codes follow) of every recordChanges call whose section and first field
 * start as literals, and of the appointments handler's own helper (touched: section 'appointments').
 */
const recorded = new Set([
  ...source.flatMap((text) => [...text.matchAll(/recordChanges\([^;]*?'([a-z-]+)', \[([`'])([a-zA-Z]+)(:?)/gu)].map((m) => `${m[1]} ${m[3]} ${m[4] === ':'}`)),
  ...[...readFileSync(join(root, 'main/rpc/handlers/appointments.ts'), 'utf8').matchAll(/touched\(ctx, [^,]+, [`']([a-zA-Z]+)(:?)/gu)].map(
    (m) => `appointments ${m[1]} ${m[2] === ':'}`,
  ),
]);

function i18n(lang: 'en' | 'es'): Words18n {
  const catalog = (lang === 'en' ? en : es) as Record<string, string>;
  return {
    language: lang,
    has: (key: string): key is MessageKey => key in catalog,
    t: (key, vars = {}) => catalog[key]!.replace(/\{(\w+)\}/gu, (_, n: string) => String(vars[n])),
  };
}

describe('history words', () => {
  it('finds the changes main records', () => {
    expect(recorded.has('appointments added true')).toBe(true);
    expect(recorded.has('contacts added true')).toBe(true);
    expect(recorded.size).toBeGreaterThan(10);
  });

  it('names every recorded section and change in English and in Spanish, each its own words', () => {
    const missing: string[] = [];
    for (const pair of recorded) {
      const [section, verb, coded] = pair.split(' ') as [string, string, string];
      for (const lang of ['en', 'es'] as const) {
        if (!i18n(lang).has(`section.${section}`)) missing.push(`${lang} section.${section}`);
        // "verb:code" is a change with words of its own; a plain name may be a field's name.
        const words = i18n(lang).has(`history.${section}.${verb}`) || (coded === 'false' && i18n(lang).has(`fieldName.${verb}`));
        if (!words) missing.push(`${lang} ${section}: ${verb}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('draws a week of work in Spanish with the code lists words', () => {
    const esI18n = i18n('es');
    expect(sectionLabel(esI18n, 'appointments')).toBe(es['section.appointments']);
    expect(fieldLabel(esI18n, 'appointments', 'added:court')).toBe(`${es['history.appointments.added']}: ${appointmentKinds.labels.court.es}`);
    expect(fieldLabel(esI18n, 'appointments', 'status:attended')).toBe(`${es['history.appointments.status']}: ${appointmentStatuses.labels.attended.es}`);
    expect(fieldLabel(esI18n, 'contacts', 'added:in_person')).toBe(`${es['history.contacts.added']}: ${contactMethods.labels.in_person.es}`);
  });
});
