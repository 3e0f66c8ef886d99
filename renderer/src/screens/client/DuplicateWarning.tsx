// renderer/: before a case is created, the possible duplicates found: open one, or go ahead.
import type { RefObject } from 'react';
import type { z } from 'zod';
import type { DuplicateMatch } from '../../../../shared/schemas/clients';
import { hrefFor } from '../../app/router';
import { useT } from '../../i18n/i18n';

export type Match = z.infer<typeof DuplicateMatch>;

export function DuplicateWarning(props: {
  matches: Match[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCreate: () => void;
  onBack: () => void;
}) {
  const { t } = useT();
  return (
    <section className="panel duplicate-warning" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading" ref={props.headingRef} tabIndex={-1}>
        {t('duplicate.title')}
      </h2>
      <p>{t('duplicate.explain')}</p>
      <ul className="duplicate-list">
        {props.matches.map((m) =>
          m.access === 'open' ? (
            <li key={m.clientId}>
              <a href={hrefFor({ page: 'client', id: m.clientId })}>
                <span className="mono">{m.caseNumber}</span> — {m.chosenName}
              </a>{' '}
              <span className="hint">
                {t('duplicate.matchedOn', {
                  what: m.matchedOn.map((w) => (w === 'name' ? t('duplicate.onName') : t('duplicate.onBirthDate'))).join(', '),
                })}
              </span>
            </li>
          ) : (
            // Only that a match exists and its number: the names and birth date stay with those who may open it.
            <li key={m.caseNumber}>{t('duplicate.askSupervisor', { caseNumber: m.caseNumber })}</li>
          ),
        )}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onCreate}>
          {t('duplicate.createAnyway')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('duplicate.back')}
        </button>
      </div>
    </section>
  );
}
