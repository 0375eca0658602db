// One order: header, lines with what the stock ledger holds for them, figures, profit, the
// timeline (events, payments and returns by time) and the stock of its products. The action
// buttons are the events the backend allows now; cancel asks first.
import { useState } from 'react';
import {
  Alert, App, Button, Descriptions, Divider, Drawer, Popconfirm, Space, Spin, Table, Tag, Timeline, Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OrderDetail, OrderLine, TimelineEntry } from '../../../lib/backend';
import { formatMoney } from '../../../lib/money';
import { useDeleteDraft, useOrder, useProductsStock, useTransition, useZones } from '../api';
import { canTakePayment, formatDate, formatDateTime, isShipped, lineName, orderErrorText } from '../format';
import { InfoModal } from './InfoModal';
import { PriorityTag } from './OrderTable';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { PaymentModal } from './PaymentModal';
import { ReturnModal } from './ReturnModal';
import { OrderParcels, PackOrderButton } from '../../shipping/orderShipping';

/** orderId stays set while the drawer closes, so its content does not blank during the animation. */
export function OrderDrawer({ orderId, open, onClose }: { orderId?: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  const d = order.data;
  return (
    <Drawer
      open={open && !!orderId}
      onClose={onClose}
      width={880}
      data-testid="order-drawer"
      title={
        d ? (
          <Space>
            <span data-testid="order-number">{d.order.number}</span>
            <OrderStatusTag status={d.order.status} />
            <PriorityTag priority={d.order.effPriority} />
          </Space>
        ) : (
          t('orders.detail')
        )
      }
    >
      {order.isLoading ? (
        <Spin />
      ) : order.isError ? (
        <Typography.Text type="danger">{orderErrorText(t, order.error)}</Typography.Text>
      ) : (
        d && (
          <>
            <Actions detail={d} onDeleted={onClose} />
            <Body d={d} />
          </>
        )
      )}
    </Drawer>
  );
}

const eventLabels: Record<string, string> = {
  confirmed: 'orders.action.confirm', allocated: 'orders.action.allocate', bought: 'orders.action.buy', packed: 'orders.action.pack',
  shipped: 'orders.action.ship', delivered: 'orders.action.deliver', completed: 'orders.action.complete', cancelled: 'orders.action.cancel',
};

function Actions({ detail, onDeleted }: { detail: OrderDetail; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransition();
  const del = useDeleteDraft();
  const [payment, setPayment] = useState(false);
  const [ret, setRet] = useState(false);
  const [info, setInfo] = useState(false);
  const o = detail.order;

  const go = async (to: string) => {
    try {
      await transition.mutateAsync({ orderId: o.id, to });
      message.success(t('orders.transitioned', { status: t(`orders.status.${to}`) }));
    } catch (err) {
      message.error(orderErrorText(t, err));
    }
  };

  const next = detail.next.filter((n) => n !== 'cancelled');
  return (
    <Space wrap data-testid="order-actions" style={{ marginBottom: 16 }}>
      {next.map((n, i) => (
        <Button
          key={n}
          type={i === 0 ? 'primary' : 'default'}
          loading={transition.isPending && transition.variables?.to === n}
          onClick={() => void go(n)}
          data-testid={`order-action-${n}`}
        >
          {t(eventLabels[n] ?? n)}
        </Button>
      ))}
      {canTakePayment(o.status) && (
        <Button onClick={() => setPayment(true)} data-testid="order-pay">
          {t('orders.action.pay')}
        </Button>
      )}
      <PackOrderButton orderId={o.id} status={o.status} />
      {isShipped(o.status) && (
        <Button onClick={() => setRet(true)} data-testid="order-return">
          {t('orders.action.return')}
        </Button>
      )}
      {o.status !== 'completed' && o.status !== 'cancelled' && (
        <Button onClick={() => setInfo(true)} data-testid="order-edit-info">
          {t('orders.action.editInfo')}
        </Button>
      )}
      {detail.next.includes('cancelled') && (
        <Popconfirm
          title={t('orders.cancelConfirm', { number: o.number })}
          description={t('orders.cancelConfirmDetail')}
          okText={t('orders.action.cancel')}
          cancelText={t('orders.keep')}
          okButtonProps={{ danger: true, ...{ 'data-testid': 'order-cancel-confirm' } }}
          onConfirm={() => go('cancelled')}
        >
          <Button danger data-testid="order-action-cancelled">
            {t('orders.action.cancel')}
          </Button>
        </Popconfirm>
      )}
      {o.status === 'draft' && (
        <Popconfirm
          title={t('orders.deleteDraftConfirm')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true, ...{ 'data-testid': 'order-delete-confirm' } }}
          onConfirm={async () => {
            try {
              await del.mutateAsync(o.id);
              message.success(t('orders.draftDeleted'));
              onDeleted();
            } catch (err) {
              message.error(orderErrorText(t, err));
            }
          }}
        >
          <Button danger type="text" data-testid="order-delete">
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
      <PaymentModal open={payment} detail={detail} onClose={() => setPayment(false)} />
      <ReturnModal open={ret} detail={detail} onClose={() => setRet(false)} />
      <InfoModal open={info} order={o} onClose={() => setInfo(false)} />
    </Space>
  );
}

function Body({ d }: { d: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const zones = useZones();
  const o = d.order;
  const f = d.figures;
  const money = (v: number, cur = f.currency) => formatMoney(v, cur, locale);
  const minus = (v: number) => money(v === 0 ? 0 : -v);
  const shipTo = [o.shipProvince, o.shipCity, o.shipDistrict, o.shipStreet, o.shipPostcode].filter(Boolean).join(' ');
  const zoneName = zones.data?.find((z) => z.id === o.zoneId)?.name;

  return (
    <>
      <Descriptions size="small" column={3} data-testid="order-header">
        <Descriptions.Item label={t('orders.fields.channel')}>
          {t(`orders.channel.${o.channel}`, { defaultValue: o.channel })}
          {o.channelOrderNo && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
              {o.channelOrderNo}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.customer')}>
          <span data-testid="order-customer">{o.customerName || t('orders.notSynced')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.orderedAt')}>{formatDate(o.orderedAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.shipTo')} span={2}>
          {o.shipName || o.shipPhone || shipTo ? (
            <span>
              {o.shipName} {o.shipPhone} {shipTo}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('orders.noShipTo')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.dueDate')}>{o.dueDate ? formatDate(o.dueDate, locale) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.priority')}>
          <PriorityTag priority={o.effPriority} />
          {!o.priority && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orders.priority.byRuleNote')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.zone')}>{zoneName ?? (o.zoneId ? o.zoneId : t('orders.zoneByRule'))}</Descriptions.Item>
        {o.note && <Descriptions.Item label={t('orders.fields.note')}>{o.note}</Descriptions.Item>}
      </Descriptions>

      <Divider orientation="left">{t('orders.lines')}</Divider>
      <Lines d={d} />
      <OrderParcels orderId={o.id} />

      <Divider orientation="left">{t('orders.figures')}</Divider>
      {f.refundDue > 0 && <RefundDueAlert d={d} />}
      <Descriptions size="small" column={3} bordered data-testid="order-figures" styles={{ label: nowrap, content: nowrap }}>
        <Descriptions.Item label={t('orders.fields.goods')}>{money(f.goods)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.discount')}>{minus(f.discount)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.shippingFee')}>{money(f.shippingFee)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.total')}>
          <span data-testid="fig-total">{money(f.total)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.returned')}>
          <span data-testid="fig-returned">{minus(f.returned)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.netTotal')}>
          <span data-testid="fig-net">{money(f.netTotal)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.paid')}>
          <span data-testid="fig-paid">{money(f.paid)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.refunded')}>
          <span data-testid="fig-refunded">{money(f.refunded)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.balanceDue')}>
          <Typography.Text strong type={f.balanceDue > 0 && o.status !== 'cancelled' ? 'danger' : undefined} data-testid="fig-balance">
            {money(f.balanceDue)}
          </Typography.Text>
          {f.balanceDue < 0 && (
            <Typography.Text type="warning" style={{ marginLeft: 8 }}>
              {t('orders.overpaid')}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>

      <Divider orientation="left">{t('orders.profit', { currency: f.baseCurrency })}</Divider>
      <ProfitView d={d} />

      <Divider orientation="left">{t('orders.timeline')}</Divider>
      <TimelineView d={d} />

      <Divider orientation="left">{t('orders.stock')}</Divider>
      <StockView d={d} />
    </>
  );
}

function Lines({ d }: { d: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const cur = d.figures.currency;
  return (
    <Table<OrderLine>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={d.lines}
      data-testid="order-lines"
      onRow={(l) => ({ 'data-testid': `order-line-${l.sku || l.title}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('orders.fields.product'),
          render: (_, l) => (
            <span>
              {lineName(l)}
              {l.preorder && <Tag color="purple" style={{ marginLeft: 6 }}>{t('orders.preorderShort')}</Tag>}
              {l.preorder && (
                <Typography.Text
                  type={l.filled >= l.qty ? 'success' : 'secondary'}
                  style={{ fontSize: 12, display: 'block' }}
                  data-testid="line-filled"
                >
                  {t('orders.trip.filled', { filled: l.filled, qty: l.qty })}
                </Typography.Text>
              )}
              {l.notFound && (
                <Tag color="warning" style={{ marginTop: 2 }} data-testid="line-not-found">
                  {t('orders.trip.notFound', { trip: l.notFound })}
                </Tag>
              )}
              {l.locationName && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {l.locationName}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { title: t('orders.fields.qty'), dataIndex: 'qty', align: 'right', width: 70 },
        { title: t('orders.fields.unitPrice'), align: 'right', width: 110, render: (_, l) => formatMoney(l.unitPrice, cur, i18n.language) },
        { title: t('orders.fields.amount'), align: 'right', width: 110, render: (_, l) => formatMoney(l.amount, cur, i18n.language) },
        { title: t('orders.fields.reserved'), dataIndex: 'reserved', align: 'right', width: 80, onCell: () => ({ 'data-testid': 'line-reserved' }) as React.HTMLAttributes<HTMLElement> },
        { title: t('orders.fields.shipped'), dataIndex: 'shipped', align: 'right', width: 80 },
        { title: t('orders.fields.returnedQty'), dataIndex: 'returned', align: 'right', width: 80, onCell: () => ({ 'data-testid': 'line-returned' }) as React.HTMLAttributes<HTMLElement> },
      ]}
    />
  );
}

/** Goods a trip did not find: the deposit to give back, with a button to record the refund. */
function RefundDueAlert({ d }: { d: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const f = d.figures;
  const amount = formatMoney(f.refundDue, f.currency, i18n.language);
  const trips = [...new Set(d.lines.map((l) => l.notFound).filter(Boolean))].join(t('common.listSeparator'));
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="order-refund-due"
        message={<span>{t('orders.trip.refundDue', { amount })}</span>}
        description={t('orders.trip.refundDueDetail', { trips })}
        action={
          <Button size="small" danger onClick={() => setOpen(true)} data-testid="order-refund-due-pay">
            {t('orders.trip.refundNow')}
          </Button>
        }
      />
      <PaymentModal
        open={open}
        detail={d}
        onClose={() => setOpen(false)}
        preset={{ kind: 'refund', amount: f.refundDue, note: t('orders.trip.refundNote', { trips }) }}
      />
    </>
  );
}

function missingText(t: TFunction, m: string): string {
  const [kind, what] = m.split(':');
  return kind === 'rate' ? t('orders.missingRate', { currency: what }) : t('orders.missingCost', { what });
}

function ProfitView({ d }: { d: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const p = d.profit;
  const base = d.figures.baseCurrency;
  const money = (v: number) => formatMoney(v, base, i18n.language);
  const unpaid = d.figures.balanceDue > 0 && d.order.status !== 'cancelled';
  return (
    <>
      <Descriptions size="small" column={3} data-testid="order-profit" styles={{ content: nowrap }}>
        <Descriptions.Item label={t('orders.fields.revenue')}>{money(p.revenue)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.cost')}>{money(p.cost)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.freight')}>{money(p.freight)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.fields.profit')}>
          <Typography.Text strong type={p.profit < 0 ? 'danger' : 'success'}>
            {money(p.profit)}
          </Typography.Text>
        </Descriptions.Item>
        {unpaid && <Descriptions.Item label={t('orders.fields.expected')}>{money(p.expected)}</Descriptions.Item>}
      </Descriptions>
      {p.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="profit-missing"
          message={t('orders.profitIncomplete')}
          description={p.missing.map((m) => missingText(t, m)).join(t('common.sentenceSeparator'))}
        />
      )}
    </>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;

const timelineColors: Record<string, string> = { payment: 'green', return: 'orange', event: 'blue' };

function entryText(t: TFunction, e: TimelineEntry, d: OrderDetail, locale: string): string {
  if (e.type === 'event') return t(`orders.event.${e.kind}`, { defaultValue: e.kind });
  if (e.type === 'payment') {
    const amount = formatMoney(Math.abs(e.amount), e.currency, locale);
    const rate = e.currency !== d.figures.baseCurrency && e.rate ? t('orders.atRate', { rate: e.rate, base: d.figures.baseCurrency }) : '';
    return [t(`orders.paymentKind.${e.kind}`), amount, rate, t(`orders.method.${e.method}`, { defaultValue: e.method }), e.ref]
      .filter(Boolean)
      .join(' · ');
  }
  const line = d.lines.find((l) => l.id === e.lineId);
  return t('orders.returnEntry', { qty: e.qty, product: line ? lineName(line) : '', disposition: t(`orders.disposition.${e.kind}`) });
}

function TimelineView({ d }: { d: OrderDetail }) {
  const { t, i18n } = useTranslation();
  if (d.timeline.length === 0) return <Typography.Text type="secondary">{t('orders.noEvents')}</Typography.Text>;
  return (
    <Timeline
      data-testid="order-timeline"
      items={d.timeline.map((e) => ({
        key: e.id,
        color: e.kind === 'cancelled' || e.kind === 'refund' ? 'red' : timelineColors[e.type],
        children: (
          <div data-testid={`timeline-${e.type}-${e.kind}`}>
            <Typography.Text>{entryText(t, e, d, i18n.language)}</Typography.Text>
            {e.note && <Typography.Text type="secondary"> — {e.note}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {formatDateTime(e.at, i18n.language)}
              {e.device && ` · ${t('orders.device', { device: e.device.slice(0, 8) })}`}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

function StockView({ d }: { d: OrderDetail }) {
  const { t } = useTranslation();
  const ids = [...new Set(d.lines.map((l) => l.productId).filter(Boolean))];
  const results = useProductsStock(ids);
  const rows = ids.map((id, i) => ({ id, p: results[i]?.data, loading: results[i]?.isLoading }));
  if (ids.length === 0) return <Typography.Text type="secondary">{t('orders.noStockLines')}</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="order-stock"
      dataSource={rows}
      onRow={(r) => ({ 'data-testid': `order-stock-${r.p?.sku ?? r.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('orders.fields.product'), render: (_, r) => (r.p ? `${r.p.nameZh || r.p.nameOrig} · ${r.p.sku}` : r.loading ? '…' : t('orders.notSynced')) },
        { title: t('orders.fields.onHand'), align: 'right', render: (_, r) => r.p?.onHand, onCell: () => ({ 'data-testid': 'stock-onhand' }) as React.HTMLAttributes<HTMLElement> },
        { title: t('orders.fields.reserved'), align: 'right', render: (_, r) => r.p?.reserved, onCell: () => ({ 'data-testid': 'stock-reserved' }) as React.HTMLAttributes<HTMLElement> },
        { title: t('orders.fields.available'), align: 'right', render: (_, r) => r.p?.available, onCell: () => ({ 'data-testid': 'stock-available' }) as React.HTMLAttributes<HTMLElement> },
      ]}
    />
  );
}
