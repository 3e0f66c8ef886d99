// renderer/: caseload per worker on the dashboard: each count opens that worker's cases.
import type { Output } from '../../../../shared/contract';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n/i18n';
import type { Opened } from './DashboardCases';

/** One line of the table: a worker, or the cases nobody holds (no second-worker count). */
interface Line {
  key: string;
  name: string;
  count: number;
  openLabel: string;
  opens: Opened;
  secondary: number | null;
}

export function CaseloadTable(props: { summary: Output<'dashboard.summary'>; noContactDays: number; onOpen: (opened: Opened) => void }) {
  const { t } = useT();
  const { summary, noContactDays } = props;
  const lines: Line[] = [
    ...summary.caseload.map((w) => ({
      key: w.workerId,
      name: w.active ? w.displayName : t('dashboard.inactive', { name: w.displayName }),
      count: w.primary,
      openLabel: t('dashboard.openWorker', { name: w.displayName, n: w.primary + w.secondary }),
      opens: { figure: 'worker' as const, workerId: w.workerId, label: t('dashboard.workerList', { name: w.displayName }), noContactDays },
      secondary: w.secondary,
    })),
    {
      key: 'unassigned',
      name: t('dashboard.unassigned'),
      count: summary.unassigned,
      openLabel: t('dashboard.openList', { label: t('dashboard.unassigned'), n: summary.unassigned }),
      opens: { figure: 'unassigned', label: t('dashboard.unassigned'), noContactDays },
      secondary: null,
    },
  ];
  return (
    <>
      <h2 id="caseload-per-worker">{t('dashboard.caseloadTitle')}</h2>
      <DataTable
        labelledBy="caseload-per-worker"
        rows={lines}
        rowKey={(line) => line.key}
        columns={[
          { header: t('dashboard.worker'), cell: (line) => line.name, rowHeader: true },
          {
            header: t('dashboard.primary'),
            cell: (line) => (
              <button type="button" className="link-button" aria-label={line.openLabel} onClick={() => props.onOpen(line.opens)}>
                {line.count}
              </button>
            ),
          },
          { header: t('dashboard.secondary'), cell: (line) => line.secondary },
        ]}
      />
    </>
  );
}
