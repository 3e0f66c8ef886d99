// renderer/: on "What's due", the cases of this worker that someone else changed since they last
// looked: who, how many changes and when; "Seen" takes a case off the list.
import { useEffect, useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { useT } from '../../i18n/i18n';

type Notice = Output<'notices.changes'>['notices'][number];

export function CaseChanges() {
  const { t, formatDay } = useT();
  const headingId = useId();
  const [notices, setNotices] = useState<Notice[]>([]);
  const load = () => void call('notices.changes', {}).then((r) => r.ok && setNotices(r.value.notices));
  useEffect(load, []);
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('notices.title')}</h2>
      <ul className="due-list" aria-labelledby={headingId}>
        {notices.map((n) => (
          <li key={n.clientId} className="due-item">
            <p className="due-what">{t('notices.changed', { by: n.lastBy ?? t('notices.someone'), n: n.changes, date: formatDay(n.lastAt.slice(0, 10), 'medium') })}</p>
            <p className="due-client">
              <a href={hrefFor({ page: 'client', id: n.clientId })}>
                <span className="mono">{n.caseNumber}</span> · {n.chosenName}
              </a>
            </p>
            <button type="button" aria-label={t('notices.seenFor', { caseNumber: n.caseNumber })} onClick={() => void call('notices.seen', { clientId: n.clientId }).then(load)}>
              {t('notices.seen')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
