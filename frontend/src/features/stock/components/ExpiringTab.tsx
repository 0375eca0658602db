// Batches with stock that expire within 90 days (or already have), soonest first.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, type BatchRow } from '../../../lib/backend';
import { useExpiring } from '../api';

export const expiringDays = 90;

export function ExpiringTab() {
  const { t } = useTranslation();
  const expiring = useExpiring(expiringDays);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('stock.expiringIntro', { days: expiringDays })}</Typography.Paragraph>
      <Table<BatchRow>
        data-testid="expiring-table"
        size="small"
        rowKey="id"
        loading={expiring.isLoading}
        dataSource={expiring.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: expiring.isError ? errorText(t, expiring.error) : t('stock.noExpiring', { days: expiringDays }) }}
        columns={[
          { title: t('stock.fields.product'), dataIndex: 'productName', ellipsis: true },
          { title: t('stock.fields.sku'), dataIndex: 'sku', width: 150 },
          { title: t('stock.fields.batch'), dataIndex: 'code', width: 130 },
          { title: t('stock.fields.expiry'), dataIndex: 'expiry', width: 120 },
          {
            title: t('stock.fields.daysLeft'),
            dataIndex: 'daysLeft',
            width: 130,
            render: (d: number) =>
              d < 0 ? (
                <Tag color="red">{t('stock.expired', { count: -d })}</Tag>
              ) : (
                <Tag color={d <= 30 ? 'orange' : 'gold'}>{t('stock.daysLeft', { count: d })}</Tag>
              ),
          },
          { title: t('stock.fields.onHand'), dataIndex: 'onHand', width: 90, align: 'right' },
        ]}
      />
    </>
  );
}
