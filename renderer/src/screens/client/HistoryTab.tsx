// renderer/: who changed which field of this case, and when. Only names of fields are shown, never
// the values, so the history can be read without exposing more than the case itself.
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../../shared/errors';
import type { HistoryEntry } from '../../../../shared/schemas/clients';
import type { Vocabulary } from '../../../../shared/vocab/define';
import { consentKinds } from '../../../../shared/vocab/lists';
import { milestoneKinds, milestoneStatuses, noteKinds, referralStatuses, serviceCategories, serviceChangeReasons } from '../../../../shared/vocab/planning';
import { appointmentKinds, appointmentStatuses, contactMethods } from '../../../../shared/vocab/week';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/Messages';
import { useT, type I18n } from '../../i18n/i18n';

type Entry = z.infer<typeof HistoryEntry>;

/** "safeToCall" or "lied_to_about_work" as words, for names with no translation yet. */
function readable(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .replace(/[_-]+/gu, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function sectionLabel(i18n: Pick<I18n, 't' | 'has'>, section: string): string {
  const key = `section.${section}`;
  return i18n.has(key) ? i18n.t(key) : readable(section);
}

/** One name from a field path: a translated field name, a consent kind, or readable words. */
function partLabel(i18n: Pick<I18n, 't' | 'has' | 'language'>, keys: string[], part: string): string {
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

function codeLabel(i18n: Pick<I18n, 't' | 'has' | 'language'>, words: Words | undefined, code: string): string {
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
export function fieldLabel(i18n: Pick<I18n, 't' | 'has' | 'language'>, section: string, field: string): string {
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

function pathLabel(i18n: Pick<I18n, 't' | 'has' | 'language'>, section: string, field: string): string {
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

export function HistoryTab({ clientId, visible, changes }: { clientId: string; visible: boolean; changes: number }) {
  const i18n = useT();
  const { t, errorMessage, formatTimestamp } = i18n;
  const captionId = useId();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);

  // Read when shown, and again after any change to the case while it is shown.
  useEffect(() => {
    if (!visible) return;
    let live = true;
    void call('clients.history', { id: clientId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setEntries(result.value.entries);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [clientId, visible, changes]);

  return (
    <div className="history">
      <h2 id={captionId}>{t('history.title')}</h2>
      <p className="hint">{t('history.intro')}</p>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      {entries === null && !error ? <p role="status">{t('common.working')}</p> : null}
      {entries && entries.length === 0 ? <p>{t('history.none')}</p> : null}
      {entries && entries.length > 0 ? (
        <DataTable
          labelledBy={captionId}
          rows={entries}
          rowKey={(_, i) => i}
          columns={[
            { header: t('history.when'), cell: (e) => formatTimestamp(e.at, true) },
            { header: t('history.who'), cell: (e) => e.by ?? t('history.someone') },
            { header: t('history.section'), cell: (e) => sectionLabel(i18n, e.section) },
            { header: t('history.field'), cell: (e) => fieldLabel(i18n, e.section, e.field) },
          ]}
        />
      ) : null}
    </div>
  );
}
