// Quick order entry: take an order during a chat with the keyboard only. Customer (type name,
// phone or WeChat, Enter; or "new customer" inline), channel, product lines (scan or type, Enter
// adds the line and jumps to its quantity, Enter goes back to the product box), discount,
// shipping fee, deposit, due date. Ctrl+Enter saves: creates the draft, confirms it (stock is
// reserved) and records the deposit. If confirming fails (not enough stock) the draft is kept
// and the next save updates it instead of making a second order.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert, App, Button, Checkbox, Col, DatePicker, Divider, Input, InputNumber, Modal, Row, Select, Space, Tooltip, Typography,
  type InputRef, type RefSelectProps,
} from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Customer, OrderDetail, OrderInput, Product } from '../../../lib/backend';
import { productLabel } from '../../../lib/lookups';
import { currencies, formatMoney, fromMinor, toMinor } from '../../../lib/money';
import { createCustomer, orderApi, orderKeys } from '../api';
import { useSettings } from '../../settings/api';
import { channels, orderErrorLines, paymentMethods, priorities } from '../format';
import { CustomerPicker, ProductBox } from './pickers';

interface DraftLine {
  key: string;
  productId: string;
  title: string;
  label: string;
  qty: number | null;
  price: number | null; // major units of the order currency
  preorder: boolean;
  available?: number;
}

interface NewCustomer {
  name: string;
  phone: string;
  wechat: string;
}

let lineSeq = 0;

export function QuickOrderModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (d: OrderDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const baseCurrency = settings.data?.baseCurrency || 'CNY';
  const locale = i18n.language;

  const [customer, setCustomer] = useState<Pick<Customer, 'id' | 'name' | 'phone' | 'wechat'>>();
  const [newCustomer, setNewCustomer] = useState<NewCustomer>();
  const [channel, setChannel] = useState('wechat');
  const [channelOrderNo, setChannelOrderNo] = useState('');
  const [currency, setCurrency] = useState<string>();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [discount, setDiscount] = useState<number | null>(null);
  const [shippingFee, setShippingFee] = useState<number | null>(null);
  const [deposit, setDeposit] = useState<number | null>(null);
  const [depositMethod, setDepositMethod] = useState('wechat');
  const [dueDate, setDueDate] = useState<Dayjs | null>(null);
  const [priority, setPriority] = useState('');
  const [note, setNote] = useState('');
  const [draftId, setDraftId] = useState<string>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [focusLine, setFocusLine] = useState<string>();

  const customerRef = useRef<RefSelectProps>(null);
  const newNameRef = useRef<InputRef>(null);
  const newPhoneRef = useRef<InputRef>(null);
  const productRef = useRef<RefSelectProps>(null);
  const qtyRefs = useRef(new Map<string, HTMLInputElement | null>());
  const cur = currency ?? baseCurrency;

  const reset = () => {
    setCustomer(undefined);
    setNewCustomer(undefined);
    setChannel('wechat');
    setChannelOrderNo('');
    setCurrency(undefined);
    setLines([]);
    setDiscount(null);
    setShippingFee(null);
    setDeposit(null);
    setDepositMethod('wechat');
    setDueDate(null);
    setPriority('');
    setNote('');
    setDraftId(undefined);
    setErrors([]);
  };

  useEffect(() => {
    if (open) setTimeout(() => customerRef.current?.focus(), 50);
  }, [open]);

  // After a line is added, its quantity box takes the focus (selected, so typing replaces 1).
  useEffect(() => {
    if (!focusLine) return;
    const el = qtyRefs.current.get(focusLine);
    if (el) {
      el.focus();
      el.select();
    }
    setFocusLine(undefined);
  }, [focusLine, lines]);

  const figures = useMemo(() => {
    const goods = lines.reduce((n, l) => n + (l.qty ?? 0) * toMinor(l.price ?? 0, cur), 0);
    const total = goods - toMinor(discount, cur) + toMinor(shippingFee, cur);
    return { goods, total, balance: total - toMinor(deposit, cur) };
  }, [lines, discount, shippingFee, deposit, cur]);

  const addProduct = (p: Product) => {
    const existing = lines.find((l) => l.productId === p.id);
    if (existing) {
      setLines((ls) => ls.map((l) => (l.key === existing.key ? { ...l, qty: (l.qty ?? 0) + 1 } : l)));
      setFocusLine(existing.key);
      return;
    }
    const key = `l${++lineSeq}`;
    const samePrice = !p.priceCurrency || p.priceCurrency === cur;
    setLines((ls) => [
      ...ls,
      {
        key, productId: p.id, title: '', label: productLabel(p), qty: 1,
        price: samePrice ? fromMinor(p.price, cur) : null, preorder: p.available <= 0, available: p.available,
      },
    ]);
    setFocusLine(key);
  };

  const addTitle = (title: string) => {
    const key = `l${++lineSeq}`;
    setLines((ls) => [...ls, { key, productId: '', title, label: title, qty: 1, price: null, preorder: true }]);
    setFocusLine(key);
  };

  const setLine = (key: string, patch: Partial<DraftLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const startNewCustomer = (text: string) => {
    // what was typed is a phone number, a WeChat id or a name
    const phone = /^\+?[\d\s-]{6,}$/.test(text) ? text : '';
    const wechat = !phone && /^[A-Za-z][\w-]{4,}$/.test(text) ? text : '';
    setCustomer(undefined);
    setNewCustomer({ name: phone || wechat ? '' : text, phone, wechat });
    setTimeout(() => (phone || wechat ? newNameRef : newPhoneRef).current?.focus(), 30);
  };

  const input = (customerId: string): OrderInput => ({
    channel, channelOrderNo: channelOrderNo.trim(), customerId,
    shipName: '', shipPhone: '', shipProvince: '', shipCity: '', shipDistrict: '', shipStreet: '', shipPostcode: '',
    currency: cur, discount: toMinor(discount, cur), shippingFee: toMinor(shippingFee, cur),
    dueDate: dueDate ? dueDate.format('YYYY-MM-DD') : '', priority, zoneId: '', note: note.trim(), orderedAt: '',
    lines: lines.map((l) => ({
      id: '', productId: l.productId, title: l.title, qty: l.qty ?? 0, unitPrice: toMinor(l.price, cur), preorder: l.preorder, locationId: '',
    })),
  });

  /** confirm=false keeps the order a draft. */
  const save = async (confirm: boolean) => {
    if (saving) return;
    setErrors([]);
    setSaving(true);
    let orderId = draftId;
    try {
      let customerId = customer?.id ?? '';
      if (newCustomer) {
        const c = await createCustomer({
          name: newCustomer.name.trim(), phone: newCustomer.phone.trim(), wechat: newCustomer.wechat.trim(),
          xiaohongshu: '', taobao: '', email: '', idNumber: '', idPhoto: '', tags: [], notes: '',
        });
        customerId = c.id;
        setCustomer(c);
        setNewCustomer(undefined);
      }
      const draft = orderId ? await orderApi.update(orderId, input(customerId)) : await orderApi.create(input(customerId));
      orderId = draft.order.id;
      setDraftId(orderId);
      let detail = draft;
      if (confirm) {
        try {
          detail = await orderApi.transition(orderId, 'confirmed');
        } catch (err) {
          setErrors([t('orders.quick.keptDraft', { number: draft.order.number }), ...orderErrorLines(t, err)]);
          return;
        }
        const dep = toMinor(deposit, cur);
        if (dep > 0) {
          try {
            detail = await orderApi.addPayment({
              orderId, kind: 'deposit', amount: dep, currency: cur, rate: '', method: depositMethod, ref: '', note: '', paidAt: '', returnId: '',
            });
          } catch (err) {
            message.error(orderErrorLines(t, err).join(t('common.sentenceSeparator')));
          }
        }
      }
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      message.success(t(confirm ? 'orders.quick.created' : 'orders.quick.draftSaved', { number: detail.order.number }));
      reset();
      onDone(detail);
    } catch (err) {
      setErrors(orderErrorLines(t, err));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void save(true);
    }
  };

  const close = () => {
    onClose();
  };

  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 2 }}>
      {text}
    </Typography.Text>
  );

  return (
    <Modal
      open={open}
      onCancel={close}
      width={920}
      title={draftId ? t('orders.quick.titleDraft') : t('orders.quick.title')}
      destroyOnHidden={false}
      maskClosable={false}
      data-testid="quick-order"
      footer={
        <Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orders.quick.hint')}
          </Typography.Text>
          <Button onClick={() => { reset(); close(); }} data-testid="quick-discard">
            {t('orders.quick.discard')}
          </Button>
          <Button onClick={() => void save(false)} loading={saving} data-testid="quick-save-draft">
            {t('orders.quick.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => void save(true)} loading={saving} data-testid="quick-save">
            {t('orders.quick.save')}
          </Button>
        </Space>
      }
    >
      <div onKeyDownCapture={onKeyDownCapture} data-testid="quick-order-body">
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="quick-errors"
            message={errors.map((e, i) => <div key={i}>{e}</div>)}
          />
        )}
        <Row gutter={12}>
          <Col span={11}>
            {label(t('orders.fields.customer'))}
            {newCustomer ? (
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  ref={newNameRef}
                  data-testid="quick-new-name"
                  placeholder={t('orders.quick.newName')}
                  value={newCustomer.name}
                  onChange={(e) => setNewCustomer({ ...newCustomer, name: e.target.value })}
                />
                <Input
                  ref={newPhoneRef}
                  data-testid="quick-new-phone"
                  placeholder={t('orders.quick.newPhone')}
                  value={newCustomer.phone}
                  onChange={(e) => setNewCustomer({ ...newCustomer, phone: e.target.value })}
                />
                <Input
                  data-testid="quick-new-wechat"
                  placeholder={t('orders.quick.newWechat')}
                  value={newCustomer.wechat}
                  onChange={(e) => setNewCustomer({ ...newCustomer, wechat: e.target.value })}
                />
              </Space.Compact>
            ) : (
              <CustomerPicker
                ref={customerRef}
                testid="quick-customer"
                style={{ width: '100%' }}
                value={customer?.id}
                picked={customer}
                placeholder={t('orders.quick.customerPlaceholder')}
                onChange={(_id, c) => setCustomer(c)}
                onCreate={startNewCustomer}
              />
            )}
            {newCustomer && (
              <Button
                type="link"
                size="small"
                tabIndex={-1}
                style={{ padding: 0 }}
                onClick={() => {
                  setNewCustomer(undefined);
                  setTimeout(() => customerRef.current?.focus(), 30);
                }}
              >
                {t('orders.quick.pickExisting')}
              </Button>
            )}
          </Col>
          <Col span={4}>
            {label(t('orders.fields.channel'))}
            <Select
              data-testid="quick-channel"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={channel}
              onChange={setChannel}
              options={channels.map((c) => ({ value: c, label: t(`orders.channel.${c}`) }))}
            />
          </Col>
          <Col span={5}>
            {label(t('orders.fields.channelOrderNo'))}
            <Input data-testid="quick-channel-no" value={channelOrderNo} onChange={(e) => setChannelOrderNo(e.target.value)} />
          </Col>
          <Col span={4}>
            {label(t('orders.fields.currency'))}
            <Select
              data-testid="quick-currency"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={cur}
              onChange={setCurrency}
              options={currencies.map((c) => ({ value: c, label: c }))}
            />
          </Col>
        </Row>

        <Divider style={{ margin: '12px 0' }} />
        {label(t('orders.quick.products'))}
        <ProductBox ref={productRef} testid="quick-product" onProduct={addProduct} onTitle={addTitle} />
        <div data-testid="quick-lines" style={{ marginTop: 8 }}>
          {lines.length > 0 && (
            <Row gutter={8} style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>
              <Col span={9}>{t('orders.fields.product')}</Col>
              <Col span={3}>{t('orders.fields.qty')}</Col>
              <Col span={4}>{t('orders.fields.unitPrice')}</Col>
              <Col span={3}>{t('orders.fields.preorder')}</Col>
              <Col span={4} style={{ textAlign: 'right' }}>{t('orders.fields.amount')}</Col>
              <Col span={1} />
            </Row>
          )}
          {lines.map((l, i) => {
            const short = !l.preorder && l.available !== undefined && (l.qty ?? 0) > l.available;
            return (
              <Row gutter={8} key={l.key} align="middle" style={{ marginBottom: 4 }} data-testid={`quick-line-${i}`}>
                <Col span={9} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {l.label}
                  {l.available !== undefined && (
                    <Typography.Text type={short ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {' '}
                      {t('orders.availableShort', { count: l.available })}
                    </Typography.Text>
                  )}
                </Col>
                <Col span={3}>
                  <InputNumber
                    ref={(el) => {
                      qtyRefs.current.set(l.key, el as HTMLInputElement | null);
                    }}
                    data-testid={`quick-line-qty-${i}`}
                    min={1}
                    precision={0}
                    style={{ width: '100%' }}
                    value={l.qty}
                    status={short ? 'warning' : undefined}
                    onChange={(v) => setLine(l.key, { qty: v })}
                    onPressEnter={(e) => {
                      if (e.ctrlKey || e.metaKey) return;
                      e.preventDefault();
                      productRef.current?.focus();
                    }}
                  />
                </Col>
                <Col span={4}>
                  <InputNumber
                    data-testid={`quick-line-price-${i}`}
                    min={0}
                    style={{ width: '100%' }}
                    value={l.price}
                    onChange={(v) => setLine(l.key, { price: v })}
                    onPressEnter={(e) => {
                      if (e.ctrlKey || e.metaKey) return;
                      e.preventDefault();
                      productRef.current?.focus();
                    }}
                  />
                </Col>
                <Col span={3}>
                  <Checkbox
                    data-testid={`quick-line-preorder-${i}`}
                    checked={l.preorder}
                    disabled={!l.productId}
                    onChange={(e) => setLine(l.key, { preorder: e.target.checked })}
                  >
                    {t('orders.preorderShort')}
                  </Checkbox>
                </Col>
                <Col span={4} style={{ textAlign: 'right' }}>
                  {formatMoney((l.qty ?? 0) * toMinor(l.price ?? 0, cur), cur, locale)}
                </Col>
                <Col span={1}>
                  <Tooltip title={t('common.delete')}>
                    <Button
                      size="small"
                      type="text"
                      tabIndex={-1}
                      icon={<DeleteOutlined />}
                      onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                    />
                  </Tooltip>
                </Col>
              </Row>
            );
          })}
        </div>

        <Divider style={{ margin: '12px 0' }} />
        <Row gutter={12}>
          <Col span={4}>
            {label(t('orders.fields.discount'))}
            <InputNumber data-testid="quick-discount" min={0} style={{ width: '100%' }} value={discount} onChange={setDiscount} />
          </Col>
          <Col span={4}>
            {label(t('orders.fields.shippingFee'))}
            <InputNumber data-testid="quick-shipping" min={0} style={{ width: '100%' }} value={shippingFee} onChange={setShippingFee} />
          </Col>
          <Col span={4}>
            {label(t('orders.fields.deposit'))}
            <InputNumber data-testid="quick-deposit" min={0} style={{ width: '100%' }} value={deposit} onChange={setDeposit} />
          </Col>
          <Col span={4}>
            {label(t('orders.fields.method'))}
            <Select
              data-testid="quick-deposit-method"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={depositMethod}
              onChange={setDepositMethod}
              options={paymentMethods.map((m) => ({ value: m, label: t(`orders.method.${m}`) }))}
            />
          </Col>
          <Col span={4}>
            {label(t('orders.fields.dueDate'))}
            <DatePicker data-testid="quick-due" style={{ width: '100%' }} value={dueDate} onChange={setDueDate} />
          </Col>
          <Col span={4}>
            {label(t('orders.fields.priority'))}
            <Select
              data-testid="quick-priority"
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              value={priority}
              onChange={setPriority}
              options={[{ value: '', label: t('orders.priority.byRule') }, ...priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))]}
            />
          </Col>
        </Row>
        <Row gutter={12} style={{ marginTop: 8 }} align="bottom">
          <Col span={12}>
            {label(t('orders.fields.note'))}
            <Input data-testid="quick-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </Col>
          <Col span={12} style={{ textAlign: 'right' }} data-testid="quick-totals">
            <Space size="large">
              <span>
                {t('orders.fields.total')}: <Typography.Text strong>{formatMoney(figures.total, cur, locale)}</Typography.Text>
              </span>
              <span>
                {t('orders.fields.balanceDue')}: <Typography.Text strong>{formatMoney(figures.balance, cur, locale)}</Typography.Text>
              </span>
            </Space>
          </Col>
        </Row>
      </div>
    </Modal>
  );
}
