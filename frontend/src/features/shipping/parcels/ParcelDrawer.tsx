// One parcel: its state and place among the parcels of its orders, warnings (late, goods
// packed twice, a cancelled order inside), then one section after another — the shipment
// (carrier, tracking, size, freight; editable), the recipient, its orders with their share of
// the freight, the goods, and the tracking timeline where events are recorded (the first one
// ships the parcel). Until it ships, the parcel can be unpacked.
import { useEffect, useState, type ComponentType } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Alert, App, Button, Col, DatePicker, Descriptions, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Row, Select,
  Space, Spin, Table, Tag, Timeline, Tooltip, Typography, type DescriptionsProps,
} from 'antd';
import { CheckOutlined, CloseOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText, type Parcel, type ParcelLine, type ParcelOrder, type TrackingEvent } from '../../../lib/backend';
import { showErrors } from '../../../lib/formErrors';
import { digitsOf, formatMoney } from '../../../lib/money';
import { absoluteTime } from '../../../lib/time';
import { useAddEvent, useCarriers, useDeleteParcel, useParcel, useSaveParcel } from '../api';
import { carrierService, eventColor, eventKinds, nextEventKind, sizeText, weightText } from '../format';
import { inputOf, maskId, placeParcelError, toFormValues, toParcelInput, type ParcelFormValues } from '../parcelForm';
import { countryLabel, CurrencySelect, ParcelStatusTag, ServiceSelect, TrackingNo } from '../components/pickers';
import { OrderStatusTag } from '../../../components/OrderStatusTag';
import { ParcelNotices } from '../notices/ParcelNotices';

interface SectionProps {
  parcel: Parcel;
  onOpenOrder: (orderId: string) => void;
}

/** The drawer's sections, top to bottom (each a component of the parcel). */
const sections: { key: string; titleKey: string; Section: ComponentType<SectionProps> }[] = [
  { key: 'shipment', titleKey: 'shipping.ui.parcel.sections.shipment', Section: ShipmentSection },
  { key: 'recipient', titleKey: 'shipping.ui.parcel.sections.recipient', Section: RecipientSection },
  { key: 'orders', titleKey: 'shipping.ui.parcel.sections.orders', Section: OrdersSection },
  { key: 'goods', titleKey: 'shipping.ui.parcel.sections.goods', Section: GoodsSection },
  { key: 'tracking', titleKey: 'shipping.ui.parcel.sections.tracking', Section: TrackingSection },
  { key: 'notices', titleKey: 'shipping.notices.title', Section: ParcelNotices },
];

/** parcelId stays set while the drawer closes, so its content does not blank during the animation. */
export function ParcelDrawer({
  parcelId,
  open,
  onClose,
  onOpenOrder,
}: {
  parcelId?: string;
  open: boolean;
  onClose: () => void;
  /** opens an order; default: the orders page with that order's drawer */
  onOpenOrder?: (orderId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const parcel = useParcel(open ? parcelId : undefined);
  const del = useDeleteParcel();
  const p = parcel.data;
  const openOrder = onOpenOrder ?? ((id: string) => navigate('/orders', { state: { openOrderId: id } }));

  const unpack = async () => {
    if (!p) return;
    try {
      await del.mutateAsync(p.id);
      message.success(t('shipping.ui.parcel.unpacked', { number: p.number }));
      onClose();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Drawer
      open={open && !!parcelId}
      onClose={onClose}
      width={900}
      data-testid="parcel-drawer"
      title={
        p ? (
          <Space wrap size={[8, 4]}>
            <span data-testid="parcel-number">{p.number}</span>
            <ParcelStatusTag status={p.status} />
            <Tooltip title={t('shipping.ui.parcel.seqHint')}>
              <Tag bordered={false} data-testid="parcel-seq">
                {t('shipping.ui.parcel.seq', { seq: p.seq, count: p.count })}
              </Tag>
            </Tooltip>
            {p.late && <Tag color="red">{t('shipping.ui.parcels.late')}</Tag>}
          </Space>
        ) : (
          t('shipping.ui.parcel.title')
        )
      }
      extra={
        p &&
        !p.shippedAt && (
          <Popconfirm
            title={t('shipping.ui.parcel.unpackConfirm', { number: p.number })}
            description={t('shipping.ui.parcel.unpackDetail')}
            okText={t('shipping.ui.parcel.unpack')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, ...{ 'data-testid': 'parcel-unpack-confirm' } }}
            onConfirm={unpack}
          >
            <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="parcel-unpack">
              {t('shipping.ui.parcel.unpack')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {parcel.isLoading ? (
        <Spin />
      ) : parcel.isError ? (
        <Alert type="error" showIcon message={errorText(t, parcel.error)} />
      ) : (
        p && (
          <>
            {p.late && (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="parcel-late-alert"
                message={t('shipping.ui.parcel.late', { days: p.transitMax })} />
            )}
            {p.overPacked && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="parcel-overpacked"
                message={t('shipping.ui.parcel.overPacked')} />
            )}
            {p.hasCancelled && (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="parcel-cancelled"
                message={t(p.shippedAt ? 'shipping.ui.parcel.cancelledShipped' : 'shipping.ui.parcel.cancelled')} />
            )}
            {sections.map(({ key, titleKey, Section }, i) => (
              <section key={key} data-testid={`parcel-section-${key}`}>
                <Divider orientation="left" style={i === 0 ? { marginTop: 0 } : undefined}>
                  {t(titleKey)}
                </Divider>
                <Section parcel={p} onOpenOrder={openOrder} />
              </section>
            ))}
          </>
        )
      )}
    </Drawer>
  );
}

const nowrap = { whiteSpace: 'nowrap' } as const;

function ShipmentSection({ parcel: p }: SectionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const base = p.baseCurrency;
  const [editing, setEditing] = useState(false);
  useEffect(() => setEditing(false), [p.id]);
  if (editing) return <ShipmentForm parcel={p} onDone={() => setEditing(false)} />;
  const f = (k: string) => t(`shipping.ui.parcel.fields.${k}`);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const size = sizeText(p.lengthMM, p.widthMM, p.heightMM);
  const cover = [p.insured && t('shipping.ui.parcel.insured'), p.signature && t('shipping.ui.parcel.signed')].filter(Boolean).join(' · ');
  const time = (v: string) => (v ? absoluteTime(v) : none);
  // built as a list: a condition inside Descriptions' children leaves an empty cell
  const items: DescriptionsProps['items'] = [
    { key: 'carrier', label: f('carrier'), span: 2, children: <span data-testid="parcel-carrier">{carrierService(p, lang) || none}</span> },
    { key: 'trackingNo', label: f('trackingNo'), children: <TrackingNo no={p.trackingNo} urlTemplate={p.trackingUrl} testid="parcel-tracking-no" /> },
    ...(p.leg2Carrier || p.leg2TrackingNo
      ? [{ key: 'leg2', label: f('leg2'), span: 3, children: [p.leg2Carrier, p.leg2TrackingNo].filter(Boolean).join(' ') }]
      : []),
    { key: 'weight', label: f('weight'), children: weightText(p.weightG) },
    { key: 'size', label: f('size'), children: size || none },
    { key: 'origin', label: f('origin'), children: p.origin ? countryLabel(p.origin, lang) : none },
    { key: 'contents', label: f('contents'), span: 2, children: p.contents || none },
    { key: 'declared', label: f('declared'), children: p.declaredValue ? formatMoney(p.declaredValue, p.declaredCurrency, lang) : none },
    {
      key: 'freight',
      label: f('freight'),
      children: (
        <span data-testid="parcel-freight">
          {p.freight ? formatMoney(p.freight, p.freightCurrency, lang) : none}
          {p.freight > 0 && p.freightCurrency !== base && (
            <Typography.Text type="secondary"> ≈ {formatMoney(p.freightBase, base, lang)}</Typography.Text>
          )}
        </span>
      ),
    },
    { key: 'cover', label: f('cover'), children: cover || none },
    { key: 'note', label: f('note'), children: p.note || none },
    { key: 'packedAt', label: f('packedAt'), children: time(p.packedAt) },
    { key: 'labelledAt', label: f('labelledAt'), children: <span data-testid="parcel-labelled">{time(p.labelledAt)}</span> },
    { key: 'shippedAt', label: f('shippedAt'), children: time(p.shippedAt) },
    { key: 'deliveredAt', label: f('deliveredAt'), children: <span data-testid="parcel-delivered-at">{time(p.deliveredAt)}</span> },
  ];
  return (
    <>
      <Descriptions size="small" column={3} data-testid="parcel-shipment" styles={{ label: nowrap }} items={items} />
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="parcel-edit" style={{ marginTop: 4 }}>
        {t('shipping.ui.parcel.edit')}
      </Button>
    </>
  );
}

/** The shipment's facts that can be corrected after packing (the carrier's bill comes later). */
function ShipmentForm({ parcel: p, onDone }: { parcel: Parcel; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ParcelFormValues>();
  const carriers = useCarriers();
  const save = useSaveParcel();
  const [problems, setProblems] = useState<string[]>([]);
  const freightCurrency = Form.useWatch('freightCurrency', form);
  const f = (k: string) => t(`shipping.ui.pack.fields.${k}`);

  useEffect(() => {
    form.setFieldsValue(toFormValues(inputOf(p)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.id]);

  const onSave = async () => {
    setProblems([]);
    const v = form.getFieldsValue(true) as ParcelFormValues;
    const service = carriers.data?.flatMap((c) => c.services).find((s) => s.id === v.serviceId);
    const input = toParcelInput({ ...v, carrierId: service?.carrierId ?? (v.serviceId ? v.carrierId : '') }, p.id);
    try {
      await save.mutateAsync(input);
      message.success(t('shipping.ui.parcel.saved'));
      onDone();
    } catch (err) {
      setProblems(showErrors(form, t, err, (path) => placeParcelError(path)));
    }
  };

  return (
    <Form form={form} layout="vertical" data-testid="parcel-edit-form" requiredMark={false}>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problems.join(t('common.sentenceSeparator'))} />}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="serviceId" label={f('service')}>
            <ServiceSelect carriers={carriers.data ?? []} testid="parcel-edit-service" allowClear />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="trackingNo" label={f('trackingNo')}>
            <Input data-testid="parcel-edit-tracking" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="leg2Carrier" label={f('leg2Carrier')} tooltip={t('shipping.ui.pack.leg2Hint')}>
            <Input data-testid="parcel-edit-leg2-carrier" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="leg2TrackingNo" label={f('leg2TrackingNo')}>
            <Input data-testid="parcel-edit-leg2-tracking" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="weightG" label={f('weightG')}>
            <InputNumber data-testid="parcel-edit-weight" min={0} precision={0} style={{ width: '100%' }} addonAfter="g" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="lengthCm" label={f('lengthCm')}>
            <InputNumber min={0} precision={1} style={{ width: '100%' }} data-testid="parcel-edit-length" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="widthCm" label={f('widthCm')}>
            <InputNumber min={0} precision={1} style={{ width: '100%' }} data-testid="parcel-edit-width" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="heightCm" label={f('heightCm')}>
            <InputNumber min={0} precision={1} style={{ width: '100%' }} data-testid="parcel-edit-height" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={f('freight')} tooltip={t('shipping.ui.pack.freightHint')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="freight" noStyle>
                <InputNumber data-testid="parcel-edit-freight" min={0} precision={digitsOf(freightCurrency || 'CNY')} style={{ width: '55%' }} />
              </Form.Item>
              <Form.Item name="freightCurrency" noStyle>
                <CurrencySelect testid="parcel-edit-freight-currency" style={{ width: '45%' }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={f('note')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="parcel-edit-note" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" icon={<CheckOutlined />} onClick={onSave} loading={save.isPending} data-testid="parcel-edit-save">
          {t('common.save')}
        </Button>
        <Button icon={<CloseOutlined />} onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}

function RecipientSection({ parcel: p }: SectionProps) {
  const { t } = useTranslation();
  const f = (k: string) => t(`shipping.ui.pack.fields.${k}`);
  const address = [p.shipProvince, p.shipCity !== p.shipProvince ? p.shipCity : '', p.shipDistrict, p.shipStreet, p.shipPostcode]
    .filter(Boolean)
    .join(' ');
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions size="small" column={3} data-testid="parcel-recipient" styles={{ label: nowrap }}>
      <Descriptions.Item label={f('shipName')}>{p.shipName || none}</Descriptions.Item>
      <Descriptions.Item label={f('shipPhone')}>{p.shipPhone || none}</Descriptions.Item>
      <Descriptions.Item label={f('idNumber')}>
        {p.idNumber ? <Typography.Text copyable={{ text: p.idNumber }}>{maskId(p.idNumber)}</Typography.Text> : none}
      </Descriptions.Item>
      <Descriptions.Item label={t('shipping.ui.parcel.fields.address')} span={3}>
        {address || none}
      </Descriptions.Item>
    </Descriptions>
  );
}

function OrdersSection({ parcel: p, onOpenOrder }: SectionProps) {
  const { t, i18n } = useTranslation();
  const f = (k: string) => t(`shipping.ui.parcel.fields.${k}`);
  const base = p.baseCurrency; // the shares are in the base currency
  return (
    <Table<ParcelOrder>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={p.orders}
      data-testid="parcel-orders"
      onRow={(o) => ({ 'data-testid': `parcel-order-${o.number}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: f('order'),
          dataIndex: 'number',
          render: (n: string, o) => (
            <Typography.Link onClick={() => onOpenOrder(o.id)} data-testid="parcel-order-link">
              {n}
            </Typography.Link>
          ),
        },
        { title: f('customer'), dataIndex: 'customer', render: (c: string) => c || '—' },
        { title: f('orderStatus'), dataIndex: 'status', render: (s: string) => <OrderStatusTag status={s} /> },
        {
          title: f('freightShare'),
          dataIndex: 'freightBase',
          align: 'right',
          render: (v: number) => (v ? formatMoney(v, base, i18n.language) : '—'),
        },
      ]}
    />
  );
}

function GoodsSection({ parcel: p }: SectionProps) {
  const { t } = useTranslation();
  const f = (k: string) => t(`shipping.ui.pack.fields.${k}`);
  const multi = p.orders.length > 1;
  return (
    <Table<ParcelLine>
      size="small"
      rowKey="itemId"
      pagination={false}
      dataSource={p.lines}
      data-testid="parcel-lines"
      columns={[
        ...(multi ? [{ title: f('order'), dataIndex: 'orderNumber', width: 150 }] : []),
        {
          title: f('product'),
          key: 'product',
          render: (_, l) => (
            <span>
              {l.name}
              {l.sku && <Typography.Text type="secondary"> · {l.sku}</Typography.Text>}
              {l.packed > l.lineQty && (
                <Tag color="warning" style={{ marginLeft: 6 }}>
                  {t('shipping.ui.parcel.linePackedTwice', { packed: l.packed, qty: l.lineQty })}
                </Tag>
              )}
            </span>
          ),
        },
        { title: f('qty'), dataIndex: 'qty', width: 120, align: 'right' },
        { title: f('lineQty'), dataIndex: 'lineQty', width: 90, align: 'right' },
        { title: f('unitWeight'), dataIndex: 'weightG', width: 100, align: 'right', render: (g: number) => weightText(g) },
      ]}
    />
  );
}

function TrackingSection({ parcel: p }: SectionProps) {
  const { t } = useTranslation();
  const events = [...p.events].reverse(); // newest first
  return (
    <>
      {events.length === 0 ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('shipping.ui.parcel.noEvents')} data-testid="parcel-no-events" />
      ) : (
        <Timeline
          data-testid="parcel-timeline"
          style={{ marginTop: 8 }}
          items={events.map((e) => ({ key: e.id, color: eventColor(e.kind), children: <EventEntry e={e} /> }))}
        />
      )}
      <AddEventForm parcel={p} />
    </>
  );
}

function EventEntry({ e }: { e: TrackingEvent }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`event-${e.kind}`}>
      <Typography.Text strong>{t(`shipping.ui.event.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
      {e.place && <Typography.Text> · {e.place}</Typography.Text>}
      {e.note && <Typography.Text type="secondary"> — {e.note}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {absoluteTime(e.at)}
        {e.source && e.source !== 'manual' && ` · ${t(`shipping.ui.parcel.source.${e.source}`, { defaultValue: e.source })}`}
      </Typography.Text>
    </div>
  );
}

interface EventValues {
  kind?: string;
  at?: Dayjs | null;
  place: string;
  note: string;
}

/** Records a tracking event; an empty time is now. The first event ships the parcel. */
function AddEventForm({ parcel: p }: { parcel: Parcel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const add = useAddEvent();
  const next = nextEventKind(p.events.map((e) => e.kind));
  const first = p.events.length === 0;
  const f = (k: string) => t(`shipping.ui.parcel.event.${k}`);

  useEffect(() => {
    form.setFieldsValue({ kind: next || undefined, at: null, place: '', note: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.id, p.events.length]);

  const onAdd = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v?.kind) return;
    try {
      // the local time with its zone offset: the backend reads a time without a zone as China time
      await add.mutateAsync({ parcelId: p.id, kind: v.kind, at: v.at ? v.at.format() : '', place: v.place ?? '', note: v.note ?? '' });
      message.success(t('shipping.ui.parcel.event.added', { kind: t(`shipping.ui.event.${v.kind}`) }));
    } catch (err) {
      const rest = showErrors(form, t, err, (path) => (path.length === 1 && (path[0] === 'kind' || path[0] === 'at') ? path : undefined));
      if (rest.length) message.error(rest.join(t('common.sentenceSeparator')));
    }
  };

  return (
    <Form form={form} layout="vertical" data-testid="event-form" requiredMark={false} style={{ background: '#fafafa', padding: '12px 12px 0', borderRadius: 8 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {f('title')}
        {first && (
          <Typography.Text type="warning" style={{ fontWeight: 'normal', marginLeft: 8 }} data-testid="event-first-hint">
            {f('firstShips')}
          </Typography.Text>
        )}
      </Typography.Text>
      <Row gutter={8} align="bottom">
        <Col span={5}>
          <Form.Item name="kind" label={f('kind')} rules={[{ required: true, message: f('kindRequired') }]}>
            <Select
              data-testid="event-kind"
              popupMatchSelectWidth={false}
              options={eventKinds.map((k) => ({ value: k, label: t(`shipping.ui.event.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="at" label={f('at')}>
            <DatePicker
              data-testid="event-at"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              placeholder={f('now')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="place" label={f('place')}>
            <Input data-testid="event-place" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="note" label={f('note')}>
            <Input data-testid="event-note" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item label=" " colon={false}>
            <Button type="primary" block onClick={onAdd} loading={add.isPending} data-testid="event-add">
              {f('add')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
