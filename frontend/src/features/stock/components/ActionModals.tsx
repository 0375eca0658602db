// The stock actions: receive, adjust, transfer. Each is a modal form; a server error that names
// a field is shown on that field, anything else as a message.
import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Space, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LocationSelect } from '../../../components/LocationSelect';
import { ProductSelect } from '../../../components/ProductSelect';
import { errorText, toAppError, type Product } from '../../../lib/backend';
import { productLabel } from '../../../lib/lookups';
import { currencies, digitsOf, fromMinor, toMinor } from '../../../lib/money';
import { useAdjust, useAdjustReasons, useReceive, useTransfer } from '../api';

/** Prefill for an action started from a stock row. */
export interface ActionPrefill {
  productId?: string;
  product?: Product;
  locationId?: string;
  batchId?: string;
}

function fail(form: FormInstance, t: TFunction, message: (s: string) => void, err: unknown, fields: string[]) {
  const e = toAppError(err);
  const field = e.field === 'from' ? 'from' : e.field;
  if (field && fields.includes(field)) form.setFields([{ name: field, errors: [errorText(t, e)] }]);
  else message(errorText(t, e));
}

function useActionForm<V>(open: boolean, initial: Partial<V>) {
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial as Parameters<typeof form.setFieldsValue>[0]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return form;
}

interface ReceiveValues {
  productId: string;
  locationId: string;
  qty: number;
  batchCode: string;
  expiry?: Dayjs;
  unitCost: number | null;
  costCurrency: string;
  note: string;
}

export function ReceiveModal({ open, onClose, prefill }: { open: boolean; onClose: () => void; prefill?: ActionPrefill }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const receive = useReceive();
  const form = useActionForm<ReceiveValues>(open, {
    productId: prefill?.productId,
    locationId: prefill?.locationId,
    costCurrency: 'CNY',
  });
  const [product, setProduct] = useState<Product | undefined>(prefill?.product);
  const currency = Form.useWatch('costCurrency', form) ?? 'CNY';

  const onPicked = (p: Product | undefined) => {
    setProduct(p);
    if (p && p.cost > 0 && !form.getFieldValue('unitCost')) {
      form.setFieldsValue({ unitCost: fromMinor(p.cost, p.costCurrency), costCurrency: p.costCurrency });
    }
  };

  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await receive.mutateAsync({
        productId: v.productId,
        locationId: v.locationId,
        qty: v.qty,
        batchCode: (v.batchCode ?? '').trim(),
        expiry: v.expiry ? v.expiry.format('YYYY-MM-DD') : '',
        unitCost: toMinor(v.unitCost, v.costCurrency),
        costCurrency: v.unitCost ? v.costCurrency : '',
        ref: '',
        note: v.note ?? '',
        at: '',
      });
      message.success(t('stock.received', { qty: v.qty }));
      onClose();
    } catch (err) {
      fail(form, t, message.error, err, ['productId', 'locationId', 'qty', 'expiry', 'unitCost', 'costCurrency']);
    }
  };

  return (
    <Modal
      open={open}
      title={t('stock.actions.receive')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('stock.actions.receive')}
      cancelText={t('common.cancel')}
      confirmLoading={receive.isPending}
      okButtonProps={{ ...{ 'data-testid': 'receive-submit' } }}
      forceRender
      data-testid="receive-modal"
      width={560}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="productId" label={t('stock.fields.product')} rules={[{ required: true, message: t('stock.pickProduct') }]} extra={t('stock.scanHint')}>
          <ProductSelect testid="receive-product" onPicked={onPicked} initialLabel={prefill?.product && productLabel(prefill.product)} />
        </Form.Item>
        <Form.Item name="locationId" label={t('stock.fields.location')} rules={[{ required: true, message: t('stock.pickLocation') }]}>
          <LocationSelect testid="receive-location" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="qty" label={t('stock.fields.qty')} rules={[{ required: true, message: t('stock.qty.positive') }]}>
            <InputNumber data-testid="receive-qty" min={1} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="batchCode" label={t('stock.fields.batch')}>
            <Input data-testid="receive-batch" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item
            name="expiry"
            label={t('stock.fields.expiry')}
            rules={[{ required: !!product?.shelfLife, message: t('stock.expiryNeeded') }]}
          >
            <DatePicker data-testid="receive-expiry" format="YYYY-MM-DD" />
          </Form.Item>
        </Space>
        <Form.Item label={t('stock.fields.unitCost')}>
          <Space.Compact>
            <Form.Item name="unitCost" noStyle>
              <InputNumber data-testid="receive-unitCost" min={0} precision={digitsOf(currency)} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="costCurrency" noStyle>
              <Select style={{ width: 96 }} showSearch options={currencies.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="note" label={t('stock.fields.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AdjustValues {
  productId: string;
  locationId: string;
  delta: number;
  reason: string;
  note: string;
}

export function AdjustModal({ open, onClose, prefill }: { open: boolean; onClose: () => void; prefill?: ActionPrefill }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adjust = useAdjust();
  const reasons = useAdjustReasons();
  const form = useActionForm<AdjustValues>(open, { productId: prefill?.productId, locationId: prefill?.locationId });

  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await adjust.mutateAsync({
        productId: v.productId,
        locationId: v.locationId,
        batchId: prefill?.productId === v.productId && prefill?.locationId === v.locationId ? prefill.batchId ?? '' : '',
        ref: '',
        delta: v.delta,
        reason: v.reason,
        note: v.note ?? '',
        at: '',
      });
      message.success(t('stock.adjusted'));
      onClose();
    } catch (err) {
      fail(form, t, message.error, err, ['productId', 'locationId', 'delta', 'reason']);
      if (toAppError(err).field === 'qty') form.setFields([{ name: 'delta', errors: [errorText(t, err)] }]);
    }
  };

  return (
    <Modal
      open={open}
      title={t('stock.actions.adjust')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={adjust.isPending}
      okButtonProps={{ ...{ 'data-testid': 'adjust-submit' } }}
      forceRender
      data-testid="adjust-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item name="productId" label={t('stock.fields.product')} rules={[{ required: true, message: t('stock.pickProduct') }]}>
          <ProductSelect testid="adjust-product" initialLabel={prefill?.product && productLabel(prefill.product)} />
        </Form.Item>
        <Form.Item name="locationId" label={t('stock.fields.location')} rules={[{ required: true, message: t('stock.pickLocation') }]}>
          <LocationSelect testid="adjust-location" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="delta"
            label={t('stock.fields.delta')}
            tooltip={t('stock.deltaHelp')}
            rules={[{ required: true, validator: (_, v: number) => (v ? Promise.resolve() : Promise.reject(new Error(t('stock.delta.zero')))) }]}
          >
            <InputNumber data-testid="adjust-delta" precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('stock.fields.reason')} rules={[{ required: true, message: t('stock.reason.required') }]}>
            <Select
              data-testid="adjust-reason"
              style={{ width: 200 }}
              options={(reasons.data ?? []).map((r) => ({ value: r, label: t(`stock.reasons.${r}`, { defaultValue: r }) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('stock.fields.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TransferValues {
  productId: string;
  from: string;
  to: string;
  qty: number;
  note: string;
}

export function TransferModal({ open, onClose, prefill }: { open: boolean; onClose: () => void; prefill?: ActionPrefill }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transfer = useTransfer();
  const form = useActionForm<TransferValues>(open, { productId: prefill?.productId, from: prefill?.locationId });

  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await transfer.mutateAsync({
        productId: v.productId,
        from: v.from,
        to: v.to,
        batchId: prefill?.productId === v.productId && prefill?.locationId === v.from ? prefill.batchId ?? '' : '',
        qty: v.qty,
        note: v.note ?? '',
        at: '',
      });
      message.success(t('stock.transferred', { qty: v.qty }));
      onClose();
    } catch (err) {
      const e = toAppError(err);
      // "qty" errors (not enough stock) concern the source location
      if (e.field === 'locationId') form.setFields([{ name: 'from', errors: [errorText(t, e)] }]);
      else fail(form, t, message.error, err, ['productId', 'from', 'to', 'qty']);
    }
  };

  return (
    <Modal
      open={open}
      title={t('stock.actions.transfer')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('stock.actions.transfer')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      okButtonProps={{ ...{ 'data-testid': 'transfer-submit' } }}
      forceRender
      data-testid="transfer-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item name="productId" label={t('stock.fields.product')} rules={[{ required: true, message: t('stock.pickProduct') }]}>
          <ProductSelect testid="transfer-product" initialLabel={prefill?.product && productLabel(prefill.product)} />
        </Form.Item>
        <Form.Item name="from" label={t('stock.fields.from')} rules={[{ required: true, message: t('stock.pickLocation') }]}>
          <LocationSelect testid="transfer-from" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('stock.fields.to')}
          dependencies={['from']}
          rules={[
            { required: true, message: t('stock.pickLocation') },
            ({ getFieldValue }) => ({
              validator: (_, v: string) =>
                v && v === getFieldValue('from') ? Promise.reject(new Error(t('stock.transfer.same'))) : Promise.resolve(),
            }),
          ]}
        >
          <LocationSelect testid="transfer-to" />
        </Form.Item>
        <Form.Item name="qty" label={t('stock.fields.qty')} rules={[{ required: true, message: t('stock.qty.positive') }]}>
          <InputNumber data-testid="transfer-qty" min={1} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="note" label={t('stock.fields.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
