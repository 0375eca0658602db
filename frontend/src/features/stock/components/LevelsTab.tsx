// Stock levels per product × location × batch, paged from the server into a virtual table.
import { useMemo, useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LocationSelect } from '../../../components/LocationSelect';
import { errorText, type LevelRow, type Product } from '../../../lib/backend';
import { useDebounced, useViewportHeight, fetchMoreOnScroll } from '../../../lib/hooks';
import { useLevels, useZones } from '../api';
import type { ActionPrefill } from './ActionModals';
import { columnsWidth } from '../../../lib/table';

type SortKey = 'product' | 'sku' | 'location' | 'onHand' | 'available' | 'expiry';
type SortOrder = 'ascend' | 'descend' | null;

export function rowPrefill(r: LevelRow): ActionPrefill {
  const product = { id: r.productId, sku: r.sku, nameZh: r.productName, nameOrig: '' } as unknown as Product;
  return { productId: r.productId, product, locationId: r.locationId, batchId: r.batchId };
}

export function LevelsTab({ onAction }: { onAction: (kind: 'adjust' | 'transfer', prefill: ActionPrefill) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [zoneId, setZoneId] = useState<string>();
  const [locationId, setLocationId] = useState<string>();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>();
  const zones = useZones();
  const levels = useLevels({
    productId: '',
    query,
    zoneId: zoneId ?? '',
    locationId: locationId ?? '',
    sort: sort?.key ?? 'product',
    desc: sort?.desc ?? false,
  });
  const rows = useMemo(() => levels.data?.pages.flatMap((p) => p.items) ?? [], [levels.data]);
  const total = levels.data?.pages[0]?.total ?? 0;
  const height = useViewportHeight(64 + 48 + 56 + 46 + 56 + 40 + 40);

  const onScroll = fetchMoreOnScroll(levels);
  const sortable = (key: SortKey) => ({
    key,
    sorter: true,
    showSorterTooltip: false,
    sortOrder: (sort?.key === key ? (sort.desc ? 'descend' : 'ascend') : null) as SortOrder,
  });
  const today = new Date().toISOString().slice(0, 10);

  const columns: NonNullable<TableProps<LevelRow>['columns']> = [
    { title: t('stock.fields.product'), dataIndex: 'productName', width: 240, ellipsis: true, ...sortable('product') },
    { title: t('stock.fields.sku'), dataIndex: 'sku', width: 140, ellipsis: true, ...sortable('sku') },
    { title: t('stock.fields.location'), width: 200, ellipsis: true, ...sortable('location'), render: (_, r) => `${r.zoneName} / ${r.locationName}` },
    { title: t('stock.fields.batch'), dataIndex: 'batchCode', width: 110, ellipsis: true },
    {
      title: t('stock.fields.expiry'),
      dataIndex: 'expiry',
      width: 120,
      ...sortable('expiry'),
      render: (v: string) => (v && v < today ? <Tag color="red">{v}</Tag> : v),
    },
    { title: t('stock.fields.onHand'), dataIndex: 'onHand', width: 90, align: 'right', ...sortable('onHand') },
    { title: t('stock.fields.reserved'), dataIndex: 'reserved', width: 90, align: 'right' },
    { title: t('stock.fields.available'), dataIndex: 'available', width: 90, align: 'right', ...sortable('available') },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_, r) => (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => onAction('adjust', rowPrefill(r))}>
            {t('stock.actions.adjust')}
          </Button>
          <Button size="small" type="link" onClick={() => onAction('transfer', rowPrefill(r))}>
            {t('stock.actions.transfer')}
          </Button>
        </Space>
      ),
    },
  ];
  const scrollX = columnsWidth(columns);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          data-testid="levels-search"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('stock.searchPlaceholder')}
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          data-testid="levels-zone"
          allowClear
          placeholder={t('stock.allZones')}
          style={{ width: 160 }}
          value={zoneId}
          onChange={(z) => {
            setZoneId(z);
            setLocationId(undefined);
          }}
          options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.name }))}
        />
        <LocationSelect
          testid="levels-location"
          allowClear
          zoneId={zoneId}
          value={locationId}
          onChange={setLocationId}
          placeholder={t('stock.allLocations')}
          style={{ width: 220 }}
        />
      </Space>
      <Table<LevelRow>
        data-testid="levels-table"
        virtual
        size="small"
        rowKey={(r) => `${r.productId}/${r.locationId}/${r.batchId}`}
        columns={columns}
        dataSource={rows}
        loading={levels.isLoading}
        pagination={false}
        scroll={{ x: scrollX, y: height }}
        onScroll={onScroll}
        locale={{ emptyText: levels.isError ? errorText(t, levels.error) : t('stock.noLevels') }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (!s?.order || !s.columnKey) setSort(undefined);
          else setSort({ key: s.columnKey as SortKey, desc: s.order === 'descend' });
        }}
        onRow={(r) => ({ 'data-testid': `level-row-${r.sku}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="levels-total">
        {t('stock.levelsTotal', { count: total, loaded: rows.length })}
      </Typography.Text>
    </>
  );
}
