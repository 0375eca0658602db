// An extra cost of a trip (luggage, forwarder, duty, other — spread over its goods by value or
// weight) or a tax refund (expected amount, its store, status eligible → claimed → received, and
// the amount received: only a received refund lowers the landed cost). A cost in the trip's
// currency is prefilled with the trip's card rate; empty = the kept rate of its date.
import { useEffect } from 'react';
import { App, AutoComplete, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type Cost, type Trip } from '../../../../lib/backend';
import { currencies, digitsOf, fromMinor } from '../../../../lib/money';
import { useSaveCost, useSuppliers } from '../api';
import { costKinds, formToCostInput, isRate, refundStatuses, type CostFormValues } from '../logic';

type Values = Omit<CostFormValues, 'at'> & { at: Dayjs | null };

const fields = new Set(['kind', 'amount', 'currency', 'rate', 'spread', 'store', 'status', 'amountReceived', 'note', 'at']);

export function CostModal({ trip, open, cost, base, onClose }: { trip: Trip; open: boolean; cost?: Cost; base: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCost();
  const suppliers = useSuppliers(trip.country);
  const kind = Form.useWatch('kind', form);
  const status = Form.useWatch('status', form);
  const currency = Form.useWatch('currency', form) ?? trip.currency;
  const refund = kind === 'tax_refund';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (cost) {
      form.setFieldsValue({
        kind: cost.kind, amount: fromMinor(cost.amount, cost.currency), currency: cost.currency, rate: cost.rate,
        spread: cost.spread || 'value', store: cost.store || suppliers.data?.find((s) => s.id === cost.supplierId)?.name || '',
        status: cost.status || 'eligible', amountReceived: cost.amountReceived ? fromMinor(cost.amountReceived, cost.currency) : null,
        note: cost.note, at: cost.at ? dayjs(cost.at) : dayjs(),
      });
    } else {
      form.setFieldsValue({
        kind: 'luggage', amount: null, currency: trip.currency, rate: trip.currency === base ? '' : trip.cardRate || trip.cashRate,
        spread: 'value', store: '', status: 'eligible', amountReceived: null, note: '', at: dayjs(),
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, cost?.id]);

  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = formToCostInput(trip.id, { ...v, at: v.at ? v.at.format('YYYY-MM-DD') : '' }, suppliers.data ?? []);
    if (input.currency === base) input.rate = '';
    try {
      await save.mutateAsync({ id: cost?.id ?? '', input });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      const e = toAppError(err);
      const onFields = (e.details.length ? e.details : [e]).filter((x) => x.field && fields.has(x.field));
      if (onFields.length) form.setFields(onFields.map((x) => ({ name: x.field as keyof Values, errors: [errorText(t, x)] })));
      else message.error(errorText(t, err));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      title={cost ? t('purchasing.trips.costs.editTitle') : t('purchasing.trips.costs.add')}
      okButtonProps={{ ...{ 'data-testid': 'cost-save' } }}
      data-testid="cost-modal"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('purchasing.trips.costs.kind')} rules={[{ required: true, message: t('purchase.cost.kind') }]}>
              <Select data-testid="cost-kind" options={costKinds.map((k) => ({ value: k, label: t(`purchasing.trips.costs.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="at" label={t('purchasing.trips.costs.at')}>
              <DatePicker style={{ width: '100%' }} data-testid="cost-at" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="amount"
              label={refund ? t('purchasing.trips.costs.expected') : t('purchasing.trips.costs.amount')}
              rules={[{ required: true, message: t('purchase.amount.positive') }, { type: 'number', min: Number.MIN_VALUE, message: t('purchase.amount.positive') }]}
            >
              <InputNumber min={0} precision={digitsOf(currency)} style={{ width: '100%' }} data-testid="cost-amount" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="currency" label={t('purchasing.trips.fields.currency')}>
              <Select
                showSearch
                options={currencies.map((c) => ({ value: c, label: c }))}
                data-testid="cost-currency"
                onChange={(c: string) => form.setFieldValue('rate', c === trip.currency && c !== base ? trip.cardRate || trip.cashRate : '')}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="rate"
              label={t('purchasing.trips.costs.rateLabel', { currency, base })}
              rules={[{ validator: (_, v: string) => (!v || isRate(v) ? Promise.resolve() : Promise.reject(new Error(t('order.rate.format')))) }]}
              extra={t('purchasing.trips.costs.rateHelp')}
            >
              <Input disabled={currency === base} placeholder="0.048" data-testid="cost-rate" />
            </Form.Item>
          </Col>
        </Row>
        {refund ? (
          <>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="status" label={t('purchasing.trips.costs.status')} rules={[{ required: true, message: t('purchase.refund.status') }]}>
                  <Select data-testid="cost-status" options={refundStatuses.map((s) => ({ value: s, label: t(`purchasing.trips.costs.statuses.${s}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="amountReceived" label={t('purchasing.trips.costs.received')} extra={status === 'received' ? t('purchasing.trips.costs.receivedHelp') : undefined}>
                  <InputNumber min={0} precision={digitsOf(currency)} style={{ width: '100%' }} disabled={status !== 'received'} data-testid="cost-received" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="store" label={t('purchasing.trips.buy.store')} extra={t('purchasing.trips.costs.storeHelp')}>
              <AutoComplete
                data-testid="cost-store"
                options={(suppliers.data ?? []).map((s) => ({ value: s.name }))}
                filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="spread" label={t('purchasing.trips.costs.spread')}>
            <Select data-testid="cost-spread" options={['value', 'weight'].map((s) => ({ value: s, label: t(`purchasing.trips.costs.spreads.${s}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('purchasing.trips.fields.note')}>
          <Input maxLength={500} data-testid="cost-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
