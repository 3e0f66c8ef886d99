// renderer/: a plain data table, named by a heading (or its own caption), that scrolls sideways on
// narrow screens. Columns are a header and how to draw a row's cell; rows are keyed by the caller.
import type { ReactNode } from 'react';

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  className?: string;
  /** The header is read by screen readers only (an actions column). */
  hiddenHeader?: boolean;
  /** This column's cell names its row: drawn as a row header. */
  rowHeader?: boolean;
}

export function DataTable<R>(props: {
  labelledBy?: string;
  caption?: string;
  className?: string;
  columns: readonly (Column<R> | null)[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
}) {
  const columns = props.columns.filter((c): c is Column<R> => c !== null);
  return (
    <div className="table-scroll">
      <table aria-labelledby={props.labelledBy} className={props.className}>
        {props.caption === undefined ? null : <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={props.rowKey(row, i)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
