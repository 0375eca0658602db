// The shipping lists' table (orders to pack, parcels): virtual-scrolling rows with a tick box
// each, every row clickable, as wide as its columns. useSelection keeps the ticks that are
// still in the list (a row that left it, e.g. packed or filtered away, is no longer ticked).
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import { columnsWidth } from '../../../lib/table';

/** The ticked ids still among rows (in tick order), and the setter of the ticks. */
export function useSelection(rows: readonly { id: string }[]) {
  const [selected, setSelected] = useState<string[]>([]);
  const live = useMemo(() => {
    const ids = new Set(rows.map((r) => r.id));
    return selected.filter((id) => ids.has(id));
  }, [rows, selected]);
  return [live, setSelected] as const;
}

export function SelectableTable<T extends { id: string }>({
  testid,
  rows,
  columns,
  loading,
  height,
  selected,
  onSelect,
  emptyText,
  onRow,
}: {
  testid: string;
  rows: readonly T[];
  columns: NonNullable<TableProps<T>['columns']>;
  loading: boolean;
  height: number;
  selected: string[];
  onSelect: (ids: string[]) => void;
  emptyText: ReactNode;
  /** the row's click, test id and style (a pointer cursor is added) */
  onRow: (row: T) => HTMLAttributes<HTMLElement> & { 'data-testid': string };
}) {
  const scrollX = columnsWidth(columns) + 32;
  return (
    <Table<T>
      data-testid={testid}
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      virtual
      scroll={{ x: scrollX, y: height }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]), columnWidth: 32 }}
      locale={{ emptyText }}
      onRow={(r) => {
        const attrs = onRow(r);
        return { ...attrs, style: { cursor: 'pointer', ...attrs.style } } as HTMLAttributes<HTMLElement>;
      }}
    />
  );
}
