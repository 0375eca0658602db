// Products at or below their reorder point, the emptiest first, with how many to buy.
import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, type LowStockRow } from '../../lib/backend';
import { useLowStock, useStockEvents } from './api';

export function LowStockPage() {
  const { t } = useTranslation();
  useStockEvents();
  const low = useLowStock();
  const rows = low.data ?? [];

  if (!low.isLoading && !low.isError && rows.length === 0) {
    return <Empty data-testid="lowstock-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lowStock.empty')} />;
  }
  return (
    <div data-testid="lowstock-page">
      <Typography.Paragraph type="secondary">{t('lowStock.intro', { count: rows.length })}</Typography.Paragraph>
      <Table<LowStockRow>
        data-testid="lowstock-table"
        size="small"
        rowKey="productId"
        loading={low.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: low.isError ? errorText(t, low.error) : t('lowStock.empty') }}
        columns={[
          {
            title: t('lowStock.product'),
            dataIndex: 'productName',
            ellipsis: true,
            render: (name: string, r) => (
              <>
                {name}
                {r.brand && <Typography.Text type="secondary"> · {r.brand}</Typography.Text>}
              </>
            ),
          },
          { title: t('lowStock.sku'), dataIndex: 'sku', width: 150 },
          { title: t('lowStock.onHand'), dataIndex: 'onHand', width: 90, align: 'right' },
          { title: t('lowStock.reserved'), dataIndex: 'reserved', width: 90, align: 'right' },
          {
            title: t('lowStock.available'),
            dataIndex: 'available',
            width: 100,
            align: 'right',
            render: (v: number) => <Typography.Text type={v <= 0 ? 'danger' : 'warning'} strong>{v}</Typography.Text>,
          },
          { title: t('lowStock.reorderPoint'), dataIndex: 'reorderPoint', width: 110, align: 'right' },
          { title: t('lowStock.suggested'), dataIndex: 'suggested', width: 110, align: 'right', render: (v: number) => <Tag color="blue">{v}</Tag> },
        ]}
      />
    </div>
  );
}
