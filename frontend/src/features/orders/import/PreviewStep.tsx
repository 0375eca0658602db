// The preview step: what importing the file would do (nothing is written yet). Counts, every
// bad row with its line and field, the channel's product titles that match no product — each
// can be mapped to a product with the product box of quick order entry, or left to be
// imported as a pre-order line (goods to buy) — and the first orders it would create.
import { Alert, Card, Checkbox, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemTable } from '../../../components/ProblemTable';
import {
  type ImportOrderPreview,
  type ImportPreview,
  type ImportUnmatched,
  type LineProblem,
  type Product,
} from '../../../lib/backend';
import { productLabel } from '../../../lib/lookups';
import { formatMoney } from '../../../lib/money';
import { formatDateTime } from '../format';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { ProductBox } from '../components/pickers';

interface Props {
  preview: ImportPreview;
  /** unmatched title → the product the person chose */
  chosen: Record<string, Product>;
  onChoose: (title: string, p: Product | undefined) => void;
  skipBad: boolean;
  onSkipBad: (skip: boolean) => void;
}

export function PreviewStep({ preview, chosen, onChoose, skipBad, onSkipBad }: Props) {
  const { t } = useTranslation();
  const pv = preview;
  const stat = (key: string, value: number, testid: string, warn = false) => (
    <Col xs={12} sm={8} md={4} key={key}>
      <Statistic
        data-testid={testid}
        title={t(`orderImport.preview.${key}`)}
        value={value}
        valueStyle={warn && value > 0 ? { color: '#cf1322' } : undefined}
      />
    </Col>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-preview-step">
      <Card size="small">
        <Row gutter={16}>
          {stat('orders', pv.orders, 'import-count-orders')}
          {stat('lines', pv.lines, 'import-count-lines')}
          {stat('skipped', pv.skipped, 'import-count-skipped')}
          {stat('newCustomers', pv.newCustomers, 'import-count-customers')}
          {stat('badOrders', pv.badOrders, 'import-count-bad', true)}
          {stat('rows', pv.rows, 'import-count-rows')}
        </Row>
      </Card>
      {pv.orders === 0 && pv.skipped > 0 && (
        <Alert type="info" showIcon data-testid="import-all-done" message={t('orderImport.preview.allDone', { count: pv.skipped })} />
      )}
      {pv.problems.length > 0 && (
        <Card
          size="small"
          data-testid="import-problems"
          title={<Typography.Text type="danger">{t('orderImport.preview.problemsTitle', { count: pv.problems.length })}</Typography.Text>}
        >
          <Typography.Paragraph type="secondary">{t('orderImport.preview.problemsHelp')}</Typography.Paragraph>
          <OrderProblemTable problems={pv.problems} />
          <Checkbox
            data-testid="import-skip-bad"
            checked={skipBad}
            onChange={(e) => onSkipBad(e.target.checked)}
            style={{ marginTop: 12 }}
          >
            {t('orderImport.preview.skipBad', { count: pv.badOrders })}
          </Checkbox>
        </Card>
      )}
      {pv.unmatched.length > 0 && <UnmatchedCard unmatched={pv.unmatched} chosen={chosen} onChoose={onChoose} />}
      <SampleTable sample={pv.sample} total={pv.orders} />
    </Space>
  );
}

/** The bad rows of an order file, labelled with the order import's field names. */
export function OrderProblemTable({ problems }: { problems: LineProblem[] }) {
  const { t } = useTranslation();
  return <ProblemTable problems={problems} fieldLabel={(f) => t(`orderImport.fields.${f}`, { defaultValue: f })} />;
}

function UnmatchedCard({ unmatched, chosen, onChoose }: Pick<Props, 'chosen' | 'onChoose'> & { unmatched: ImportUnmatched[] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="import-unmatched"
      title={t('orderImport.preview.unmatchedTitle', { count: unmatched.length })}
    >
      <Typography.Paragraph type="secondary">{t('orderImport.preview.unmatchedHelp')}</Typography.Paragraph>
      <Table<ImportUnmatched>
        size="small"
        rowKey={(u) => `${u.title}\u0000${u.sku}\u0000${u.barcode}`}
        pagination={false}
        dataSource={unmatched}
        onRow={(_u, i) => ({ 'data-testid': `import-unmatched-${i}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('orderImport.preview.channelTitle'),
            render: (_, u) => (
              <Space direction="vertical" size={0}>
                <Typography.Text>{u.title || t('orderImport.preview.noTitle')}</Typography.Text>
                {(u.sku || u.barcode) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[u.sku && `${t('orderImport.fields.sku')} ${u.sku}`, u.barcode && `${t('orderImport.fields.barcode')} ${u.barcode}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('orderImport.preview.where'),
            width: 170,
            render: (_, u) => (
              <Typography.Text type="secondary">
                {t('orderImport.preview.lineNumbers', { lines: u.lines.join(', ') + (u.count > u.lines.length ? '…' : '') })}
                {' · '}
                {t('orderImport.preview.rowCount', { count: u.count })}
              </Typography.Text>
            ),
          },
          {
            title: t('orderImport.preview.mapTo'),
            width: 380,
            render: (_, u, i) => {
              // the import maps by title: a row without one stays a pre-order line
              if (!u.title) return <Typography.Text type="secondary">{t('orderImport.preview.asPreorder')}</Typography.Text>;
              const p = chosen[u.title];
              return p ? (
                <Tag
                  color="green"
                  closable
                  data-testid={`import-mapped-${i}`}
                  onClose={(e) => {
                    e.preventDefault();
                    onChoose(u.title, undefined);
                  }}
                  style={{ whiteSpace: 'normal', padding: '2px 8px' }}
                >
                  {productLabel(p)}
                </Tag>
              ) : (
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <ProductBox testid={`import-product-${i}`} onProduct={(prod) => onChoose(u.title, prod)} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('orderImport.preview.asPreorder')}
                  </Typography.Text>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

function SampleTable({ sample, total }: { sample: ImportOrderPreview[]; total: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (sample.length === 0) return null;
  return (
    <Card size="small" title={t('orderImport.preview.sampleTitle', { count: sample.length, total })} data-testid="import-sample">
      <Table<ImportOrderPreview>
        size="small"
        rowKey="channelOrderNo"
        pagination={sample.length > 10 ? { pageSize: 10, size: 'small' } : false}
        dataSource={sample}
        scroll={{ x: 900 }}
        columns={[
          { title: t('orderImport.preview.line'), dataIndex: 'line', width: 60 },
          { title: t('orders.fields.channelOrderNo'), dataIndex: 'channelOrderNo', width: 150, ellipsis: true },
          {
            title: t('orders.fields.customer'),
            width: 160,
            render: (_, o) => (
              <Space size={4}>
                <span>{o.customer}</span>
                {o.newCustomer && <Tag color="blue">{t('orderImport.preview.newCustomer')}</Tag>}
              </Space>
            ),
          },
          { title: t('orderImport.preview.place'), width: 140, ellipsis: true, render: (_, o) => [o.province, o.city].filter(Boolean).join(' ') },
          { title: t('orders.fields.status'), dataIndex: 'status', width: 90, render: (s: string) => <OrderStatusTag status={s} /> },
          { title: t('orderImport.preview.lineCount'), dataIndex: 'lines', width: 70, align: 'right' },
          { title: t('orders.fields.total'), width: 110, align: 'right', render: (_, o) => formatMoney(o.total, o.currency || 'CNY', locale) },
          { title: t('orders.fields.orderedAt'), dataIndex: 'orderedAt', width: 150, render: (v: string) => (v ? formatDateTime(v, locale) : '') },
        ]}
      />
    </Card>
  );
}
