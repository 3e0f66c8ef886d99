// renderer/: a plain data table, named by a heading, that scrolls sideways on narrow screens. Columns
// are a header and how to draw a row's cell; rows are keyed by the caller.
import type { ReactNode } from 'react';

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  className?: string;
}

export function DataTable<R>(props: { labelledBy: string; columns: readonly (Column<R> | null)[]; rows: readonly R[]; rowKey: (row: R, index: number) => string | number }) {
  const columns = props.columns.filter((c): c is Column<R> => c !== null);
  return (
    <div className="table-scroll">
      <table aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={props.rowKey(row, i)}>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
