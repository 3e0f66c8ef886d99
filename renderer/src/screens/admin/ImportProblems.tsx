// renderer/: the problems a checked spreadsheet has, by the row number and column the spreadsheet
// program shows, so they can be found and fixed there. Main's messages never repeat a cell's contents.
import { useId } from 'react';
import type { ImportPreview } from '../../../../shared/schemas/import';
import { useT } from '../../i18n/i18n';

/** Main's name for a problem with the file as a whole rather than one column. */
const WHOLE_FILE = '(file)';

export function ImportProblems({ preview }: { preview: ImportPreview }) {
  const { t, language, formatNumber, fieldMessage } = useT();
  const tableId = useId();
  const count = preview.problemCount;
  return (
    <>
      <div className="message message-error">
        <p>{count === 1 ? t('import.problemsOne') : t('import.problemsMany', { count: formatNumber(count) })}</p>
        <p>{t('import.fixAndCheck')}</p>
      </div>
      <p>{preview.rowCount === 1 ? t('import.rowsFoundOne') : t('import.rowsFoundMany', { count: formatNumber(preview.rowCount) })}</p>
      <h4 id={tableId}>{t('import.problemsTitle')}</h4>
      {count > preview.problems.length ? <p>{t('import.problemsFirst', { shown: formatNumber(preview.problems.length), count: formatNumber(count) })}</p> : null}
      <div className="table-scroll">
        <table aria-labelledby={tableId}>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.map((p, i) => {
              const message = fieldMessage(p.message);
              return (
                // Two problems can share a row and column; their place in main's list keeps them apart.
                <tr key={`${p.row}-${p.column}-${i}`}>
                  <td>{p.row}</td>
                  <td className="break">{p.column === WHOLE_FILE ? t('import.wholeFile') : <code>{p.column}</code>}</td>
                  {/* Untranslated messages are main's English; say so, for screen readers. */}
                  <td lang={message === p.message && language !== 'en' ? 'en' : undefined}>{message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
