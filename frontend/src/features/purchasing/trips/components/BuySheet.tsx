// The sheet a buyer fills in for one item of the list: how many, at what price in the trip's
// currency, discount, card or cash (with the trip's rate, editable), which store, tax-free, a
// photo of the receipt, a substitute bought instead, a note, and for what goes into stock its
// batch and expiry (asked for by default when the product expires) — then "Bought" or "Not found".
// Afterwards it says where the goods went (which orders they filled, how many went to stock)
// and offers to undo. A bottom sheet on the shop screen, a side drawer on the desktop.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Alert, AutoComplete, Button, DatePicker, Drawer, Input, InputNumber, Result, Segmented, Space, Spin, Switch, Tag, Typography,
} from 'antd';
import { CameraOutlined, CheckOutlined, CloseOutlined, MinusOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProductSelect } from '../../../../components/ProductSelect';
import { errorText, toAppError, type AppError, type BuyResult, type ListGroup, type ListItem, type Trip } from '../../../../lib/backend';
import { readBase64 } from '../../../../lib/files';
import { digitsOf, formatMoney, fromMinor } from '../../../../lib/money';
import { saveReceipt, useBuy, useMarkNotFound, useSuppliers, useUndo } from '../api';
import { buildBuyInput, buyTotal, defaultBuyForm, expiryMissing, isRate, tripRate, unitsToStock, type BuyForm, type PaidWith } from '../logic';
import './trips.css';

/** The item the sheet is for; adhoc = scanned, not on the list (its goods go to stock). */
export interface BuyTarget {
  item: ListItem;
  group?: ListGroup;
  adhoc?: boolean;
}

type Done = { kind: 'bought'; qty: number; res: BuyResult } | { kind: 'notFound'; id: string };

const formFields = new Set([
  'qty', 'unitPrice', 'discount', 'paidWith', 'rate', 'store', 'supplierId', 'receipt', 'batchCode', 'expiry', 'note', 'productId', 'forProductId',
]);

/** Where a backend field error is shown in the sheet. */
function fieldOf(e: AppError): string | undefined {
  if (!e.field || !formFields.has(e.field) || e.key === 'trip.location.required') return undefined;
  if (e.field === 'supplierId') return 'store';
  if (e.field === 'productId' || e.field === 'forProductId') return 'substitute';
  return e.field;
}

export function BuySheet({
  trip,
  target,
  open,
  onClose,
  placement,
  base,
  locationName,
}: {
  trip: Trip;
  target?: BuyTarget;
  open: boolean;
  onClose: () => void;
  placement: 'bottom' | 'right';
  base: string;
  locationName?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const suppliers = useSuppliers(trip.country);
  const buy = useBuy();
  const notFound = useMarkNotFound();
  const undo = useUndo();
  const [form, setForm] = useState<BuyForm>(() => defaultBuyForm(trip, { need: 1, lastPrice: 0, lastCurrency: '' }));
  const [substitute, setSubstitute] = useState(false);
  const [batch, setBatch] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<Done>();
  const [uploading, setUploading] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const item = target?.item;
  const cur = trip.currency;

  useEffect(() => {
    if (!open || !target) return;
    const storeName = target.group?.supplierId ? target.group.store : '';
    setForm(defaultBuyForm(trip, target.item, storeName));
    setSubstitute(false);
    setBatch(target.item.shelfLife);
    setErrors({});
    setProblem(undefined);
    setDone(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, target?.item.productId]);

  const set = <K extends keyof BuyForm>(k: K, v: BuyForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };

  const showError = (err: unknown) => {
    const e = toAppError(err);
    const list = e.details.length ? e.details : [e];
    const onFields: Record<string, string> = {};
    const general: string[] = [];
    for (const d of list) {
      const f = fieldOf(d);
      if (f) onFields[f] = errorText(t, d);
      else general.push(errorText(t, d));
    }
    setErrors(onFields);
    setProblem(general.length ? general.join(t('common.sentenceSeparator')) : undefined);
  };

  const onBought = async () => {
    if (!item) return;
    if (form.qty < 1) return setErrors({ qty: t('purchase.qty.positive') });
    if (form.rate && !isRate(form.rate)) return setErrors({ rate: t('order.rate.format') });
    if (substitute && !form.substituteId) return setErrors({ substitute: t('purchasing.trips.buy.pickSubstitute') });
    if (expiryMissing(item, form, batch)) return setErrors({ expiry: t('purchasing.trips.buy.expiryNeeded') });
    setProblem(undefined);
    try {
      const withBatch = batch && unitsToStock(item, form.qty) > 0;
      const sent = {
        ...form,
        substituteId: substitute ? form.substituteId : '',
        batchCode: withBatch ? form.batchCode : '',
        expiry: withBatch ? form.expiry : '',
      };
      const input = buildBuyInput(trip, item.productId, sent, suppliers.data ?? []);
      const res = await buy.mutateAsync(input);
      setDone({ kind: 'bought', qty: input.qty, res });
    } catch (err) {
      showError(err);
    }
  };

  const onNotFound = async () => {
    if (!item) return;
    setProblem(undefined);
    try {
      const id = await notFound.mutateAsync({ tripId: trip.id, productId: item.productId, note: form.note.trim(), at: '' });
      setDone({ kind: 'notFound', id });
    } catch (err) {
      showError(err);
    }
  };

  const onUndo = async () => {
    if (!done) return;
    try {
      await undo.mutateAsync(done.kind === 'bought' ? done.res.buyId : done.id);
      setDone(undefined);
    } catch (err) {
      setProblem(errorText(t, err));
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    try {
      set('receipt', await saveReceipt(await readBase64(file)));
    } catch (err) {
      setErrors((e) => ({ ...e, receipt: errorText(t, err) }));
    } finally {
      setUploading(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const total = buyTotal(form, cur);
  const rateNum = Number(form.rate);
  const totalBase = cur !== base && isRate(form.rate) ? Math.round(fromMinor(total, cur) * rateNum * 10 ** digitsOf(base)) : undefined;
  const big = placement === 'bottom';
  const toStock = item ? unitsToStock(item, form.qty) : 0;
  const size = 'large' as const;
  const busy = buy.isPending || notFound.isPending;

  const footer = done ? (
    <Space style={{ width: '100%' }} direction="vertical">
      <Button block size={size} type="primary" onClick={onClose} data-testid="buy-done" style={{ height: 52 }}>
        {t('purchasing.trips.buy.continue')}
      </Button>
      <Button block size={size} icon={<UndoOutlined />} loading={undo.isPending} onClick={() => void onUndo()} data-testid="buy-undo">
        {t('purchasing.trips.undo')}
      </Button>
    </Space>
  ) : (
    <div style={{ display: 'flex', gap: 12 }}>
      <Button
        size={size}
        danger
        icon={<StopOutlined />}
        disabled={trip.closed || target?.adhoc || busy}
        loading={notFound.isPending}
        onClick={() => void onNotFound()}
        data-testid="buy-not-found"
        style={{ height: 52, flex: 1 }}
      >
        {t('purchasing.trips.buy.notFound')}
      </Button>
      <Button
        size={size}
        type="primary"
        icon={<CheckOutlined />}
        disabled={trip.closed || busy}
        loading={buy.isPending}
        onClick={() => void onBought()}
        data-testid="buy-save"
        style={{ height: 52, flex: 2, fontSize: 18 }}
      >
        {t('purchasing.trips.buy.bought')}
      </Button>
    </div>
  );

  return (
    <Drawer
      open={open && !!target}
      onClose={onClose}
      placement={placement}
      height={placement === 'bottom' ? '92%' : undefined}
      width={placement === 'right' ? 480 : undefined}
      closeIcon={<CloseOutlined style={{ fontSize: 20 }} />}
      title={item && <SheetTitle item={item} />}
      footer={footer}
      data-testid="buy-sheet"
      styles={{ body: { padding: big ? 16 : 24 }, header: { padding: big ? '12px 16px' : undefined } }}
      destroyOnHidden
    >
      {item && done ? (
        <DoneView done={done} item={item} locationName={locationName} />
      ) : item ? (
        <Space direction="vertical" size={14} style={{ width: '100%' }}>
          {trip.closed && <Alert type="warning" showIcon message={t('trip.closed')} />}
          {target?.adhoc && <Alert type="info" showIcon message={t('purchasing.trips.buy.adhoc')} />}
          {problem && <Alert type="error" showIcon message={problem} data-testid="buy-problem" />}
          <NeedLine item={item} />

          <Field label={t('purchasing.trips.buy.qty')} error={errors.qty}>
            <div style={{ display: 'flex', gap: 8 }}>
              <Button size={size} icon={<MinusOutlined />} style={{ width: 56 }} disabled={form.qty <= 1}
                onClick={() => set('qty', Math.max(1, form.qty - 1))} data-testid="buy-qty-minus" aria-label="-1" />
              <InputNumber
                size={size}
                min={1}
                precision={0}
                value={form.qty}
                onChange={(v) => set('qty', v ?? 1)}
                inputMode="numeric"
                className="trip-qty"
                style={{ flex: 1 }}
                data-testid="buy-qty"
              />
              <Button size={size} icon={<PlusOutlined />} style={{ width: 56 }}
                onClick={() => set('qty', form.qty + 1)} data-testid="buy-qty-plus" aria-label="+1" />
            </div>
          </Field>

          <div style={{ display: 'flex', gap: 12 }}>
            <Field label={t('purchasing.trips.buy.unitPrice', { currency: cur })} error={errors.unitPrice} style={{ flex: 3 }}
              extra={item.lastCurrency && item.lastPrice > 0 ? t('purchasing.trips.buy.lastPrice', { price: formatMoney(item.lastPrice, item.lastCurrency, locale) }) : undefined}>
              <InputNumber size={size} min={0} precision={digitsOf(cur)} value={form.unitPrice} inputMode="decimal"
                onChange={(v) => set('unitPrice', v)} style={{ width: '100%' }} data-testid="buy-price" />
            </Field>
            <Field label={t('purchasing.trips.buy.discount')} error={errors.discount} style={{ flex: 2 }}>
              <InputNumber size={size} min={0} precision={digitsOf(cur)} value={form.discount} inputMode="decimal"
                onChange={(v) => set('discount', v)} style={{ width: '100%' }} data-testid="buy-discount" />
            </Field>
          </div>
          <div data-testid="buy-total" style={{ fontSize: 16 }}>
            {t('purchasing.trips.buy.total')}{' '}
            <Typography.Text strong style={{ fontSize: 18 }}>{formatMoney(total, cur, locale)}</Typography.Text>
            {totalBase !== undefined && <Typography.Text type="secondary"> ≈ {formatMoney(totalBase, base, locale)}</Typography.Text>}
          </div>

          <Field label={t('purchasing.trips.buy.paidWith')} error={errors.paidWith || errors.rate}>
            <Segmented<PaidWith>
              block
              size={size}
              value={form.paidWith}
              onChange={(v) => setForm((f) => ({ ...f, paidWith: v, rate: tripRate(trip, v) || f.rate }))}
              options={[
                { value: 'card', label: <span data-testid="buy-card">{t('purchasing.trips.buy.card')}</span> },
                { value: 'cash', label: <span data-testid="buy-cash">{t('purchasing.trips.buy.cash')}</span> },
              ]}
            />
            {cur !== base && (
              <Space style={{ marginTop: 8 }} align="center" wrap>
                <Typography.Text type="secondary">1 {cur} =</Typography.Text>
                <Input size={size} value={form.rate} onChange={(e) => set('rate', e.target.value)} inputMode="decimal"
                  placeholder={t('purchasing.trips.buy.ratePlaceholder')} style={{ width: 130 }} data-testid="buy-rate" />
                <Typography.Text type="secondary">{base}</Typography.Text>
              </Space>
            )}
          </Field>

          <Field label={t('purchasing.trips.buy.store')} error={errors.store}>
            <AutoComplete
              size={size}
              value={form.store}
              onChange={(v: string) => set('store', v)}
              options={(suppliers.data ?? []).map((s) => ({ value: s.name, label: s.city ? `${s.name} · ${s.city}` : s.name }))}
              filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())}
              placeholder={t('purchasing.trips.buy.storePlaceholder')}
              style={{ width: '100%' }}
              data-testid="buy-store"
            />
          </Field>

          <Toggle label={t('purchasing.trips.buy.taxFree')} checked={form.taxFree} onChange={(v) => set('taxFree', v)} testid="buy-tax-free" />

          <Field label={t('purchasing.trips.buy.receipt')} error={errors.receipt}>
            <input ref={fileRef} type="file" accept="image/*" capture="environment" hidden data-testid="buy-receipt-file"
              onChange={(e) => void onFile(e.target.files?.[0])} />
            <Space>
              <Button size={size} icon={<CameraOutlined />} loading={uploading} onClick={() => fileRef.current?.click()}
                data-testid="buy-receipt">
                {form.receipt ? t('purchasing.trips.buy.receiptAgain') : t('purchasing.trips.buy.receiptTake')}
              </Button>
              {form.receipt && (
                <a href={`/blobs/${form.receipt}`} target="_blank" rel="noreferrer" data-testid="buy-receipt-preview">
                  <img src={`/blobs/${form.receipt}`} alt="" style={{ width: 48, height: 48, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} />
                </a>
              )}
            </Space>
          </Field>

          {toStock > 0 && (
            <div>
              <Toggle label={t('purchasing.trips.buy.batch', { n: toStock })} checked={batch} onChange={setBatch} testid="buy-batch" />
              {item.shelfLife && (
                <Typography.Text type={batch ? 'secondary' : 'warning'} style={{ fontSize: 12 }} data-testid="buy-shelf-life">
                  {t('purchasing.trips.buy.shelfLife')}
                </Typography.Text>
              )}
            </div>
          )}
          {toStock > 0 && batch && (
            <div style={{ display: 'flex', gap: 12 }}>
              <Field label={t('purchasing.trips.buy.batchCode')} error={errors.batchCode} style={{ flex: 1 }}>
                <Input size={size} value={form.batchCode} onChange={(e) => set('batchCode', e.target.value)} maxLength={64} data-testid="buy-batch-code" />
              </Field>
              <Field label={t('purchasing.trips.buy.expiry')} error={errors.expiry} style={{ flex: 1 }}>
                <DatePicker size={size} value={form.expiry ? dayjs(form.expiry) : null} style={{ width: '100%' }} inputReadOnly
                  onChange={(d) => set('expiry', d ? d.format('YYYY-MM-DD') : '')} data-testid="buy-expiry" />
              </Field>
            </div>
          )}

          <Toggle label={t('purchasing.trips.buy.substitute')} checked={substitute} onChange={setSubstitute} testid="buy-substitute" />
          {substitute && (
            <Field label={t('purchasing.trips.buy.substituteProduct')} error={errors.substitute} extra={t('purchasing.trips.buy.substituteHelp')}>
              <ProductSelect size={size} testid="buy-substitute-product" value={form.substituteId || undefined}
                onChange={(id) => set('substituteId', id ?? '')} />
            </Field>
          )}

          <Field label={t('purchasing.trips.fields.note')} error={errors.note}>
            <Input size={size} value={form.note} onChange={(e) => set('note', e.target.value)} maxLength={500} data-testid="buy-note" />
          </Field>
        </Space>
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}

function SheetTitle({ item }: { item: ListItem }) {
  return (
    <div style={{ lineHeight: 1.3 }}>
      <div style={{ fontSize: 17, fontWeight: 600, whiteSpace: 'normal' }} data-testid="buy-title">{item.name || item.nameOrig}</div>
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {[item.nameOrig, item.brand, item.sku, item.barcode].filter(Boolean).join(' · ')}
      </Typography.Text>
    </div>
  );
}

function NeedLine({ item }: { item: ListItem }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[6, 6]} data-testid="buy-need">
      <Tag color="red" style={{ fontSize: 14, padding: '2px 8px' }}>{t('purchasing.trips.shop.toBuyN', { n: item.need })}</Tag>
      {item.forOrders > 0 && <Tag color="purple">{t('purchasing.trips.forOrdersN', { n: item.forOrders, orders: item.orders })}</Tag>}
      {item.forStock > 0 && <Tag color="blue">{t('purchasing.trips.forStockN', { n: item.forStock })}</Tag>}
      {item.bought > 0 && <Tag color="green">{t('purchasing.trips.boughtN', { n: item.bought })}</Tag>}
      {item.notFound && <Tag color="warning">{t('purchasing.trips.status.notFound')}</Tag>}
    </Space>
  );
}

function DoneView({ done, item, locationName }: { done: Done; item: ListItem; locationName?: string }) {
  const { t } = useTranslation();
  if (done.kind === 'notFound') {
    return (
      <div data-testid="buy-result-not-found">
        <Result
          status="warning"
          title={t('purchasing.trips.buy.markedNotFound')}
          subTitle={item.orders > 0 ? t('purchasing.trips.buy.notFoundOrders', { n: item.orders }) : undefined}
        />
      </div>
    );
  }
  const { res, qty } = done;
  return (
    <div data-testid="buy-result">
    <Result
      status="success"
      title={t('purchasing.trips.buy.boughtDone', { qty })}
      subTitle={
        <Space direction="vertical" size={4} style={{ fontSize: 16 }}>
          {res.fills.map((f) => (
            <div key={f.lineId} data-testid={`buy-fill-${f.orderNumber}`}>
              {t('purchasing.trips.buy.fill', { order: f.orderNumber, qty: f.qty })}
            </div>
          ))}
          {res.toStock > 0 && (
            <div data-testid="buy-to-stock">{t('purchasing.trips.buy.toStock', { qty: res.toStock, location: locationName || '—' })}</div>
          )}
        </Space>
      }
    />
    </div>
  );
}

function Field({ label, error, extra, children, style }: {
  label: ReactNode;
  error?: string;
  extra?: ReactNode;
  children: ReactNode;
  style?: React.CSSProperties;
}) {
  return (
    <div style={style}>
      <div style={{ marginBottom: 4, color: 'rgba(0,0,0,0.65)' }}>{label}</div>
      {children}
      {error ? (
        <div style={{ color: '#ff4d4f', fontSize: 13, marginTop: 2 }} data-testid="buy-field-error">{error}</div>
      ) : (
        extra && <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, marginTop: 2 }}>{extra}</div>
      )}
    </div>
  );
}

function Toggle({ label, checked, onChange, testid }: { label: string; checked: boolean; onChange: (v: boolean) => void; testid: string }) {
  return (
    <label style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', minHeight: 44, cursor: 'pointer' }}>
      <span>{label}</span>
      <Switch checked={checked} onChange={onChange} data-testid={testid} />
    </label>
  );
}
