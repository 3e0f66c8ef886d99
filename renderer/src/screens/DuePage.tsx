// renderer/: "What's due", the first screen after signing in for people who work with cases: goal
// steps, legal deadlines, consents ending soon and referrals with no answer, across their own cases.
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { RpcError } from '../../../shared/errors';
import type { DueItem } from '../../../shared/schemas/planning';
import { milestoneKinds, serviceCategories } from '../../../shared/vocab/planning';
import { consentKinds } from '../../../shared/vocab/lists';
import { appointmentKinds } from '../../../shared/vocab/week';
import { documentTypes } from '../../../shared/vocab/documents';
import type { Vocabulary } from '../../../shared/vocab/define';
import { call } from '../api/client';
import { hrefFor } from '../app/router';
import { daysBetween, today } from '../components/dates';
import { PageHeading } from '../components/Heading';
import { ErrorMessage } from '../components/Messages';
import { useT, type I18n } from '../i18n/i18n';
import { CaseChanges } from './due/CaseChanges';
import { TasksSection } from './due/TasksSection';

type Item = z.infer<typeof DueItem>;

/** A code from a list in this language; a code we do not know is shown as sent. */
function labelOf<C extends string>(list: Vocabulary<C>, code: string, language: I18n['language']): string {
  const known = list.codes.find((c) => c === code);
  return known ? list.labels[known][language] : code;
}

export function whatItIs(i18n: Pick<I18n, 't' | 'language'>, item: Item): string {
  const { t, language } = i18n;
  switch (item.kind) {
    case 'goal_step':
      return t('due.step', { text: item.label });
    case 'goal_target':
      return t('due.goal', { title: item.label });
    case 'milestone':
      return t('due.milestone', { kind: labelOf(milestoneKinds, item.label, language) });
    case 'consent':
      return t('due.consent', { kind: labelOf(consentKinds, item.label, language) });
    case 'referral':
      return t('due.referral', { service: labelOf(serviceCategories, item.label, language) });
    case 'appointment':
      return t('due.appointment', { kind: labelOf(appointmentKinds, item.label, language) });
    case 'document_expiry':
      return t('due.documentExpiry', { type: labelOf(documentTypes, item.label, language) });
  }
}

function whenItIs(i18n: Pick<I18n, 't' | 'formatDay'>, item: Item, now: string): string {
  const { t, formatDay } = i18n;
  const date = formatDay(item.date, 'medium');
  if (item.kind === 'referral') return t('due.waitingSince', { date, days: daysBetween(item.date, now) });
  const days = daysBetween(now, item.date);
  if (days < 0) return t(days === -1 ? 'clock.overdueOne' : 'clock.overdue', { days: -days, date });
  if (days === 0) return t('clock.today', { date });
  if (days === 1) return t('clock.tomorrow', { date });
  return t('clock.dueIn', { days, date });
}

export function DuePage() {
  const i18n = useT();
  const { t, errorMessage } = i18n;
  const overdueId = useId();
  const upcomingId = useId();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<RpcError | null>(null);

  useEffect(() => {
    let live = true;
    void call('due.list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.value.items);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const now = today();
  const overdue = items?.filter((i) => i.overdue) ?? [];
  const upcoming = items?.filter((i) => !i.overdue) ?? [];
  const list = (group: Item[], headingId: string) => (
    <ul className="due-list" aria-labelledby={headingId}>
      {group.map((item) => (
        <li key={`${item.kind}-${item.itemId}`} className="due-item">
          <p className="due-what">{whatItIs(i18n, item)}</p>
          <p className="due-when">{whenItIs(i18n, item, now)}</p>
          <p className="due-client">
            <a href={hrefFor({ page: 'client', id: item.clientId })}>
              <span className="mono">{item.caseNumber}</span> · {item.chosenName}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="due">
      <PageHeading>{t('due.title')}</PageHeading>
      <p className="hint">{t('due.intro')}</p>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <CaseChanges />
      {items === null && !error ? <p role="status">{t('common.working')}</p> : null}
      {items && items.length === 0 ? <p className="calm-note message message-success">{t('due.empty')}</p> : null}
      {overdue.length > 0 ? (
        <section aria-labelledby={overdueId}>
          <h2 id={overdueId}>{t('due.overdue')}</h2>
          {list(overdue, overdueId)}
        </section>
      ) : null}
      {upcoming.length > 0 ? (
        <section aria-labelledby={upcomingId}>
          <h2 id={upcomingId}>{t('due.upcoming')}</h2>
          {list(upcoming, upcomingId)}
        </section>
      ) : null}
      <TasksSection />
    </section>
  );
}
