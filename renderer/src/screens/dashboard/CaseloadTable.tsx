// renderer/: caseload per worker on the dashboard: each count opens that worker's cases.
import type { Output } from '../../../../shared/contract';
import { useT } from '../../i18n/i18n';
import type { Opened } from './DashboardCases';

export function CaseloadTable(props: { summary: Output<'dashboard.summary'>; noContactDays: number; onOpen: (opened: Opened) => void }) {
  const { t } = useT();
  const { summary } = props;
  return (
    <>
      <h2 id="caseload-per-worker">{t('dashboard.caseloadTitle')}</h2>
      <table aria-labelledby="caseload-per-worker">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.worker')}</th>
            <th scope="col">{t('dashboard.primary')}</th>
            <th scope="col">{t('dashboard.secondary')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.caseload.map((w) => {
            const name = w.active ? w.displayName : t('dashboard.inactive', { name: w.displayName });
            return (
              <tr key={w.workerId}>
                <th scope="row">{name}</th>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('dashboard.openWorker', { name: w.displayName, n: w.primary + w.secondary })}
                    onClick={() => props.onOpen({ figure: 'worker', workerId: w.workerId, label: t('dashboard.workerList', { name: w.displayName }), noContactDays: props.noContactDays })}
                  >
                    {w.primary}
                  </button>
                </td>
                <td>{w.secondary}</td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t('dashboard.unassigned')}</th>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={t('dashboard.openList', { label: t('dashboard.unassigned'), n: summary.unassigned })}
                onClick={() => props.onOpen({ figure: 'unassigned', label: t('dashboard.unassigned'), noContactDays: props.noContactDays })}
              >
                {summary.unassigned}
              </button>
            </td>
            <td />
          </tr>
        </tbody>
      </table>
    </>
  );
}
