// renderer/: what a worker sees first on a case newly handed to them: who handed it over and when,
// its open goals, deadlines in the next 30 days, consents ending soon and the last safety-plan
// change. It stays until they say they have read it.
import { useEffect, useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { goalDomains, milestoneKinds } from '../../../../shared/vocab/planning';
import { consentKinds } from '../../../../shared/vocab/lists';
import type { Vocabulary } from '../../../../shared/vocab/define';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';

type Summary = Output<'handover.summary'>;

export function HandoverNotice(props: { clientId: string }) {
  const { t, formatDay, language } = useT();
  const headingId = useId();
  const [summary, setSummary] = useState<Summary | null>(null);
  useEffect(() => {
    void call('handover.summary', { id: props.clientId }).then((r) => r.ok && setSummary(r.value));
  }, [props.clientId]);
  if (!summary?.pending) return null;
  const { pending } = summary;
  const day = (d: string) => formatDay(d.slice(0, 10), 'medium');
  const label = <C extends string>(list: Vocabulary<C>, code: string) => {
    const known = list.codes.find((c) => c === code);
    return known ? list.labels[known][language] : code;
  };
  return (
    <section className="panel handover-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(pending.position === 'primary' ? 'handoverNotice.title' : 'handoverNotice.titleSecondary')}</h2>
      <p>{t('handoverNotice.from', { from: pending.fromName ?? t('assignments.nobody'), by: pending.byName ?? t('assignments.nobody'), date: day(pending.at) })}</p>
      <h3>{t('handoverNotice.goals')}</h3>
      {summary.openGoals.length === 0 ? <p className="hint">{t('handoverNotice.noGoals')}</p> : (
        <ul>
          {summary.openGoals.map((g) => (
            <li key={g.id}>
              {label(goalDomains, g.domain)}: {g.title}
              {g.targetDate ? ` (${t('handoverNotice.target', { date: day(g.targetDate) })})` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('handoverNotice.deadlines')}</h3>
      {summary.deadlines.length === 0 ? <p className="hint">{t('handoverNotice.noDeadlines')}</p> : (
        <ul>
          {summary.deadlines.map((d, i) => (
            <li key={`${d.kind}-${i}`}>
              {d.kind === 'milestone' ? label(milestoneKinds, d.label) : d.label}: {t(d.overdue ? 'handoverNotice.overdueOn' : 'handoverNotice.dueOn', { date: day(d.date) })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('handoverNotice.consents')}</h3>
      {summary.consentsExpiring.length === 0 ? <p className="hint">{t('handoverNotice.noConsents')}</p> : (
        <ul>
          {summary.consentsExpiring.map((k, i) => (
            <li key={`${k.kind}-${i}`}>
              {label(consentKinds, k.kind)}
              {k.recipient ? ` (${k.recipient})` : ''}: {t('handoverNotice.endsOn', { date: day(k.expiryDate) })}
            </li>
          ))}
        </ul>
      )}
      <p>{summary.safetyPlan ? t('handoverNotice.safetyPlan', { version: summary.safetyPlan.version, date: day(summary.safetyPlan.savedAt) }) : t('handoverNotice.noSafetyPlan')}</p>
      <button type="button" className="primary" onClick={() => void call('handover.dismiss', { id: props.clientId }).then(() => setSummary(null))}>
        {t('handoverNotice.dismiss')}
      </button>
    </section>
  );
}
