// Record a deposit, payment or refund against an order. A foreign currency asks for the rate
// used (prefilled from the kept rates; empty = the kept rate on the payment date).
import { useEffect } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toAppError, type OrderDetail } from '../../../lib/backend';
import { currencies, formatMoney, fromMinor, toMinor } from '../../../lib/money';
import { rateOn, useAddPayment } from '../api';
import { orderErrorText, paymentKinds, paymentMethods } from '../format';

interface Values {
  kind: string;
  amount: number | null;
  currency: string;
  rate: string;
  method: string;
  ref: string;
  paidAt: Dayjs | null;
  note: string;
}

const fields = new Set(['kind', 'amount', 'currency', 'rate', 'method', 'ref', 'paidAt', 'note']);

/** preset: what to prefill instead of the balance (e.g. the deposit to refund for goods a trip did not find). */
export function PaymentModal({ open, detail, onClose, preset }: {
  open: boolean;
  detail: OrderDetail;
  onClose: () => void;
  preset?: { kind: string; amount: number; note?: string };
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddPayment();
  const f = detail.figures;
  const cancelled = detail.order.status === 'cancelled';
  const currency = Form.useWatch('currency', form) ?? f.currency;
  const paidAt = Form.useWatch('paidAt', form);
  const foreign = currency !== f.baseCurrency;

  useEffect(() => {
    if (!open) return;
    const due = Math.max(0, f.balanceDue);
    form.setFieldsValue({
      kind: cancelled || f.balanceDue < 0 ? 'refund' : f.paid === 0 && due > 0 && detail.order.status === 'confirmed' ? 'deposit' : 'payment',
      amount: cancelled ? fromMinor(f.paid, f.currency) : due > 0 ? fromMinor(due, f.currency) : f.balanceDue < 0 ? fromMinor(-f.balanceDue, f.currency) : null,
      currency: f.currency, rate: '', method: 'wechat', ref: '', paidAt: dayjs(), note: '',
      ...(preset && { kind: preset.kind, amount: fromMinor(preset.amount, f.currency), note: preset.note ?? '' }),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // Prefill the kept rate for a foreign currency on the payment date.
  useEffect(() => {
    if (!open || !foreign || !currency) return;
    const date = (paidAt ?? dayjs()).format('YYYY-MM-DD');
    rateOn(currency, date).then(
      (r) => form.setFieldValue('rate', r),
      () => form.setFieldValue('rate', ''),
    );
  }, [open, foreign, currency, paidAt, form]);

  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await add.mutateAsync({
        orderId: detail.order.id, kind: v.kind, amount: toMinor(v.amount, v.currency), currency: v.currency,
        rate: foreign ? (v.rate ?? '').trim() : '', method: v.method, ref: (v.ref ?? '').trim(), note: (v.note ?? '').trim(),
        // today = now, so the timeline keeps the order things happened in
        paidAt: !v.paidAt || v.paidAt.isSame(dayjs(), 'day') ? '' : v.paidAt.format('YYYY-MM-DD'), returnId: '',
      });
      message.success(t('orders.paymentRecorded'));
      onClose();
    } catch (err) {
      const e = toAppError(err);
      const onFields = (e.details.length ? e.details : [e]).filter((x) => x.field && fields.has(x.field));
      if (onFields.length) form.setFields(onFields.map((x) => ({ name: x.field as keyof Values, errors: [orderErrorText(t, x)] })));
      else message.error(orderErrorText(t, err));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      okText={t('orders.action.pay')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      title={t('orders.paymentTitle', { number: detail.order.number })}
      okButtonProps={{ ...{ 'data-testid': 'payment-save' } }}
      data-testid="payment-modal"
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('orders.paymentSummary', {
          total: formatMoney(f.netTotal, f.currency, i18n.language),
          paid: formatMoney(f.paid, f.currency, i18n.language),
          due: formatMoney(f.balanceDue, f.currency, i18n.language),
        })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t('orders.fields.paymentKind')} rules={[{ required: true }]}>
              <Select
                data-testid="payment-kind"
                options={paymentKinds.filter((k) => !cancelled || k === 'refund').map((k) => ({ value: k, label: t(`orders.paymentKind.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amount" label={t('orders.fields.amount')} rules={[{ required: true, message: t('order.payment.amount') }]}>
              <InputNumber data-testid="payment-amount" min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="currency" label={t('orders.fields.currency')}>
              <Select data-testid="payment-currency" showSearch options={currencies.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
        </Row>
        {foreign && (
          <Form.Item
            name="rate"
            label={t('orders.fields.rate', { currency, base: f.baseCurrency })}
            extra={t('orders.rateHelp')}
          >
            <Input data-testid="payment-rate" placeholder="0.0483" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="method" label={t('orders.fields.method')} rules={[{ required: true }]}>
              <Select data-testid="payment-method" options={paymentMethods.map((m) => ({ value: m, label: t(`orders.method.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ref" label={t('orders.fields.ref')}>
              <Input data-testid="payment-ref" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="paidAt" label={t('orders.fields.paidAt')}>
              <DatePicker data-testid="payment-date" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('orders.fields.note')}>
          <Input data-testid="payment-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
