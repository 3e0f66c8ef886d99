// renderer/: "Needs review": what two laptops of a team changed at the same time. Every version is
// kept until a person chooses; the choice is an ordinary save that reaches the other laptops when
// they sync. Shown to the case's worker, supervisors and admins (main decides who sees what).
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { RpcError } from '../../../../shared/errors';
import type { FieldValue, ReviewItem } from '../../../../shared/schemas/review';
import { serviceCategories } from '../../../../shared/vocab/planning';
import { clientStatuses, riskLevels } from '../../../../shared/vocab/lists';
import type { Vocabulary } from '../../../../shared/vocab/define';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/Heading';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useT, type I18n } from '../../i18n/i18n';

/** Fields whose values are codes from a list: shown by their label in this language. */
const coded: Record<string, Vocabulary<string>> = { risk_level: riskLevels, status: clientStatuses, category: serviceCategories };

/** A stored value in words: answers saved together (an intake section) as "question: answer" lines. */
export function valueText(i18n: Pick<I18n, 't' | 'language'>, value: FieldValue, field: string | null = null): string {
  if (value === null || value === '') return i18n.t('review.empty');
  if (typeof value === 'number') return String(value);
  const list = field ? coded[field] : undefined;
  const code = list?.codes.find((c) => c === value);
  if (list && code) return list.labels[code]?.[i18n.language] ?? value;
  if (value.startsWith('{')) {
    try {
      const parsed = JSON.parse(value) as Record<string, unknown>;
      const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
      return Object.entries(parsed)
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(text).join(', ') : text(v)}`)
        .join('; ');
    } catch {
      return value;
    }
  }
  return value;
}

function areaLabel(i18n: Pick<I18n, 't' | 'has'>, item: ReviewItem): string {
  const area = `review.area.${item.area}`;
  const what = i18n.has(area) ? i18n.t(area) : item.area;
  return item.part ? `${what} (${item.part})` : what;
}

function fieldLabel(i18n: Pick<I18n, 't' | 'has'>, field: string): string {
  const key = `review.field.${field}`;
  return i18n.has(key) ? i18n.t(key) : field.replaceAll('_', ' ');
}

function whoAndWhen(i18n: I18n, c: ReviewItem['candidates'][number]): string {
  const name = c.byName ?? i18n.t('review.unknownPerson');
  const date = c.at ? i18n.formatTimestamp(c.at, true) : '';
  return c.laptop ? i18n.t('review.byLaptop', { name, laptop: c.laptop, date }) : i18n.t('review.by', { name, date });
}

type Choice = { kind: 'candidate'; index: number } | { kind: 'restore' } | { kind: 'delete' } | { kind: 'keep-marked' } | { kind: 'new' } | null;

function ReviewCard({ item, onSettled }: { item: ReviewItem; onSettled: () => void }) {
  const i18n = useT();
  const { t, errorMessage } = i18n;
  const headingId = useId();
  const name = useId();
  const [choice, setChoice] = useState<Choice>(null);
  const [newValue, setNewValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const title = item.field ? t('review.what', { area: areaLabel(i18n, item), field: fieldLabel(i18n, item.field) }) : areaLabel(i18n, item);
  const options: { key: string; label: string; choice: Choice }[] =
    item.kind === 'values'
      ? item.candidates.map((c, index) => ({
          key: `c${index}`,
          label: `${valueText(i18n, c.value, item.field)} (${whoAndWhen(i18n, c)})${c.value === item.shown ? ` ${t('review.shownNow')}` : ''}`,
          choice: { kind: 'candidate', index },
        }))
      : item.kind === 'edit-on-deleted'
        ? [
            { key: 'restore', label: t('review.restore'), choice: { kind: 'restore' } },
            { key: 'delete', label: t('review.keepDeleted'), choice: { kind: 'delete' } },
          ]
        : [
            { key: 'keep', label: t('review.keepMarked', { shown: valueText(i18n, item.shown) }), choice: { kind: 'keep-marked' } },
            { key: 'new', label: t('review.newValue'), choice: { kind: 'new' } },
          ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (choice === null || (choice.kind === 'new' && newValue.trim() === '')) {
      setError(t('review.pickOne'));
      return;
    }
    const value: FieldValue =
      choice.kind === 'candidate' ? item.candidates[choice.index]!.value : choice.kind === 'new' ? newValue.trim() : choice.kind;
    setBusy(true);
    setError(null);
    const result = await call('sync.resolve', { id: item.id, choice: value });
    setBusy(false);
    if (result.ok) onSettled();
    else setError(errorMessage(result.error));
  }

  return (
    <article className="review-item" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="review-case">
        {item.caseId ? (
          <a href={hrefFor({ page: 'client', id: item.caseId })}>{t('review.case', { number: item.caseNumber ?? '', name: item.chosenName ?? '' })}</a>
        ) : (
          t('review.agency')
        )}
      </p>
      <p>
        {item.kind === 'values'
          ? t('review.values.explain')
          : item.kind === 'edit-on-deleted'
            ? t('review.deleted.explain')
            : t('review.duplicate.explain', { shown: valueText(i18n, item.shown) })}
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset aria-describedby={error ? `${name}-error` : undefined}>
          <legend>{t('review.choose')}</legend>
          <div className="checkbox-list">
            {options.map((o) => (
              <div key={o.key} className="checkbox">
                <input
                  id={`${name}-${o.key}`}
                  type="radio"
                  name={name}
                  checked={JSON.stringify(choice) === JSON.stringify(o.choice)}
                  onChange={() => setChoice(o.choice)}
                />
                <label htmlFor={`${name}-${o.key}`}>{o.label}</label>
              </div>
            ))}
          </div>
          {choice?.kind === 'new' ? <TextField label={t('review.newValueLabel')} value={newValue} onChange={setNewValue} autoComplete="off" maxLength={200} required /> : null}
        </fieldset>
        {error ? <ErrorMessage id={`${name}-error`}>{error}</ErrorMessage> : null}
        <button type="submit" disabled={busy}>
          {busy ? t('common.working') : t('review.save')}
        </button>
      </form>
    </article>
  );
}

export function ReviewPage() {
  const i18n = useT();
  const { t, errorMessage } = i18n;
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    void call('sync.conflicts', {}).then((result) => {
      if (result.ok) setItems(result.value.items);
      else setError(result.error);
    });
  }, []);
  useEffect(() => load(), [load]);

  return (
    <section className="review-page">
      <PageHeading>{t('review.title')}</PageHeading>
      <p>{t('review.intro')}</p>
      <div aria-live="polite">{saved ? <StatusMessage tone="success">{t('review.saved')}</StatusMessage> : null}</div>
      {error ? <ErrorMessage>{errorMessage(error)}</ErrorMessage> : null}
      {items === null && !error ? <p>{t('common.working')}</p> : null}
      {items?.length === 0 ? <p>{t('review.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="review-list">
          {items.map((item) => (
            <li key={item.id}>
              <ReviewCard
                item={item}
                onSettled={() => {
                  setSaved(true);
                  load();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
