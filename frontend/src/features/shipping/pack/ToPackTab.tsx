// Orders with goods left to pack, oldest first: the packer ticks the orders that go in one
// box (the same recipient's orders can be added in one click) and packs them in the pack form.
import { useMemo, useState } from 'react';
import { Button, Input, Space, Tag, Typography, type TableProps } from 'antd';
import { InboxOutlined, SearchOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type PackableOrder } from '../../../lib/backend';
import { useViewportHeight } from '../../../lib/hooks';
import { useReadyToPack } from '../api';
import { formatDay, isOverdue, matchesSearch, recipientKey } from '../packList';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { SelectableTable, useSelection } from '../components/SelectableTable';
import { PackDrawer } from './PackDrawer';

export function ToPackTab() {
  const { t } = useTranslation();
  const list = useReadyToPack();
  const [search, setSearch] = useState('');
  const [packing, setPacking] = useState<string[]>();
  const height = useViewportHeight(64 + 48 + 46 + 16 + 40 + 40 + 40);
  const f = (k: string) => t(`shipping.ui.fields.${k}`);
  const all = useMemo(() => list.data ?? [], [list.data]);
  const rows = useMemo(() => all.filter((o) => matchesSearch(o, search)), [all, search]);
  const [live, setSelected] = useSelection(all);

  // the same recipient's other orders, to put in the same box
  const sameRecipient = useMemo(() => {
    const ticked = new Set(live);
    const keys = new Set(all.filter((o) => ticked.has(o.id)).map(recipientKey));
    return all.filter((o) => !ticked.has(o.id) && keys.has(recipientKey(o))).map((o) => o.id);
  }, [all, live]);

  const columns: NonNullable<TableProps<PackableOrder>['columns']> = [
    { title: f('order'), dataIndex: 'number', width: 150, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: f('customer'), dataIndex: 'customer', width: 130, ellipsis: true, render: (v: string) => v || '—' },
    { title: f('recipient'), dataIndex: 'shipName', width: 110, ellipsis: true, render: (v: string) => v || '—' },
    {
      title: f('province'),
      key: 'province',
      width: 130,
      ellipsis: true,
      render: (_, o) => [o.province, o.city !== o.province ? o.city : ''].filter(Boolean).join(' ') || '—',
    },
    { title: f('orderStatus'), dataIndex: 'status', width: 100, render: (s: string) => <OrderStatusTag status={s} /> },
    {
      title: f('left'),
      dataIndex: 'left',
      width: 90,
      align: 'right',
      onCell: () => ({ 'data-testid': 'topack-left' }) as React.HTMLAttributes<HTMLElement>,
    },
    { title: f('orderedAt'), dataIndex: 'orderedAt', width: 110, render: (v: string) => formatDay(v) },
    {
      title: f('dueDate'),
      dataIndex: 'dueDate',
      width: 170,
      render: (v: string) =>
        !v ? (
          '—'
        ) : isOverdue(v) ? (
          <Space size={4} wrap={false}>
            <Typography.Text type="danger">{formatDay(v)}</Typography.Text>
            <Tag color="red">{t('shipping.ui.toPack.overdue')}</Tag>
          </Space>
        ) : (
          formatDay(v)
        ),
    },
    {
      title: '',
      key: 'act',
      width: 80,
      fixed: 'right',
      render: (_, o) => (
        <Button
          size="small"
          type="link"
          data-testid="topack-pack-one"
          onClick={(e) => {
            e.stopPropagation();
            setPacking([o.id]);
          }}
        >
          {t('shipping.ui.toPack.pack')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="topack-tab">
      <div style={{ marginBottom: 12, display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            data-testid="topack-search"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('shipping.ui.toPack.search')}
            style={{ width: 300 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {sameRecipient.length > 0 && (
            <Button
              icon={<UsergroupAddOutlined />}
              data-testid="topack-same-recipient"
              onClick={() => setSelected([...live, ...sameRecipient])}
            >
              {t('shipping.ui.toPack.sameRecipient', { count: sameRecipient.length })}
            </Button>
          )}
        </Space>
        <Button
          type="primary"
          icon={<InboxOutlined />}
          disabled={live.length === 0}
          onClick={() => setPacking(live)}
          data-testid="topack-pack"
        >
          {live.length > 0 ? t('shipping.ui.toPack.packCount', { count: live.length }) : t('shipping.ui.toPack.pack')}
        </Button>
      </div>
      <SelectableTable<PackableOrder>
        testid="topack-table"
        rows={rows}
        columns={columns}
        loading={list.isLoading}
        height={height}
        selected={live}
        onSelect={setSelected}
        emptyText={list.isError ? errorText(t, list.error) : t(search ? 'shipping.ui.toPack.noMatch' : 'shipping.ui.toPack.empty')}
        onRow={(o) => ({
          onClick: () => setSelected(live.includes(o.id) ? live.filter((id) => id !== o.id) : [...live, o.id]),
          'data-testid': `topack-row-${o.number}`,
        })}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="topack-total">
        {t('shipping.ui.toPack.total', { count: all.length, selected: live.length })}
      </Typography.Text>
      <PackDrawer
        orderIds={packing}
        onClose={() => setPacking(undefined)}
        onSaved={() => {
          setPacking(undefined);
          setSelected([]);
        }}
      />
    </div>
  );
}
