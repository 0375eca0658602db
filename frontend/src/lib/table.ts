// Small helpers for antd tables.
import type { TableProps } from 'antd';

/** How wide a table's columns are together (a column without a numeric width counts 100 px): its horizontal scroll width. */
export function columnsWidth<T>(columns: NonNullable<TableProps<T>['columns']>): number {
  return columns.reduce((n, c) => n + (typeof c.width === 'number' ? c.width : 100), 0);
}
