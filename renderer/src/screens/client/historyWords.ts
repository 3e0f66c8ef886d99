// renderer/: the words of the History tab: a recorded change ("services" + "removed:legal:entered_twice")
// as "Service removed: Legal (It was logged twice)" in the person's language. Pure functions, no
// screen, so a unit test can draw every change main records.
import type { Language } from '../../../../shared/schemas/prefs';
import type { Vocabulary } from '../../../../shared/vocab/define';
import { consentKinds } from '../../../../shared/vocab/lists';
import { milestoneKinds, milestoneStatuses, noteKinds, referralStatuses, serviceCategories, serviceChangeReasons } from '../../../../shared/vocab/planning';
import { appointmentKinds, appointmentStatuses, contactMethods } from '../../../../shared/vocab/week';
import type { MessageKey } from '../../i18n/en';
import type { Vars } from '../../i18n/vars';

/** What these words need of the translation layer (useT() gives it). */
export interface Words18n {
  readonly language: Language;
  readonly has: (key: string) => key is MessageKey;
  readonly t: (key: MessageKey, vars?: Vars) => string;
}

/** "safeToCall" or "lied_to_about_work" as words, for names with no translation yet. */
function readable(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .replace(/[_-]+/gu, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sectionLabel(i18n: Pick<Words18n, 't' | 'has'>, section: string): string {
  const key = `section.${section}`;
  return i18n.has(key) ? i18n.t(key) : readable(section);
}

/** One name from a field path: a translated field name, a consent kind, or readable words. */
function partLabel(i18n: Words18n, keys: string[], part: string): string {
  const key = keys.find((k) => i18n.has(k));
  if (key && i18n.has(key)) return i18n.t(key);
  const kind = consentKinds.codes.find((c) => c === part);
  return kind ? consentKinds.labels[kind][i18n.language] : readable(part);
}

/** Where the words for the codes after "verb:" come from: a shared code list, or dictionary keys. */
type Words = Vocabulary<string> | `${string}.`;
const codeWords: Readonly<Record<string, readonly Words[]>> = {
  'services.added': [serviceCategories],
  'services.imported': [serviceCategories],
  'services.corrected': [serviceCategories, serviceChangeReasons],
  'services.removed': [serviceCategories, serviceChangeReasons],
  'referrals.sent': [serviceCategories],
  'referrals.status': [referralStatuses],
  'milestones.added': [milestoneKinds],
  'milestones.status': [milestoneStatuses],
  'notes.added': [noteKinds],
  'consents.added': [consentKinds],
  'consents.revoked': [consentKinds],
  'outcomes.assessment': ['assessmentKind.'],
  'outcomes.imported': ['assessmentKind.'],
  'safety-plan.version': [],
  'appointments.added': [appointmentKinds],
  'appointments.status': [appointmentStatuses],
  'contacts.added': [contactMethods],
};

function codeLabel(i18n: Words18n, words: Words | undefined, code: string): string {
  const key = `${typeof words === 'string' ? words : ''}${code}`;
  if (typeof words === 'string') return i18n.has(key) ? i18n.t(key) : readable(code);
  const known = words?.codes.find((c) => c === code);
  if (words && known) return words.labels[known]![i18n.language];
  return /^\d+$/u.test(code) ? code : readable(code);
}

/**
 * A change as words in the chosen language: "services" + "removed:legal:entered_twice" as
 * "Service removed: Legal (It was logged twice)"; an intake field path such as "methods.0.safeToCall"
 * as "Ways to reach them › 1 › Safe to call".
 */
export function fieldLabel(i18n: Words18n, section: string, field: string): string {
  const [verb = '', ...codes] = field.split(':');
  const whole = `history.${section}.${verb}`;
  const listed = Object.hasOwn(codeWords, `${section}.${verb}`);
  if (!listed && !i18n.has(whole)) return pathLabel(i18n, section, field);
  const lists = listed ? codeWords[`${section}.${verb}`]! : [];
  const [first, ...more] = codes.map((code, i) => codeLabel(i18n, lists[i], code));
  const head = i18n.has(whole) ? i18n.t(whole) : readable(verb);
  if (first === undefined) return head;
  return more.length > 0 ? `${head}: ${first} (${more.join(', ')})` : `${head}: ${first}`;
}

function pathLabel(i18n: Words18n, section: string, field: string): string {
  return field
    .split('.')
    .map((part, i) => {
      if (/^\d+$/u.test(part)) return String(Number(part) + 1);
      return part
        .split(':')
        .map((bit, j) => partLabel(i18n, i === 0 && j === 0 ? [`intake.${section}.${bit}`, `fieldName.${bit}`] : [`fieldName.${bit}`], bit))
        .join(': ');
    })
    .join(' › ');
}
