import { useEffect, useRef, useState, type ReactNode } from 'react';

/** One column of a DataTable. */
export interface Column<T> {
  header: string;
  render: (row: T) => ReactNode;
  /** Extra class for the cells (e.g. "num", "nowrap"). */
  className?: string;
  /** Hide the header label on stacked phone cards (action columns). */
  hideLabelWhenStacked?: boolean;
}

interface DataTableProps<T> {
  /** Read by screen readers; describes the table. */
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Dims the table while newer rows load. */
  busy?: boolean;
}

/**
 * A table that becomes a list of stacked cards on narrow screens (each cell labelled by its header),
 * so nothing scrolls sideways on a phone.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, busy }: DataTableProps<T>) {
  const wrap = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = wrap.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [rows, columns]);
  return (
    <div
      ref={wrap}
      className={busy ? 'table-wrap is-busy' : 'table-wrap'}
      aria-busy={busy || undefined}
      // Only a wrapper that scrolls sideways takes focus, so a keyboard user can scroll it (and no other adds a tab stop).
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'group' : undefined}
      aria-label={scrolls ? caption : undefined}
    >
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td
                  key={c.header}
                  className={c.className}
                  data-label={c.hideLabelWhenStacked ? undefined : c.header}
                >
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
