// renderer/: a plain data table, named by a heading (or its own caption), that scrolls sideways on
// narrow screens. Columns are a header and how to draw a row's cell; rows are keyed by the caller.
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

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
  const scroller = useRef<HTMLDivElement>(null);
  const overflows = useOverflow(scroller);
  // A table wider than the window (narrow windows, 200% zoom) scrolls sideways; keyboard users reach
  // its hidden columns by focusing it and using the arrow keys, so it is a named stop (a group named
  // as the table) only then.
  const scrollStop = overflows ? { tabIndex: 0, role: 'group', 'aria-labelledby': props.labelledBy, 'aria-label': props.labelledBy ? undefined : props.caption } : {};
  return (
    <div className="table-scroll" ref={scroller} {...scrollStop}>
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

/** Whether the element is wider inside than it shows (rechecked when it or its content resizes). */
function useOverflow(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
