// renderer/: a caseworker's search that also matches cases assigned to other workers says how many,
// by case number only (never names), and leads to opening one with a reason (break the glass).
import { hrefFor } from '../../app/router';
import { useT } from '../../i18n/i18n';
import type { Elsewhere } from './useCasePages';

export function ElsewhereNote({ elsewhere }: { elsewhere: Elsewhere }) {
  const { t, formatNumber } = useT();
  if (!elsewhere || elsewhere.count === 0) return null;
  return (
    <div className="message message-info calm-note">
      <p>{elsewhere.count === 1 ? t('caseload.elsewhereOne') : t('caseload.elsewhereMany', { count: formatNumber(elsewhere.count) })}</p>
      <p>{t('caseload.elsewhereHow')}</p>
      <ul>
        {elsewhere.cases.map((c) => (
          <li key={c.id}>
            <a href={hrefFor({ page: 'client', id: c.id })}>{t('caseload.elsewhereOpen', { caseNumber: c.caseNumber })}</a>
          </li>
        ))}
      </ul>
      {elsewhere.count > elsewhere.cases.length ? <p className="hint">{t('caseload.elsewhereNarrow')}</p> : null}
    </div>
  );
}
