// The customer list: every customer in one virtual-scrolling table, paged from the server as the
// user scrolls, searched (name, phone, WeChat, …) and filtered by tag in SQLite.
import { useMemo, useRef, useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography, type InputRef, type TableProps } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Customer } from '../../lib/backend';
import { useDebounced, useViewportHeight, fetchMoreOnScroll } from '../../lib/hooks';
import { useCustomerEvents, useCustomers, useTags } from './api';
import { CustomerDrawer } from './components/CustomerDrawer';
import { columnsWidth } from '../../lib/table';

type SortKey = 'name' | 'created';

export function CustomersPage() {
  const { t } = useTranslation();
  useCustomerEvents();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [tag, setTag] = useState<string>();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean } | undefined>();
  const [drawer, setDrawer] = useState<{ open: boolean; id?: string }>({ open: false });
  const [highlight, setHighlight] = useState<string>();
  const searchRef = useRef<InputRef>(null);

  const list = useCustomers({ query, tag: tag ?? '', sort: sort?.key ?? 'name', desc: sort?.desc ?? false });
  const tags = useTags();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const tableHeight = useViewportHeight(64 + 48 + 56 + 16 + 40 + 40);

  const onScroll = fetchMoreOnScroll(list);
  const sortOrder = (key: SortKey) => (sort?.key === key ? (sort.desc ? 'descend' : 'ascend') : null);

  const columns: NonNullable<TableProps<Customer>['columns']> = [
    { title: t('customers.fields.name'), dataIndex: 'name', key: 'name', width: 160, ellipsis: true, sorter: true, sortOrder: sortOrder('name'), showSorterTooltip: false },
    { title: t('customers.fields.phone'), dataIndex: 'phone', width: 140 },
    { title: t('customers.fields.wechat'), dataIndex: 'wechat', width: 140, ellipsis: true },
    { title: t('customers.fields.xiaohongshu'), dataIndex: 'xiaohongshu', width: 140, ellipsis: true },
    { title: t('customers.fields.taobao'), dataIndex: 'taobao', width: 120, ellipsis: true },
    {
      title: t('customers.fields.idNumber'),
      key: 'idNumber',
      width: 100,
      render: (_, c) => (c.idNumber ? <Tag color="green">{t('customers.idOnFile')}</Tag> : null),
    },
    {
      title: t('customers.fields.tags'),
      key: 'tags',
      width: 200,
      render: (_, c) => (
        <div style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {c.tags.map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
        </div>
      ),
    },
    {
      title: t('customers.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'created',
      width: 110,
      sorter: true,
      sortOrder: sortOrder('created'),
      showSorterTooltip: false,
      render: (v: string) => (v ? v.slice(0, 10) : ''),
    },
  ];
  const scrollX = columnsWidth(columns);

  return (
    <div data-testid="customers-page">
      <div style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            ref={searchRef}
            data-testid="customer-search"
            allowClear
            autoFocus
            prefix={<SearchOutlined />}
            placeholder={t('customers.searchPlaceholder')}
            style={{ width: 340 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Select
            data-testid="customer-tag-filter"
            allowClear
            showSearch
            placeholder={t('customers.allTags')}
            style={{ width: 180 }}
            value={tag}
            onChange={setTag}
            options={(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="customer-new">
          {t('customers.new')}
        </Button>
      </div>
      <Table<Customer>
        data-testid="customer-table"
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: scrollX, y: tableHeight }}
        onScroll={onScroll}
        locale={{ emptyText: list.isError ? errorText(t, list.error) : t('customers.empty') }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (!s?.order || !s.columnKey) setSort(undefined);
          else setSort({ key: s.columnKey as SortKey, desc: s.order === 'descend' });
        }}
        onRow={(c) =>
          ({
            onClick: () => {
              setHighlight(c.id);
              setDrawer({ open: true, id: c.id });
            },
            style: { cursor: 'pointer', background: c.id === highlight ? '#fff1f0' : undefined },
            'data-testid': `customer-row-${c.id}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Typography.Text type="secondary" data-testid="customer-total" style={{ display: 'block', marginTop: 8 }}>
        {t('customers.total', { count: total, loaded: rows.length })}
        {list.isFetchingNextPage ? ` · ${t('common.loadingMore')}` : ''}
      </Typography.Text>
      <CustomerDrawer
        open={drawer.open}
        customerId={drawer.id}
        onCreated={(id) => setDrawer({ open: true, id })}
        onClose={() => {
          setDrawer({ open: false });
          searchRef.current?.focus();
        }}
      />
    </div>
  );
}
