// One virtual-scrolling table of orders, paged from the server as the user scrolls (the work
// queue and the full history both use it).
import type { UIEvent } from 'react';
import { Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../lib/backend';
import { formatMoney } from '../../../lib/money';
import { formatDate, orderErrorText, priorityColor } from '../format';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { nearEnd } from '../../../lib/hooks';
import { columnsWidth } from '../../../lib/table';

type SortOrder = 'ascend' | 'descend' | null;
export type OrderSortKey = 'ordered' | 'number' | 'total' | 'due' | 'priority';
export type OrderSort = { key: OrderSortKey; desc: boolean } | undefined;

export function PriorityTag({ priority }: { priority: string }) {
  const { t } = useTranslation();
  if (!priority) return null;
  return (
    <Tag color={priorityColor(priority)} bordered={priority !== 'normal'}>
      {t(`orders.priority.${priority}`, { defaultValue: priority })}
    </Tag>
  );
}

interface Props {
  testid: string;
  rows: Order[];
  loading: boolean;
  error?: unknown;
  height: number;
  sort?: OrderSort;
  onSort?: (s: OrderSort) => void;
  hasMore: boolean;
  fetchingMore: boolean;
  onMore: () => void;
  onOpen: (id: string) => void;
  selectedId?: string;
  showDue?: boolean;
}

export function OrderTable({ testid, rows, loading, error, height, sort, onSort, hasMore, fetchingMore, onMore, onOpen, selectedId, showDue }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;

  const sortable = (key: OrderSortKey) => {
    const order: SortOrder = sort?.key === key ? (sort.desc ? 'descend' : 'ascend') : null;
    return onSort ? { key, sorter: true, showSorterTooltip: false, sortOrder: order } : { key };
  };

  const columns: NonNullable<TableProps<Order>['columns']> = [
    {
      title: t('orders.fields.number'),
      dataIndex: 'number',
      width: 120,
      ...sortable('number'),
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('orders.fields.channel'),
      key: 'channel',
      width: 150,
      ellipsis: true,
      render: (_, o) => (
        <span>
          {t(`orders.channel.${o.channel}`, { defaultValue: o.channel })}
          {o.channelOrderNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {o.channelOrderNo}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('orders.fields.customer'),
      key: 'customer',
      width: 160,
      ellipsis: true,
      render: (_, o) => (
        <span>
          {o.customerName || <Typography.Text type="secondary">{t('orders.notSynced')}</Typography.Text>}
          {o.shipName && o.shipName !== o.customerName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' → '}
              {o.shipName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('orders.fields.status'), dataIndex: 'status', width: 90, render: (s: string) => <OrderStatusTag status={s} /> },
    {
      title: t('orders.fields.total'),
      width: 110,
      align: 'right',
      ...sortable('total'),
      render: (_, o) => formatMoney(o.total, o.currency, locale),
    },
    { title: t('orders.fields.paid'), width: 100, align: 'right', key: 'paid', render: (_, o) => formatMoney(o.paid, o.currency, locale) },
    {
      title: t('orders.fields.balanceDue'),
      width: 100,
      align: 'right',
      key: 'balance',
      render: (_, o) => (
        <Typography.Text type={o.balanceDue > 0 && o.status !== 'cancelled' ? 'danger' : 'secondary'}>
          {formatMoney(o.balanceDue, o.currency, locale)}
        </Typography.Text>
      ),
    },
    {
      title: t('orders.fields.priority'),
      width: 80,
      ...sortable('priority'),
      render: (_, o) => <PriorityTag priority={o.effPriority} />,
    },
    ...(showDue
      ? [
          {
            title: t('orders.fields.dueDate'),
            width: 110,
            ...sortable('due'),
            render: (_: unknown, o: Order) => formatDate(o.dueDate, locale),
          },
        ]
      : []),
    {
      title: t('orders.fields.orderedAt'),
      width: 100,
      ...sortable('ordered'),
      render: (_, o) => formatDate(o.orderedAt, locale),
    },
  ];
  const scrollX = columnsWidth(columns);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    if (nearEnd(e) && hasMore && !fetchingMore) onMore();
  };

  return (
    <Table<Order>
      data-testid={testid}
      virtual
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: scrollX, y: height }}
      onScroll={onScroll}
      locale={{ emptyText: error ? orderErrorText(t, error) : t('orders.empty') }}
      onChange={(_p, _f, sorter) => {
        if (!onSort) return;
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        if (!s?.order || !s.columnKey) onSort(undefined);
        else onSort({ key: s.columnKey as OrderSortKey, desc: s.order === 'descend' });
      }}
      onRow={(o) =>
        ({
          onClick: () => onOpen(o.id),
          style: { cursor: 'pointer', background: o.id === selectedId ? '#fff1f0' : undefined },
          'data-testid': `order-row-${o.number}`,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
