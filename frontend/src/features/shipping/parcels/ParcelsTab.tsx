// Every parcel, newest packed first, filtered by state in SQLite (waiting for a label first: the
// packer's next job) and searched by parcel, tracking or order number or recipient. Ticked
// parcels get their labels or packing slips printed into one PDF; a row opens the parcel.
import { useMemo, useState } from 'react';
import { Input, Segmented, Space, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type ParcelRow } from '../../../lib/backend';
import { useDebounced, useViewportHeight } from '../../../lib/hooks';
import { formatMoney } from '../../../lib/money';
import { absoluteTime } from '../../../lib/time';
import { useParcels } from '../api';
import { carrierService, isProblem, localName, parcelFilters, weightText, type ParcelFilterKey } from '../format';
import { shortDay } from '../packList';
import { ParcelStatusTag, TrackingNo } from '../components/pickers';
import { SelectableTable, useSelection } from '../components/SelectableTable';
import { ParcelDrawer } from './ParcelDrawer';
import { PrintBar } from './PrintBar';

/** The newest parcels the list shows; filters and search reach the rest. */
const listLimit = 500;

export function ParcelsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [status, setStatus] = useState<ParcelFilterKey>('waiting');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const list = useParcels({ status, search: query, orderId: '', ids: [], limit: listLimit });
  const [openId, setOpenId] = useState<string>();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const height = useViewportHeight(64 + 48 + 46 + 16 + 40 + 48 + 40 + 40 + 40);
  const rows = useMemo(() => list.data ?? [], [list.data]);
  const [live, setSelected] = useSelection(rows);
  const f = (k: string) => t(`shipping.ui.parcels.fields.${k}`);

  const date = (v: string) =>
    v ? (
      <Tooltip title={absoluteTime(v)}>
        <span>{shortDay(v)}</span>
      </Tooltip>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const columns: NonNullable<TableProps<ParcelRow>['columns']> = [
    { title: f('number'), dataIndex: 'number', width: 118, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: f('status'),
      key: 'status',
      width: 104,
      render: (_, r) => (
        <Space size={4} wrap>
          <ParcelStatusTag status={r.status} />
          {r.late && (
            <Tag color="red" data-testid="parcel-late" style={{ marginInlineEnd: 0 }}>
              {t('shipping.ui.parcels.late')}
            </Tag>
          )}
          {r.problems > 0 && !isProblem(r.status) && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('shipping.ui.parcels.problems', { count: r.problems })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      // the service's name usually says the carrier ("顺丰标快", "EMS 标准快递"): both in the tooltip
      title: f('service'),
      key: 'carrier',
      width: 120,
      ellipsis: { showTitle: false },
      render: (_, r) =>
        r.carrier || r.service ? (
          <Tooltip title={carrierService(r, lang)}>
            <span>{localName(r.service, r.serviceEn, lang) || localName(r.carrier, r.carrierEn, lang)}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: f('tracking'),
      dataIndex: 'trackingNo',
      width: 150,
      ellipsis: true,
      render: (no: string, r) => <TrackingNo no={no} urlTemplate={r.trackingUrl} testid="parcel-tracking" />,
    },
    { title: f('recipient'), dataIndex: 'shipName', width: 76, ellipsis: true },
    { title: f('province'), dataIndex: 'province', width: 60, ellipsis: true },
    {
      title: f('orders'),
      dataIndex: 'orders',
      width: 112,
      ellipsis: true,
      render: (o: string[]) => <Tooltip title={o.join(t('common.listSeparator'))}>{o.join(t('common.listSeparator'))}</Tooltip>,
    },
    { title: f('weight'), dataIndex: 'weightG', width: 66, align: 'right', render: (g: number) => weightText(g) },
    {
      title: f('freight'),
      key: 'freight',
      width: 80,
      align: 'right',
      render: (_, r) => (r.freight ? formatMoney(r.freight, r.freightCurrency, lang) : '—'),
    },
    { title: f('packedAt'), dataIndex: 'packedAt', width: 76, render: date },
    { title: f('shippedAt'), dataIndex: 'shippedAt', width: 76, render: date },
    { title: f('deliveredAt'), dataIndex: 'deliveredAt', width: 76, render: date },
  ];

  return (
    <div data-testid="parcels-tab">
      <div style={{ marginBottom: 12, display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Segmented<ParcelFilterKey>
          data-testid="parcel-filter"
          value={status}
          onChange={(v) => {
            setStatus(v);
            setSelected([]);
          }}
          options={parcelFilters.map((k) => ({
            value: k,
            label: <span data-testid={`parcel-filter-${k || 'all'}`}>{t(`shipping.ui.filter.${k || 'all'}`)}</span>,
          }))}
        />
        <Input
          data-testid="parcel-search"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('shipping.ui.parcels.search')}
          style={{ width: 300 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <PrintBar selectedIds={live} waitingAll={status === 'waiting' && !query ? rows.length : 0} />
      <SelectableTable<ParcelRow>
        testid="parcel-table"
        rows={rows}
        columns={columns}
        loading={list.isLoading}
        height={height}
        selected={live}
        onSelect={setSelected}
        emptyText={
          list.isError
            ? errorText(t, list.error)
            : t(query ? 'shipping.ui.parcels.noMatch' : status === 'waiting' ? 'shipping.ui.parcels.noneWaiting' : 'shipping.ui.parcels.empty')
        }
        onRow={(r) => ({
          onClick: () => {
            setOpenId(r.id);
            setDrawerOpen(true);
          },
          style: { background: r.id === openId && drawerOpen ? '#fff1f0' : undefined },
          'data-testid': `parcel-row-${r.number}`,
        })}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="parcel-total">
        {t(rows.length >= listLimit ? 'shipping.ui.parcels.capped' : 'shipping.ui.parcels.total', { count: rows.length, selected: live.length })}
      </Typography.Text>
      <ParcelDrawer parcelId={openId} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
    </div>
  );
}
