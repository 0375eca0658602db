// The orders area: the work queue (open orders, most pressing first), every order over the
// whole history (virtual scrolling, paged, sorted and filtered in SQLite), and the order
// rules. N (or the button) opens quick order entry; a row opens the order's drawer. Everything
// refetches when the backend reports a change, including changes synced from other laptops.
// /orders/import is the import of a channel's order export (import/OrderImportPage); it comes
// back here with {tab, channel} in the location state to show what it imported.
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, DatePicker, Input, Select, Space, Tabs, Typography } from 'antd';
import { ImportOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton';
import { OrderImport } from '../../lib/backend';
import { useDebounced, useViewportHeight } from '../../lib/hooks';
import { useOrderEvents, useOrders, useWorkQueue, type ListFilter } from './api';
import { channels, priorities, statuses } from './format';
import { OrderDrawer } from './components/OrderDrawer';
import { OrderTable, type OrderSort } from './components/OrderTable';
import { CustomerPicker } from './components/pickers';
import { QuickOrderModal } from './components/QuickOrderModal';
import { RulesPanel } from './components/RulesPanel';
import { OrderImportPage } from './import/OrderImportPage';
import { usePendingFiles } from './import/api';

/** True when a key press belongs to a text field, a select or an open dialog, not to the page. */
function typingTarget(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  if (el.closest('input, textarea, select, [contenteditable="true"], .ant-select, .ant-modal, .ant-drawer')) return true;
  return document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal') !== null;
}

export function OrdersPage() {
  return (
    <Routes>
      <Route path="import" element={<OrderImportPage />} />
      <Route path="*" element={<OrdersHome />} />
    </Routes>
  );
}

/** What another screen asks the orders page to show when it navigates here. */
interface OrdersState {
  tab?: string;
  channel?: string;
  /** an order to open in its drawer (a parcel's order, from shipping) */
  openOrderId?: string;
}

function OrdersHome() {
  const { t } = useTranslation();
  useOrderEvents();
  const navigate = useNavigate();
  const location = useLocation();
  const asked = (location.state ?? {}) as OrdersState;
  const pending = usePendingFiles();
  const [tab, setTab] = useState(asked.tab ?? 'queue');
  const [openId, setOpenId] = useState<string>();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const open = (id: string) => {
    setOpenId(id);
    setDrawerOpen(true);
  };
  const [quick, setQuick] = useState(false);

  useEffect(() => {
    if (asked.openOrderId) open(asked.openOrderId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey && !e.altKey && !typingTarget(e) && !drawerOpen) {
        e.preventDefault();
        setQuick(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawerOpen]);

  return (
    <div data-testid="orders-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={
          <Space>
            <Badge count={pending.data?.length ?? 0} size="small" title={t('orderImport.pendingBadge')}>
              <Button icon={<ImportOutlined />} onClick={() => navigate('/orders/import')} data-testid="order-import">
                {t('orderImport.title')}
              </Button>
            </Badge>
            <ExportButton testId="orders-export" run={(format) => OrderImport.ExportOrdersAs(format)} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setQuick(true)} data-testid="order-new">
              {t('orders.new')} <Typography.Text keyboard style={{ color: 'inherit', marginInlineStart: 4 }}>N</Typography.Text>
            </Button>
          </Space>
        }
        items={[
          { key: 'queue', label: t('orders.tabs.queue'), children: <QueueTab onOpen={open} selectedId={openId} /> },
          { key: 'all', label: t('orders.tabs.all'), children: <AllTab onOpen={open} selectedId={openId} initialChannel={asked.channel} /> },
          { key: 'rules', label: t('orders.tabs.rules'), children: <RulesPanel /> },
        ]}
      />
      <OrderDrawer orderId={openId} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
      <QuickOrderModal
        open={quick}
        onClose={() => setQuick(false)}
        onDone={(d) => {
          setQuick(false);
          open(d.order.id);
        }}
      />
    </div>
  );
}

function QueueTab({ onOpen, selectedId }: { onOpen: (id: string) => void; selectedId?: string }) {
  const { t } = useTranslation();
  const queue = useWorkQueue();
  const rows = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  const total = queue.data?.pages[0]?.total ?? 0;
  const height = useViewportHeight(64 + 48 + 46 + 16 + 40 + 40 + 16);
  return (
    <>
      <OrderTable
        testid="queue-table"
        rows={rows}
        loading={queue.isLoading}
        error={queue.error}
        height={height}
        hasMore={!!queue.hasNextPage}
        fetchingMore={queue.isFetchingNextPage}
        onMore={() => void queue.fetchNextPage()}
        onOpen={onOpen}
        selectedId={selectedId}
        showDue
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="queue-total">
        {t('orders.queueTotal', { count: total, loaded: rows.length })}
      </Typography.Text>
    </>
  );
}

function AllTab({ onOpen, selectedId, initialChannel }: { onOpen: (id: string) => void; selectedId?: string; initialChannel?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [status, setStatus] = useState<string[]>([]);
  const [channel, setChannel] = useState<string | undefined>(initialChannel);
  const [priority, setPriority] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [customerId, setCustomerId] = useState<string>();
  const [sort, setSort] = useState<OrderSort>();

  const filter: ListFilter = {
    statuses: status, channel: channel ?? '', priority: priority ?? '', customerId: customerId ?? '', query, open: false,
    from: range?.[0]?.format('YYYY-MM-DD') ?? '', to: range?.[1]?.format('YYYY-MM-DD') ?? '',
    sort: sort?.key ?? 'ordered', desc: sort ? sort.desc : true,
  };
  const list = useOrders(filter);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const height = useViewportHeight(64 + 48 + 46 + 48 + 16 + 40 + 40 + 16);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          data-testid="order-search"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('orders.searchPlaceholder')}
          style={{ width: 200 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          data-testid="order-status-filter"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('orders.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={statuses.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
        />
        <Select
          data-testid="order-channel-filter"
          allowClear
          placeholder={t('orders.allChannels')}
          style={{ width: 110 }}
          value={channel}
          onChange={setChannel}
          options={channels.map((c) => ({ value: c, label: t(`orders.channel.${c}`) }))}
        />
        <Select
          data-testid="order-priority-filter"
          allowClear
          placeholder={t('orders.allPriorities')}
          style={{ width: 110 }}
          value={priority}
          onChange={setPriority}
          options={priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))}
        />
        <DatePicker.RangePicker data-testid="order-date-filter" value={range} onChange={(v) => setRange(v)} style={{ width: 230 }} />
        <CustomerPicker
          testid="order-customer-filter"
          style={{ width: 160 }}
          value={customerId}
          placeholder={t('orders.allCustomers')}
          onChange={(id) => setCustomerId(id)}
        />
      </Space>
      <OrderTable
        testid="order-table"
        rows={rows}
        loading={list.isLoading}
        error={list.error}
        height={height}
        sort={sort}
        onSort={setSort}
        hasMore={!!list.hasNextPage}
        fetchingMore={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        onOpen={onOpen}
        selectedId={selectedId}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="order-total">
        {t('orders.total', { count: total, loaded: rows.length })}
        {list.isFetchingNextPage ? ` · ${t('common.loadingMore')}` : ''}
      </Typography.Text>
    </>
  );
}
