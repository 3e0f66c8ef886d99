// renderer/: the template of one kind of import: the header row to copy into the first row of the
// spreadsheet, and what each column takes. The same definition main checks files against.
import { useId } from 'react';
import { templates } from '../../../../shared/import-templates';
import type { ImportKind } from '../../../../shared/schemas/import';
import { useT } from '../../i18n/i18n';

export function ImportTemplate({ kind }: { kind: ImportKind }) {
  const { t, language } = useT();
  const headerId = useId();
  const tableId = useId();
  const columns = templates[kind];
  // Descriptions are English, like the column names and codes a file must use.
  const docLang = language === 'en' ? undefined : 'en';
  return (
    <details className="import-template">
      <summary>{t(`import.template.${kind}`)}</summary>
      <p>{t('import.templateExplain')}</p>
      <div className="field">
        <label htmlFor={headerId}>{t('import.headerRow')}</label>
        <input
          id={headerId}
          type="text"
          className="mono"
          readOnly
          value={columns.map((c) => c.name).join(',')}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
        />
      </div>
      <p id={tableId}>{t('import.columnsTitle')}</p>
      <div className="table-scroll">
        <table aria-labelledby={tableId}>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.filledIn')}</th>
              <th scope="col">{t('import.whatItTakes')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.required ? t('import.required') : t('import.optional')}</td>
                <td lang={docLang}>{c.doc}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
