// renderer/: one outcome report on screen: what suppression means, how the figures are counted, and
// every table as an accessible HTML table (its title as caption, its note below), with a bar chart
// for the tables that divide people into categories.
import { useId } from 'react';
import type { Report, ReportTable } from '../../../../shared/schemas/reports';
import { useT } from '../../i18n/i18n';
import { BarChart } from './BarChart';
import { cellText, columnLabel, reportText, rowLabel, tableTitle } from './reportWords';

/** The column a category table's chart draws, or null when the table has no categories to chart. */
function chartColumn(table: ReportTable): string | null {
  if (!table.columns.some((c) => c.key === 'code')) return null;
  return ['count', 'encounters'].find((key) => table.columns.some((c) => c.key === key)) ?? null;
}

export function ReportView({ report }: { report: Report }) {
  const i18n = useT();
  const { t, formatDay } = i18n;
  const headingId = useId();
  const threshold = report.parameters.threshold;
  return (
    <section aria-labelledby={headingId} className="report">
      <h2 id={headingId}>
        {t('report.heading', { from: formatDay(report.period.from, 'medium'), to: formatDay(report.period.to, 'medium') })}
      </h2>
      <div className="message message-info calm-note">
        <p>{t('report.suppression', { range: `1-${threshold}`, threshold })}</p>
        <p>{t('report.withheldExplain')}</p>
        {report.parameters.workerFilter ? <p>{t('report.oneWorker')}</p> : null}
      </div>
      <details className="counting-rules">
        <summary>{t('report.rulesTitle')}</summary>
        <ul>
          {report.countingRules.map((rule, i) => (
            <li key={i}>{reportText(i18n, rule)}</li>
          ))}
        </ul>
      </details>
      {report.tables.map((table) => (
        <ReportTableView key={table.name} table={table} />
      ))}
    </section>
  );
}

function ReportTableView({ table }: { table: ReportTable }) {
  const i18n = useT();
  const title = tableTitle(i18n, table);
  // Codes are for other programs; people read the category.
  const columns = table.columns.filter((c) => c.key !== 'code');
  const chart = chartColumn(table);
  const rowHeader = columns[0]?.key;
  const bars = chart
    ? table.rows.filter((r) => r.code !== 'total').map((r) => ({ label: rowLabel(i18n, table, r), value: r[chart] ?? '', text: cellText(i18n, table, r, chart) }))
    : [];
  return (
    <div className="report-table">
      <div className="table-scroll">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {columnLabel(i18n, c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i} className={row.code === 'total' || row.measure === 'Total' ? 'total-row' : undefined}>
                {columns.map((c) =>
                  c.key === rowHeader && columns.length > 1 ? (
                    <th scope="row" key={c.key}>
                      {cellText(i18n, table, row, c.key)}
                    </th>
                  ) : (
                    <td key={c.key} className={typeof row[c.key] === 'number' ? 'number' : undefined}>
                      {cellText(i18n, table, row, c.key)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note ? <p className="hint">{reportText(i18n, table.note)}</p> : null}
      {bars.length > 0 ? <BarChart title={title} bars={bars} /> : null}
    </div>
  );
}
