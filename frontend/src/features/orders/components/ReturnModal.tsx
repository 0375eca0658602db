// Goods coming back against a shipped order: which lines and how many, reason and condition,
// back to stock (at the line's location or another) or written off, with an optional refund.
import { useEffect, useState } from 'react';
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toAppError, type OrderDetail, type OrderLine } from '../../../lib/backend';
import { formatMoney, fromMinor, toMinor } from '../../../lib/money';
import { useAddReturn, useLocations } from '../api';
import { lineName, orderErrorText, paymentMethods, returnConditions } from '../format';

interface Values {
  reason: string;
  condition: string;
  disposition: string;
  locationId?: string;
  note: string;
  refund: boolean;
  refundAmount: number | null;
  refundMethod: string;
  refundRef: string;
}

export function ReturnModal({ open, detail, onClose }: { open: boolean; detail: OrderDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddReturn();
  const locations = useLocations();
  const [qty, setQty] = useState<Record<string, number | null>>({});
  const [lineError, setLineError] = useState<string>();
  const cur = detail.figures.currency;
  const disposition = Form.useWatch('disposition', form);
  const refund = Form.useWatch('refund', form);
  const returnable = detail.lines.filter((l) => l.qty - l.returned > 0);
  const value = returnable.reduce((n, l) => n + (qty[l.id] ?? 0) * l.unitPrice, 0);

  useEffect(() => {
    if (!open) return;
    setQty({});
    setLineError(undefined);
    form.setFieldsValue({
      reason: '', condition: 'resaleable', disposition: 'restock', locationId: undefined, note: '',
      refund: false, refundAmount: null, refundMethod: 'wechat', refundRef: '',
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const lines = returnable.filter((l) => (qty[l.id] ?? 0) > 0).map((l) => ({ lineId: l.id, qty: qty[l.id] ?? 0 }));
    if (lines.length === 0) {
      setLineError(t('order.return.empty'));
      return;
    }
    try {
      await add.mutateAsync({
        orderId: detail.order.id, lines, reason: v.reason.trim(), condition: v.condition, disposition: v.disposition,
        locationId: v.disposition === 'restock' ? (v.locationId ?? '') : '', note: (v.note ?? '').trim(), at: '',
        refund: v.refund
          ? { amount: toMinor(v.refundAmount, cur), currency: cur, rate: '', method: v.refundMethod, ref: (v.refundRef ?? '').trim() }
          : undefined,
      });
      message.success(t('orders.returnRecorded'));
      onClose();
    } catch (err) {
      const e = toAppError(err);
      const all = e.details.length ? e.details : [e];
      const onLines = all.filter((x) => x.field?.startsWith('lines'));
      if (onLines.length) setLineError(onLines.map((x) => orderErrorText(t, x)).join(t('common.sentenceSeparator')));
      const rest = all.filter((x) => !x.field?.startsWith('lines'));
      if (rest.length) message.error(rest.map((x) => orderErrorText(t, x)).join(t('common.sentenceSeparator')));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      width={760}
      okText={t('orders.action.return')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      title={t('orders.returnTitle', { number: detail.order.number })}
      okButtonProps={{ ...{ 'data-testid': 'return-save' } }}
      data-testid="return-modal"
      destroyOnHidden
    >
      <Table<OrderLine>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={returnable}
        style={{ marginBottom: 8 }}
        columns={[
          { title: t('orders.fields.product'), render: (_, l) => lineName(l) },
          { title: t('orders.fields.unitPrice'), align: 'right', width: 110, render: (_, l) => formatMoney(l.unitPrice, cur, i18n.language) },
          { title: t('orders.returnable'), align: 'right', width: 90, render: (_, l) => l.qty - l.returned },
          {
            title: t('orders.returnQty'),
            width: 110,
            render: (_, l, i) => (
              <InputNumber
                data-testid={`return-qty-${i}`}
                min={0}
                max={l.qty - l.returned}
                precision={0}
                value={qty[l.id] ?? null}
                onChange={(n) => {
                  setQty((q) => ({ ...q, [l.id]: n }));
                  setLineError(undefined);
                }}
              />
            ),
          },
        ]}
      />
      {lineError && (
        <Typography.Text type="danger" data-testid="return-line-error" style={{ display: 'block', marginBottom: 8 }}>
          {lineError}
        </Typography.Text>
      )}
      <Typography.Paragraph type="secondary">
        {t('orders.returnValue', { value: formatMoney(value, cur, i18n.language) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="reason" label={t('orders.fields.reason')} rules={[{ required: true, whitespace: true, message: t('order.return.reason') }]}>
              <Input data-testid="return-reason" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="condition" label={t('orders.fields.condition')} rules={[{ required: true }]}>
              <Select data-testid="return-condition" options={returnConditions.map((c) => ({ value: c, label: t(`orders.condition.${c}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="disposition" label={t('orders.fields.disposition')}>
              <Radio.Group data-testid="return-disposition">
                <Radio value="restock">{t('orders.disposition.restock')}</Radio>
                <Radio value="write_off">{t('orders.disposition.write_off')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col span={12}>
            {disposition === 'restock' && (
              <Form.Item name="locationId" label={t('orders.fields.restockAt')}>
                <Select
                  data-testid="return-location"
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('orders.sameLocation')}
                  options={(locations.data ?? []).map((l) => ({ value: l.id, label: l.zoneName ? `${l.zoneName} / ${l.name}` : l.name }))}
                />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="note" label={t('orders.fields.note')}>
          <Input data-testid="return-note" />
        </Form.Item>
        <Form.Item name="refund" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox
            data-testid="return-refund"
            onChange={(e) => {
              if (e.target.checked && !form.getFieldValue('refundAmount') && value > 0) {
                form.setFieldValue('refundAmount', fromMinor(Math.min(value, detail.figures.paid), cur));
              }
            }}
          >
            {t('orders.refundWithReturn', { paid: formatMoney(detail.figures.paid, cur, i18n.language) })}
          </Checkbox>
        </Form.Item>
        {refund && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="refundAmount" label={t('orders.fields.refundAmount', { currency: cur })} rules={[{ required: true, message: t('order.payment.amount') }]}>
                <InputNumber data-testid="return-refund-amount" min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="refundMethod" label={t('orders.fields.method')}>
                <Select data-testid="return-refund-method" options={paymentMethods.map((m) => ({ value: m, label: t(`orders.method.${m}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="refundRef" label={t('orders.fields.ref')}>
                <Input data-testid="return-refund-ref" />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Modal>
  );
}
