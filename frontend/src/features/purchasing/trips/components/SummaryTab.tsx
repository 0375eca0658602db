// The trip's summary: what it spent per currency and in the base currency; goods, extra costs,
// tax refunds received and the landed total; the extra costs and tax refunds (add, edit,
// delete); the deposits to refund for goods not found; surplus from two buyers ticking the
// same line offline (book it into stock); and the history of ticks, each with undo.
import { useState } from 'react';
import { App, Button, Card, Col, Popconfirm, Row, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Cost, type RefundDue, type Trip, type TripBuy } from '../../../../lib/backend';
import { formatMoney } from '../../../../lib/money';
import { useBookSurplus, useDeleteCost, useTripSummary, useUndo } from '../api';
import { CostModal } from './CostModal';

export function SummaryTab({ trip }: { trip: Trip }) {
  const { t, i18n } = useTranslation();
  const summary = useTripSummary(trip.id);
  const s = summary.data;
  if (summary.isLoading) return <Spin />;
  if (summary.isError || !s) return <Typography.Text type="danger">{summary.error ? errorText(t, summary.error) : ''}</Typography.Text>;
  const base = s.baseCurrency;
  const money = (v: number, cur = base) => formatMoney(v, cur, i18n.language);

  return (
    <div data-testid="trip-summary">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('purchasing.trips.summary.spent')} style={{ height: '100%' }}>
            {s.spent.length === 0 ? (
              <Typography.Text type="secondary">{t('purchasing.trips.summary.nothingYet')}</Typography.Text>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }} data-testid="summary-spent">
                {s.spent.map((sp) => (
                  <div key={sp.currency} style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }} data-testid={`summary-spent-${sp.currency}`}>
                    <Typography.Text strong style={{ fontSize: 18 }}>{money(sp.amount, sp.currency)}</Typography.Text>
                    {sp.currency !== base && <Typography.Text type="secondary">≈ {money(sp.base)}</Typography.Text>}
                  </div>
                ))}
                <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6, display: 'flex', justifyContent: 'space-between' }}>
                  <Typography.Text type="secondary">{t('purchasing.trips.summary.spentBase', { base })}</Typography.Text>
                  <Typography.Text strong>{money(s.spent.reduce((n, sp) => n + sp.base, 0))}</Typography.Text>
                </div>
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('purchasing.trips.summary.landed', { base })} style={{ height: '100%' }}>
            <Space size={32} wrap data-testid="summary-landed">
              <Statistic title={t('purchasing.trips.summary.goods')} value={money(s.goodsBase)} />
              <Statistic title={t('purchasing.trips.summary.extras')} value={money(s.extrasBase)} />
              <Statistic title={t('purchasing.trips.summary.refunds')} value={money(s.refundsBase)} />
              <Statistic title={t('purchasing.trips.summary.landedTotal')} value={money(s.landedBase)} valueStyle={{ fontWeight: 600 }} />
              {s.refundsDue > 0 && (
                <Tooltip title={t('purchasing.trips.summary.refundsPendingHelp')}>
                  <Statistic title={t('purchasing.trips.summary.refundsPending')} value={money(s.refundsDue)} valueStyle={{ color: '#faad14' }} />
                </Tooltip>
              )}
            </Space>
          </Card>
        </Col>
      </Row>

      <RefundsDue rows={s.notFound} />
      <Costs trip={trip} costs={s.costs} base={base} />
      <Surplus trip={trip} rows={s.surplus} />
      <History trip={trip} rows={s.buys} base={base} />
    </div>
  );
}

function RefundsDue({ rows }: { rows: RefundDue[] }) {
  const { t, i18n } = useTranslation();
  const money = (v: number, cur: string) => formatMoney(v, cur, i18n.language);
  return (
    <Card size="small" title={t('purchasing.trips.summary.refundsDue')} style={{ marginBottom: 16 }} data-testid="summary-refunds-due"
      extra={<Typography.Text type="secondary">{t('purchasing.trips.summary.refundsDueHelp')}</Typography.Text>}>
      <Table<RefundDue>
        size="small"
        rowKey={(r) => `${r.orderId}-${r.productId}`}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('purchasing.trips.summary.noRefundsDue') }}
        onRow={(r) => ({ 'data-testid': `refund-row-${r.orderNumber}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('purchasing.trips.cols.order'), dataIndex: 'orderNumber', width: 150 },
          { title: t('purchasing.trips.cols.customer'), dataIndex: 'customer' },
          { title: t('purchasing.trips.cols.product'), dataIndex: 'productName' },
          { title: t('purchasing.trips.cols.qty'), dataIndex: 'qty', align: 'right', width: 70 },
          { title: t('purchasing.trips.cols.missing'), align: 'right', render: (_, r) => money(r.missing, r.currency) },
          { title: t('purchasing.trips.cols.paid'), align: 'right', render: (_, r) => money(r.paid, r.currency) },
          {
            title: t('purchasing.trips.cols.refund'),
            align: 'right',
            onCell: () => ({ 'data-testid': 'refund-amount' }) as React.HTMLAttributes<HTMLElement>,
            render: (_, r) =>
              r.refund > 0 ? <Typography.Text strong type="danger">{money(r.refund, r.currency)}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

function Costs({ trip, costs, base }: { trip: Trip; costs: Cost[]; base: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const del = useDeleteCost();
  const [editing, setEditing] = useState<{ open: boolean; cost?: Cost }>({ open: false });
  const money = (v: number, cur: string) => formatMoney(v, cur, i18n.language);
  return (
    <Card
      size="small"
      title={t('purchasing.trips.summary.costs')}
      style={{ marginBottom: 16 }}
      data-testid="summary-costs"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })} data-testid="cost-add">
          {t('purchasing.trips.costs.add')}
        </Button>
      }
    >
      <Table<Cost>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={costs}
        locale={{ emptyText: t('purchasing.trips.costs.empty') }}
        onRow={(r) => ({ 'data-testid': `cost-row-${r.kind}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('purchasing.trips.costs.at'), dataIndex: 'at', width: 110 },
          {
            title: t('purchasing.trips.costs.kind'),
            render: (_, r) => <Tag color={r.kind === 'tax_refund' ? 'green' : undefined}>{t(`purchasing.trips.costs.kinds.${r.kind}`)}</Tag>,
          },
          { title: t('purchasing.trips.costs.amount'), align: 'right', render: (_, r) => money(r.amount, r.currency) },
          { title: t('purchasing.trips.costs.rate'), render: (_, r) => (r.currency !== base && r.rate ? r.rate : '') },
          {
            title: t('purchasing.trips.costs.detail'),
            render: (_, r) =>
              r.kind === 'tax_refund' ? (
                <Space size={4}>
                  <Tag color={r.status === 'received' ? 'success' : r.status === 'claimed' ? 'processing' : 'default'}>
                    {t(`purchasing.trips.costs.statuses.${r.status}`)}
                  </Tag>
                  {r.status === 'received' && t('purchasing.trips.costs.receivedAmount', { amount: money(r.amountReceived, r.currency) })}
                  {r.store && <Typography.Text type="secondary">{r.store}</Typography.Text>}
                </Space>
              ) : (
                t(`purchasing.trips.costs.spreads.${r.spread || 'value'}`)
              ),
          },
          {
            title: t('purchasing.trips.costs.base', { base }),
            align: 'right',
            render: (_, r) => (r.kind === 'tax_refund' ? (r.base ? money(-r.base, base) : '—') : money(r.base, base)),
          },
          { title: t('purchasing.trips.fields.note'), dataIndex: 'note', ellipsis: true },
          {
            title: '',
            width: 120,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ open: true, cost: r })} data-testid="cost-edit">
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('purchasing.trips.costs.deleteConfirm')}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={async () => {
                    try {
                      await del.mutateAsync(r.id);
                      message.success(t('common.deleted'));
                    } catch (err) {
                      message.error(errorText(t, err));
                    }
                  }}
                >
                  <Button type="link" size="small" danger data-testid="cost-delete">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <CostModal trip={trip} open={editing.open} cost={editing.cost} base={base} onClose={() => setEditing({ open: false })} />
    </Card>
  );
}

function Surplus({ trip, rows }: { trip: Trip; rows: { orderId: string; orderNumber: string; lineId: string; productName: string; extra: number }[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const book = useBookSurplus();
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('purchasing.trips.summary.surplus')} style={{ marginBottom: 16 }} data-testid="summary-surplus"
      extra={<Typography.Text type="secondary">{t('purchasing.trips.summary.surplusHelp')}</Typography.Text>}>
      <Table
        size="small"
        rowKey="lineId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('purchasing.trips.cols.order'), dataIndex: 'orderNumber' },
          { title: t('purchasing.trips.cols.product'), dataIndex: 'productName' },
          { title: t('purchasing.trips.cols.extra'), dataIndex: 'extra', align: 'right' },
          {
            title: '',
            width: 140,
            render: (_, r) => (
              <Button
                size="small"
                disabled={trip.closed}
                loading={book.isPending && book.variables?.lineId === r.lineId}
                onClick={async () => {
                  try {
                    await book.mutateAsync({ tripId: trip.id, lineId: r.lineId });
                    message.success(t('purchasing.trips.summary.surplusBooked', { qty: r.extra }));
                  } catch (err) {
                    message.error(errorText(t, err));
                  }
                }}
                data-testid="surplus-book"
              >
                {t('purchasing.trips.summary.bookStock')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

const kindColors: Record<string, string> = { bought: 'green', not_found: 'warning', undo: 'default' };

function History({ trip, rows, base }: { trip: Trip; rows: TripBuy[]; base: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const undo = useUndo();
  const money = (v: number, cur: string) => formatMoney(v, cur, i18n.language);
  return (
    <Card size="small" title={t('purchasing.trips.summary.history')} data-testid="summary-history">
      <Table<TripBuy>
        size="small"
        rowKey="id"
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={rows}
        locale={{ emptyText: t('purchasing.trips.summary.nothingYet') }}
        onRow={(r) =>
          ({ 'data-testid': `history-row-${r.kind}`, style: r.undone ? { opacity: 0.5 } : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('purchasing.trips.cols.at'), width: 140, render: (_, r) => formatAt(r.at, i18n.language) },
          {
            title: t('purchasing.trips.cols.kind'),
            width: 110,
            render: (_, r) => (
              <Space size={2}>
                <Tag color={kindColors[r.kind]} style={{ margin: 0 }}>{t(`purchasing.trips.kinds.${r.kind}`)}</Tag>
                {r.undone && <Tag style={{ margin: 0 }}>{t('purchasing.trips.undone')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('purchasing.trips.cols.product'),
            render: (_, r) => (
              <div>
                {r.productName || r.productId}
                {r.forProductId && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('purchasing.trips.insteadOf', { name: r.forProductName })}</div>
                )}
              </div>
            ),
          },
          { title: t('purchasing.trips.cols.qty'), dataIndex: 'qty', align: 'right', width: 60 },
          {
            title: t('purchasing.trips.cols.price'),
            align: 'right',
            render: (_, r) =>
              r.kind === 'not_found' ? '' : (
                <div>
                  {money(r.unitPrice, r.currency)}
                  {r.discount !== 0 && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('purchasing.trips.discountShort', { amount: money(Math.abs(r.discount), r.currency) })}</div>}
                </div>
              ),
          },
          {
            title: t('purchasing.trips.cols.paidWith'),
            width: 120,
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, r) =>
              r.kind === 'not_found' ? '' : (
                <span>
                  {t(`purchasing.trips.buy.${r.paidWith === 'cash' ? 'cash' : 'card'}`)}
                  {r.currency !== base && r.rate && <Typography.Text type="secondary" style={{ fontSize: 12 }}> @{r.rate}</Typography.Text>}
                </span>
              ),
          },
          {
            title: t('purchasing.trips.buy.store'),
            render: (_, r) => (
              <Space size={4}>
                {r.store}
                {r.taxFree && <Tag color="cyan" style={{ margin: 0 }}>{t('purchasing.trips.taxFreeShort')}</Tag>}
                {r.receipt && (
                  <a href={`/blobs/${r.receipt}`} target="_blank" rel="noreferrer">{t('purchasing.trips.receiptLink')}</a>
                )}
              </Space>
            ),
          },
          { title: t('purchasing.trips.cols.toStock'), dataIndex: 'toStock', align: 'right', width: 70, render: (v: number) => v || '' },
          {
            title: t('purchasing.trips.cols.landed', { base }),
            align: 'right',
            render: (_, r) => (r.kind === 'bought' && !r.undone ? money(r.landed, base) : ''),
          },
          {
            title: '',
            width: 90,
            render: (_, r) =>
              r.kind !== 'undo' && !r.undone ? (
                <Popconfirm
                  title={t('purchasing.trips.undoConfirm')}
                  okText={t('purchasing.trips.undo')}
                  cancelText={t('common.cancel')}
                  disabled={trip.closed}
                  onConfirm={async () => {
                    try {
                      await undo.mutateAsync(r.id);
                      message.success(t('purchasing.trips.undoneDone'));
                    } catch (err) {
                      message.error(errorText(t, err));
                    }
                  }}
                >
                  <Button type="link" size="small" disabled={trip.closed} data-testid="history-undo">
                    {t('purchasing.trips.undo')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function formatAt(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime())
    ? rfc3339
    : d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
