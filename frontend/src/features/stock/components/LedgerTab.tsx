// The stock ledger: every move, newest first, paged from the server into a virtual table.
import { useMemo, useState } from 'react';
import { Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { LocationSelect } from '../../../components/LocationSelect';
import { errorText, type StockMove } from '../../../lib/backend';
import { useViewportHeight, fetchMoreOnScroll } from '../../../lib/hooks';
import { formatMoney } from '../../../lib/money';
import { useMoves } from '../api';
import { columnsWidth } from '../../../lib/table';

export const moveKinds = ['receive', 'adjust', 'transfer_out', 'transfer_in', 'count', 'reserve', 'release', 'ship', 'return'];
const kindColors: Record<string, string> = {
  receive: 'green', return: 'green', ship: 'blue', adjust: 'orange', count: 'purple',
  transfer_in: 'cyan', transfer_out: 'cyan', reserve: 'gold', release: 'default',
};

export function formatTime(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? rfc3339 : d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

export function LedgerTab() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<string>();
  const [locationId, setLocationId] = useState<string>();
  const moves = useMoves({ productId: '', locationId: locationId ?? '', kind: kind ?? '' });
  const rows = useMemo(() => moves.data?.pages.flatMap((p) => p.items) ?? [], [moves.data]);
  const total = moves.data?.pages[0]?.total ?? 0;
  const height = useViewportHeight(64 + 48 + 56 + 46 + 56 + 40 + 40);
  const locale = i18n.language;

  const onScroll = fetchMoreOnScroll(moves);

  const columns: NonNullable<TableProps<StockMove>['columns']> = [
    { title: t('stock.fields.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v, locale) },
    {
      title: t('stock.fields.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: string) => <Tag color={kindColors[k]}>{t(`stock.kinds.${k}`, { defaultValue: k })}</Tag>,
    },
    { title: t('stock.fields.product'), dataIndex: 'productName', width: 220, ellipsis: true },
    { title: t('stock.fields.sku'), dataIndex: 'sku', width: 130, ellipsis: true },
    { title: t('stock.fields.location'), dataIndex: 'locationName', width: 130, ellipsis: true },
    { title: t('stock.fields.batch'), dataIndex: 'batchCode', width: 100, ellipsis: true },
    { title: t('stock.fields.qty'), dataIndex: 'qty', width: 80, align: 'right', render: (q: number) => (q > 0 ? `+${q}` : q || '') },
    { title: t('stock.fields.reserved'), dataIndex: 'reserved', width: 80, align: 'right', render: (q: number) => (q > 0 ? `+${q}` : q || '') },
    {
      title: t('stock.fields.unitCost'),
      width: 110,
      align: 'right',
      render: (_, m) => (m.unitCost ? formatMoney(m.unitCost, m.costCurrency, locale) : ''),
    },
    {
      title: t('stock.fields.reason'),
      width: 200,
      ellipsis: true,
      render: (_, m) => {
        const reason = m.kind === 'adjust' && m.reason ? t(`stock.reasons.${m.reason}`, { defaultValue: m.reason }) : '';
        return [reason, m.note].filter(Boolean).join(' · ');
      },
    },
    { title: t('stock.fields.device'), dataIndex: 'device', width: 110, ellipsis: true },
  ];
  const scrollX = columnsWidth(columns);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="ledger-kind"
          allowClear
          placeholder={t('stock.allKinds')}
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={moveKinds.map((k) => ({ value: k, label: t(`stock.kinds.${k}`) }))}
        />
        <LocationSelect testid="ledger-location" allowClear value={locationId} onChange={setLocationId} placeholder={t('stock.allLocations')} style={{ width: 220 }} />
      </Space>
      <Table<StockMove>
        data-testid="ledger-table"
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={moves.isLoading}
        pagination={false}
        scroll={{ x: scrollX, y: height }}
        onScroll={onScroll}
        locale={{ emptyText: moves.isError ? errorText(t, moves.error) : t('stock.noMoves') }}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('stock.movesTotal', { count: total, loaded: rows.length })}
      </Typography.Text>
    </>
  );
}
