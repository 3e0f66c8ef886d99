// renderer/: "Needs review": what two laptops of a team changed at the same time. Every version is
// kept until a person chooses; the choice is an ordinary save that reaches the other laptops when
// they sync. Shown to the case's worker, supervisors and admins (main decides who sees what).
import { useCallback, useEffect, useId, useState } from 'react';
import type { RpcError } from '../../../../shared/errors';
import { ResolveInput, type FieldValue, type ReviewItem } from '../../../../shared/schemas/review';
import { serviceCategories } from '../../../../shared/vocab/planning';
import { clientStatuses, riskLevels } from '../../../../shared/vocab/lists';
import type { Vocabulary } from '../../../../shared/vocab/define';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { FormFrame } from '../../components/FormFrame';
import { PageHeading } from '../../components/Heading';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
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

/** An option of a review item: its label and the value saved when it is chosen (`typed`: the value typed in). */
type ReviewOption = { key: string; label: string; value: FieldValue; typed?: true };

function reviewOptions(i18n: I18n, item: ReviewItem): ReviewOption[] {
  const { t } = i18n;
  if (item.kind === 'values')
    return item.candidates.map((c, index) => ({
      key: `c${index}`,
      label: `${valueText(i18n, c.value, item.field)} (${whoAndWhen(i18n, c)})${c.value === item.shown ? ` ${t('review.shownNow')}` : ''}`,
      value: c.value,
    }));
  if (item.kind === 'edit-on-deleted')
    return [
      { key: 'restore', label: t('review.restore'), value: 'restore' },
      { key: 'delete', label: t('review.keepDeleted'), value: 'delete' },
    ];
  return [
    { key: 'keep', label: t('review.keepMarked', { shown: valueText(i18n, item.shown) }), value: 'keep-marked' },
    { key: 'new', label: t('review.newValue'), value: null, typed: true },
  ];
}

function ReviewCard({ item, onSettled }: { item: ReviewItem; onSettled: () => void }) {
  const i18n = useT();
  const { t } = i18n;
  const headingId = useId();
  const name = useId();
  const title = item.field ? t('review.what', { area: areaLabel(i18n, item), field: fieldLabel(i18n, item.field) }) : areaLabel(i18n, item);
  const options = reviewOptions(i18n, item);
  const chosen = (key: string) => options.find((o) => o.key === key);
  const sf = useSchemaForm({
    schema: ResolveInput,
    defaults: { choice: '', newValue: '' },
    toInput: (v) => {
      const option = chosen(v.choice);
      return { id: item.id, choice: option?.typed ? v.newValue.trim() : (option?.value ?? null) };
    },
    extraChecks: (v) => ({
      choice: chosen(v.choice) ? undefined : t('review.pickOne'),
      newValue: chosen(v.choice)?.typed && v.newValue.trim() === '' ? t('review.pickOne') : undefined,
    }),
    send: (input) => call('sync.resolve', input),
    onSaved: onSettled,
  });
  const choice = sf.field('choice');

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
      <FormFrame form={sf} submitLabel={t('review.save')} primary={false}>
        <fieldset className={choice.error ? 'field-invalid' : undefined} aria-describedby={choice.error ? `${name}-error` : undefined}>
          <legend>{t('review.choose')}</legend>
          {choice.error ? (
            <p id={`${name}-error`} className="field-error">
              {choice.error}
            </p>
          ) : null}
          <div className="checkbox-list">
            {options.map((o) => (
              <div key={o.key} className="checkbox">
                <input
                  id={`${name}-${o.key}`}
                  type="radio"
                  name={name}
                  checked={choice.value === o.key}
                  aria-invalid={choice.error ? true : undefined}
                  onChange={() => choice.onChange(o.key)}
                />
                <label htmlFor={`${name}-${o.key}`}>{o.label}</label>
              </div>
            ))}
          </div>
          {chosen(choice.value)?.typed ? <TextField label={t('review.newValueLabel')} {...sf.field('newValue')} autoComplete="off" maxLength={200} required /> : null}
        </fieldset>
      </FormFrame>
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
