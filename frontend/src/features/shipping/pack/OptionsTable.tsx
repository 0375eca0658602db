// The services that can carry the parcel, side by side: price in the service's currency and in
// the base currency, chargeable weight, zone, transit days and cover. The suggested one is
// first and tagged with the rule that chose it; a service that is not insured and signed for
// when the parcel is valuable says so. Picking a row chooses it.
import { Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteOption } from '../../../lib/backend';
import { carrierService, feeText, transitText, weightText } from '../format';

const on = '#389e0d';
const off = '#d9d9d9';

export function OptionsTable({
  quote,
  loading,
  selected,
  onPick,
}: {
  quote?: Quote;
  loading: boolean;
  selected?: string;
  onPick: (o: QuoteOption) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const f = (k: string) => t(`shipping.ui.pack.options.${k}`);
  const base = quote?.baseCurrency ?? '';

  const columns: NonNullable<TableProps<QuoteOption>['columns']> = [
    {
      title: f('service'),
      key: 'service',
      render: (_, o) => (
        <div>
          <Typography.Text strong={o.suggested}>{carrierService(o, lang)}</Typography.Text>
          <div style={{ marginTop: 2, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            <Tag bordered={false}>{t(`shipping.ui.tier.${o.tier}`, { defaultValue: o.tier })}</Tag>
            {o.suggested && (
              <Tag color="green" data-testid="option-suggested">
                {t('shipping.ui.pack.options.suggested')} · {t(`shipping.ui.reason.${o.reason}`, { defaultValue: o.reason })}
              </Tag>
            )}
            {!o.meetsRules && (
              <Tag color="orange" data-testid="option-not-meets">
                {t('shipping.ui.pack.options.notMeets')}
              </Tag>
            )}
          </div>
        </div>
      ),
    },
    { title: f('zone'), dataIndex: 'zone', width: 110, ellipsis: true },
    { title: f('chargeable'), dataIndex: 'chargeableG', width: 80, align: 'right', render: (g: number) => weightText(g) },
    {
      title: f('fee'),
      key: 'fee',
      width: 120,
      align: 'right',
      render: (_, o) => (
        <div data-testid="option-fee">
          <Typography.Text strong>{feeText(o.fee, o.currency, lang)}</Typography.Text>
          {o.currency !== base && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {o.feeBase < 0 ? t('shipping.ui.pack.options.noRate') : `≈ ${feeText(o.feeBase, base, lang)}`}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: f('transit'),
      key: 'transit',
      width: 76,
      align: 'right',
      render: (_, o) => {
        const days = transitText(o.transitMin, o.transitMax);
        return days ? t('shipping.ui.days', { days }) : '—';
      },
    },
    {
      title: f('cover'),
      key: 'cover',
      width: 86,
      align: 'center',
      render: (_, o) => (
        <Space size={6}>
          <Tooltip title={t(o.insurance ? 'shipping.ui.pack.options.insured' : 'shipping.ui.pack.options.notInsured')}>
            <SafetyCertificateOutlined style={{ color: o.insurance ? on : off }} />
          </Tooltip>
          <Tooltip title={t(o.signature ? 'shipping.ui.pack.options.signed' : 'shipping.ui.pack.options.notSigned')}>
            <EditOutlined style={{ color: o.signature ? on : off }} />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Table<QuoteOption>
      data-testid="pack-options"
      size="small"
      rowKey="serviceId"
      columns={columns}
      dataSource={quote?.options ?? []}
      loading={loading}
      pagination={false}
      scroll={{ y: 300 }}
      rowSelection={{
        type: 'radio',
        selectedRowKeys: selected ? [selected] : [],
        onChange: (_, rows) => rows[0] && onPick(rows[0]),
        columnWidth: 32,
      }}
      locale={{ emptyText: t('shipping.ui.pack.options.none') }}
      onRow={(o) =>
        ({
          onClick: () => onPick(o),
          style: { cursor: 'pointer' },
          'data-testid': `option-${o.serviceId}`,
          'data-suggested': o.suggested ? 'true' : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
