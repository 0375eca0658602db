// What may still change once an order is confirmed: ship-to, due date, priority (override of
// the rule), zone (override of the allocation rule) and note. Nothing that moves money or stock.
import { useEffect } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Order, OrderInfoInput } from '../../../lib/backend';
import { useUpdateOrderInfo, useZones } from '../api';
import { orderErrorText, priorities } from '../format';

type Values = Omit<OrderInfoInput, 'dueDate'> & { dueDate: Dayjs | null };

export function InfoModal({ open, order, onClose }: { open: boolean; order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateOrderInfo();
  const zones = useZones();

  useEffect(() => {
    if (!open) return;
    const o = order;
    form.setFieldsValue({
      shipName: o.shipName, shipPhone: o.shipPhone, shipProvince: o.shipProvince, shipCity: o.shipCity, shipDistrict: o.shipDistrict,
      shipStreet: o.shipStreet, shipPostcode: o.shipPostcode, dueDate: o.dueDate ? dayjs(o.dueDate) : null, priority: o.priority,
      zoneId: o.zoneId, note: o.note,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onOk = async () => {
    const v = await form.validateFields();
    const s = (x: string | undefined) => (x ?? '').trim();
    try {
      await save.mutateAsync({
        id: order.id,
        input: {
          shipName: s(v.shipName), shipPhone: s(v.shipPhone), shipProvince: s(v.shipProvince), shipCity: s(v.shipCity),
          shipDistrict: s(v.shipDistrict), shipStreet: s(v.shipStreet), shipPostcode: s(v.shipPostcode),
          dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : '', priority: v.priority ?? '', zoneId: v.zoneId ?? '', note: s(v.note),
        },
      });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      message.error(orderErrorText(t, err));
    }
  };

  const text = (name: keyof Values, label: string, span = 8) => (
    <Col span={span}>
      <Form.Item name={name} label={label}>
        <Input data-testid={`info-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => void onOk()}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      title={t('orders.infoTitle', { number: order.number })}
      okButtonProps={{ ...{ 'data-testid': 'info-save' } }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          {text('shipName', t('orders.fields.shipName'))}
          {text('shipPhone', t('orders.fields.shipPhone'))}
          {text('shipPostcode', t('orders.fields.shipPostcode'))}
          {text('shipProvince', t('orders.fields.shipProvince'))}
          {text('shipCity', t('orders.fields.shipCity'))}
          {text('shipDistrict', t('orders.fields.shipDistrict'))}
          {text('shipStreet', t('orders.fields.shipStreet'), 24)}
          <Col span={8}>
            <Form.Item name="dueDate" label={t('orders.fields.dueDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('orders.fields.priority')}>
              <Select options={[{ value: '', label: t('orders.priority.byRule') }, ...priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="zoneId" label={t('orders.fields.zone')}>
              <Select options={[{ value: '', label: t('orders.zoneByRule') }, ...(zones.data ?? []).map((z) => ({ value: z.id, label: z.name }))]} />
            </Form.Item>
          </Col>
          {text('note', t('orders.fields.note'), 24)}
        </Row>
      </Form>
    </Modal>
  );
}
