// renderer/: the same figures laid out as the funders' items (OVC TIMS, HHS OTIP), so the agency
// copies numbers instead of recounting. Each value is looked up in the report's tables after
// disclosure control, the way main/reports/funders.ts fills the exported funder table; the mapping
// itself lives in shared/funder-mapping.ts.
import { useId } from 'react';
import { funderItems, funderSource, type FunderItem } from '../../../../shared/funder-mapping';
import type { Report } from '../../../../shared/schemas/reports';
import { useT } from '../../i18n/i18n';
import { cellText, tableTitle } from './reportWords';

export function FunderViews({ report }: { report: Report }) {
  const { t } = useT();
  const headingId = useId();
  const funders = [...new Set(funderItems.map((i) => i.funder))];
  return (
    <section aria-labelledby={headingId} className="funder-views">
      <h2 id={headingId}>{t('funder.title')}</h2>
      <p>{t('funder.intro')}</p>
      {funders.map((funder) => (
        <FunderTable key={funder} funder={funder} report={report} />
      ))}
    </section>
  );
}

function FunderTable({ funder, report }: { funder: FunderItem['funder']; report: Report }) {
  const i18n = useT();
  const { t, has } = i18n;
  const items = funderItems.filter((i) => i.funder === funder);
  return (
    <div className="table-scroll report-table">
      <table>
        <caption>{t('funder.caption', { funder })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('funder.item')}</th>
            <th scope="col">{t('funder.value')}</th>
            <th scope="col">{t('funder.source')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const { table, row } = funderSource(report.tables, item);
            const key = `funderItem.${item.table}.${item.row || 'all'}`;
            // A missing row is a zero, as in the exported funder table.
            const value = table && row ? cellText(i18n, table, row, item.column) || '0' : '0';
            return (
              <tr key={key}>
                <th scope="row">{has(key) ? t(key) : item.item[i18n.language]}</th>
                <td className="number">{value}</td>
                <td>{table ? tableTitle(i18n, table) : item.table}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
