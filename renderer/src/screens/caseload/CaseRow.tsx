// renderer/: one row of the windowed caseload list: the case's link (number, name, pronouns, badges,
// worker, last change) and, while cases are being chosen to hand over, its checkbox.
import type { ClientRow } from '../../../../shared/schemas/clients';
import { riskLevels } from '../../../../shared/vocab/lists';
import { hrefFor } from '../../app/router';
import { useVocab } from '../../components/fields';
import { useT } from '../../i18n/i18n';
import type { Choosing } from './CaseList';

export function ChooseBox(props: { index: number; row: ClientRow | undefined; choosing: Choosing; tabbable: boolean; onFocus: () => void }) {
  const { t } = useT();
  const { row } = props;
  return (
    <input
      type="checkbox"
      className="case-choose"
      data-index={props.index}
      aria-label={row ? t('caseload.choose', { caseNumber: row.caseNumber, name: row.chosenName }) : t('caseload.loadingRow', { n: props.index + 1 })}
      disabled={!row}
      checked={row ? props.choosing.isChosen(row.id) : false}
      onChange={() => row && props.choosing.toggle(row)}
      tabIndex={props.tabbable ? 0 : -1}
      onFocus={props.onFocus}
    />
  );
}

/** arrowTarget: the arrow keys land on this link (not while choosing: the row's checkbox takes them then). */
export function CaseRowLink(props: { index: number; arrowTarget: boolean; row: ClientRow | undefined; tabbable: boolean; onFocus: () => void }) {
  const { t, formatTimestamp } = useT();
  const label = useVocab();
  const { row } = props;
  // Always an <a>, so a row that is still loading keeps focus when its data arrives.
  return (
    <a
      className="case-link"
      data-index={props.arrowTarget ? props.index : undefined}
      href={row ? hrefFor({ page: 'client', id: row.id }) : undefined}
      tabIndex={props.tabbable ? 0 : -1}
      onFocus={props.onFocus}
    >
      {row ? (
        <>
          <span className="case-line">
            <span className="case-number mono">{row.caseNumber}</span>
            <span className="case-name">{row.chosenName}</span>
            {row.pronouns ? <span className="case-pronouns">({row.pronouns})</span> : null}
            {row.status === 'closed' ? <span className="badge badge-quiet">{t('caseload.closed')}</span> : null}
          </span>
          <span className="case-line case-details">
            {row.urgentSafety ? <span className="badge badge-urgent">{t('client.urgent')}</span> : null}
            {row.riskLevel ? (
              <span className={`badge badge-risk-${row.riskLevel}`}>{t('caseload.risk', { level: label(riskLevels, row.riskLevel) })}</span>
            ) : null}
            <span>{row.assignedWorker ? t('caseload.worker', { name: row.assignedWorker }) : t('caseload.unassigned')}</span>
            <span>{t('caseload.updated', { date: formatTimestamp(row.updatedAt) })}</span>
          </span>
        </>
      ) : (
        <span className="case-line case-loading">{t('caseload.loadingRow', { n: props.index + 1 })}</span>
      )}
    </a>
  );
}

