// The stock value tab: what the stock on hand is worth in the base currency, each product at
// the weighted average landed cost of its purchases (else its cost price at today's rate),
// with the most valuable products listed and the ones without any known cost counted.
import { Alert, Card, Col, Row, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, type StockValuation } from '../../../lib/backend';
import { formatMoney } from '../../../lib/money';
import { useStockValuation, useValuationEvents } from './api';

type Valued = StockValuation['products'][number];

const sourceColors: Record<string, string> = { landed: 'green', cost_price: 'blue', none: 'red' };

export function ValuationPage() {
  const { t, i18n } = useTranslation();
  useValuationEvents();
  const q = useStockValuation();
  const v = q.data;
  const base = v?.baseCurrency ?? 'CNY';
  const money = (minor: number) => formatMoney(minor, base, i18n.language);
  const k = (x: string, o?: Record<string, unknown>) => t(`purchasing.valuation.${x}`, o);

  const columns: NonNullable<TableProps<Valued>['columns']> = [
    { title: k('fields.sku'), dataIndex: 'sku', width: 140, ellipsis: true },
    { title: k('fields.name'), dataIndex: 'name', ellipsis: true },
    { title: k('fields.onHand'), dataIndex: 'onHand', width: 90, align: 'right' },
    {
      title: k('fields.unitCost'),
      dataIndex: 'unitCost',
      width: 120,
      align: 'right',
      render: (c: number, p) => (p.source === 'none' ? <Typography.Text type="secondary">—</Typography.Text> : money(c)),
    },
    {
      title: k('fields.source'),
      dataIndex: 'source',
      width: 110,
      render: (s: string) => (
        <Tooltip title={k(`sourceHints.${s}`, { defaultValue: '' })}>
          <Tag color={sourceColors[s]}>{k(`sources.${s}`, { defaultValue: s })}</Tag>
        </Tooltip>
      ),
    },
    { title: k('fields.value'), dataIndex: 'value', width: 140, align: 'right', render: (x: number) => <Typography.Text strong>{money(x)}</Typography.Text> },
  ];

  if (q.isError) return <Alert type="error" showIcon message={errorText(t, q.error)} />;

  return (
    <div data-testid="valuation-page">
      <Typography.Paragraph type="secondary">{k('intro', { base })}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small" loading={q.isLoading}>
            <Statistic title={k('total', { base })} value={v ? money(v.total) : ''} data-testid="valuation-total" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" loading={q.isLoading}>
            <Statistic title={k('count')} value={v?.count ?? 0} data-testid="valuation-count" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" loading={q.isLoading}>
            <Statistic
              title={k('unvalued')}
              value={v?.unvalued ?? 0}
              valueStyle={v?.unvalued ? { color: '#cf1322' } : undefined}
              data-testid="valuation-unvalued"
            />
          </Card>
        </Col>
      </Row>
      {v && v.unvalued > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={k('unvaluedAlert', { count: v.unvalued })} />}
      <Table<Valued>
        data-testid="valuation-table"
        size="small"
        rowKey="productId"
        columns={columns}
        dataSource={v?.products ?? []}
        loading={q.isLoading}
        pagination={(v?.products.length ?? 0) > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: k('empty') }}
        title={() => <Typography.Text strong>{k('topTitle')}</Typography.Text>}
        footer={
          v && v.count > v.products.length ? () => <Typography.Text type="secondary">{k('topNote', { shown: v.products.length, count: v.count })}</Typography.Text> : undefined
        }
      />
    </div>
  );
}
