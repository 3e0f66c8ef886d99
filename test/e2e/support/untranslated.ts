// Test tooling: finds English left on a Spanish screen. Every English text of the catalogue and of the
// shared vocabularies that differs from its Spanish (fragments between {placeholders}, long enough not
// to match by chance) is looked for in what the page shows and in its accessible names (aria-label,
// title, placeholder, alt), hidden parts left out.
import { expect, type Page } from '@playwright/test';
import { en } from '../../../renderer/src/i18n/en';
import { es } from '../../../renderer/src/i18n/es';
import * as documents from '../../../shared/vocab/documents';
import * as define from '../../../shared/vocab/define';
import * as lists from '../../../shared/vocab/lists';
import * as planning from '../../../shared/vocab/planning';
import * as week from '../../../shared/vocab/week';

const MIN_CATALOGUE = 10;
const MIN_VOCABULARY = 6;

function englishOnly(): Map<string, string> {
  const out = new Map<string, string>();
  const spanish = es as Record<string, string>;
  for (const [key, value] of Object.entries(en as Record<string, string>)) {
    const other = spanish[key];
    if (other === undefined || other === value) continue;
    for (const part of value.split(/\{\w+\}/u).map((p) => p.trim())) {
      if (part.length >= MIN_CATALOGUE && !other.includes(part)) out.set(part, key);
    }
  }
  for (const mod of [documents, define, lists, planning, week]) {
    for (const [name, v] of Object.entries(mod)) {
      const labels = (v as { labels?: Record<string, { en: string; es: string }> }).labels;
      if (!labels || typeof labels !== 'object') continue;
      for (const [code, label] of Object.entries(labels)) {
        if (label.en !== label.es && label.en.length >= MIN_VOCABULARY) out.set(label.en, `${name}.${code}`);
      }
    }
  }
  return out;
}

const ENGLISH = englishOnly();
// The language picker names each language in its own language, on purpose.
ENGLISH.delete('English');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** Whole words only: "Contact" is not found inside "Contacto". */
const PATTERNS = [...ENGLISH.entries()].map(([english, key]) => ({ english, key, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(english)}(?![\\p{L}\\p{N}])`, 'u') }));

/** Fails with "screen: «text» (catalogue key)" for each English text found on the page. */
export async function expectNoEnglish(page: Page, screen: string): Promise<void> {
  const shown = await page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')]
      .filter((el) => !(el as HTMLElement).closest('[hidden], [aria-hidden="true"]'))
      .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''));
    // Only the chosen option of a list shows; the language picker names each language in its own.
    const options = [...document.querySelectorAll('select')].map((s) => s.selectedOptions[0]?.textContent ?? '');
    const text = [...document.body.querySelectorAll(':scope > *')].map((el) => (el as HTMLElement).innerText).join('\n');
    return { text, names: names.join('\n'), options: options.join('\n') };
  });
  const haystack = `${shown.text}\n${shown.names}\n${shown.options}`;
  const found = PATTERNS.filter((p) => p.re.test(haystack)).map((p) => `${screen}: «${p.english}» (${p.key})`);
  expect.soft(found).toEqual([]);
}
