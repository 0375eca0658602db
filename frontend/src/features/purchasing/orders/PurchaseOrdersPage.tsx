// The purchase orders tab: orders to suppliers, newest first, filtered by status (default
// the ones still waiting for goods) and supplier; a row opens the order in a drawer, where it
// is received, costed, edited or cancelled.
import { useState } from 'react';
import { Button, Progress, Select, Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type PO } from '../../../lib/backend';
import { useViewportHeight } from '../../../lib/hooks';
import { formatMoney } from '../../../lib/money';
import { useSupplierEvents } from '../suppliers/api';
import { None, SupplierSelect } from '../suppliers/components/pickers';
import { usePOEvents, usePOs } from './api';
import { poStatuses } from './poForm';
import { PODrawer } from './components/PODrawer';
import { POFormDrawer } from './components/POFormDrawer';
import { StatusTag } from './components/StatusTag';
import { columnsWidth } from '../../../lib/table';

const statusFilters = ['pending', ...poStatuses, 'all'] as const;

export function PurchaseOrdersPage() {
  const { t, i18n } = useTranslation();
  usePOEvents();
  useSupplierEvents();
  const [status, setStatus] = useState<string>('pending');
  const [supplierId, setSupplierId] = useState<string>();
  const [detail, setDetail] = useState<{ open: boolean; id?: string }>({ open: false });
  const [formState, setFormState] = useState<{ open: boolean; id?: string }>({ open: false });
  const [highlight, setHighlight] = useState<string>();
  const list = usePOs({ status: status === 'all' ? '' : status, supplierId: supplierId ?? '' });
  const rows = list.data ?? [];
  const tableHeight = useViewportHeight(64 + 48 + 46 + 16 + 40 + 40 + 40);
  const f = (k: string) => t(`purchasing.po.fields.${k}`);

  const columns: NonNullable<TableProps<PO>['columns']> = [
    { title: f('number'), dataIndex: 'number', width: 140 },
    { title: f('supplier'), dataIndex: 'supplierName', width: 180, ellipsis: true, render: (v: string) => v || <None /> },
    { title: f('orderedAt'), dataIndex: 'orderedAt', width: 110 },
    { title: f('expectedAt'), dataIndex: 'expectedAt', width: 110, render: (v: string) => v || <None /> },
    { title: f('status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
    { title: f('total'), key: 'total', width: 130, align: 'right', render: (_, p) => formatMoney(p.total, p.currency, i18n.language) },
    {
      title: f('units'),
      key: 'units',
      width: 150,
      render: (_, p) => (
        <Tooltip title={t('purchasing.po.unitsTip', { received: p.received, ordered: p.ordered })}>
          <Space size={6} style={{ width: '100%' }}>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>
              {p.received} / {p.ordered}
            </Typography.Text>
            <Progress
              percent={p.ordered ? Math.min(100, Math.round((100 * p.received) / p.ordered)) : 0}
              size="small"
              showInfo={false}
              status={p.status === 'cancelled' ? 'exception' : undefined}
              style={{ width: 60, margin: 0 }}
            />
          </Space>
        </Tooltip>
      ),
    },
  ];
  const scrollX = columnsWidth(columns);

  return (
    <div data-testid="po-page">
      <div style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            data-testid="po-status-filter"
            style={{ width: 200 }}
            value={status}
            onChange={setStatus}
            options={statusFilters.map((s) => ({ value: s, label: t(`purchasing.po.filter.${s}`) }))}
          />
          <SupplierSelect
            testid="po-supplier-filter"
            allowClear
            placeholder={t('purchasing.po.filter.allSuppliers')}
            style={{ width: 220 }}
            value={supplierId}
            onChange={setSupplierId}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormState({ open: true })} data-testid="po-new">
          {t('purchasing.po.new')}
        </Button>
      </div>
      <Table<PO>
        data-testid="po-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: scrollX, y: tableHeight }}
        locale={{
          emptyText: list.isError
            ? errorText(t, list.error)
            : t(status === 'pending' && !supplierId ? 'purchasing.po.emptyPending' : 'purchasing.po.noMatch'),
        }}
        onRow={(p) =>
          ({
            onClick: () => {
              setHighlight(p.id);
              setDetail({ open: true, id: p.id });
            },
            style: { cursor: 'pointer', background: p.id === highlight ? '#fff1f0' : undefined },
            'data-testid': `po-row-${p.number}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Typography.Text type="secondary" data-testid="po-total" style={{ display: 'block', marginTop: 8 }}>
        {t('purchasing.po.total', { count: rows.length })}
      </Typography.Text>
      <PODrawer
        open={detail.open}
        poId={detail.id}
        onClose={() => setDetail({ open: false })}
        onEdit={(id) => {
          // the form takes the detail's place, and gives it back when it closes
          setDetail({ open: false, id });
          setFormState({ open: true, id });
        }}
      />
      <POFormDrawer
        open={formState.open}
        poId={formState.id}
        onClose={() => {
          if (formState.id) setDetail({ open: true, id: formState.id });
          setFormState({ open: false });
        }}
        onSaved={(d) => {
          setFormState({ open: false });
          setHighlight(d.id);
          setDetail({ open: true, id: d.id });
        }}
      />
    </div>
  );
}
