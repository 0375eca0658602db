// A carrier's own fields in a dialog (new or edited): names, kind, tracking page, phone, note.
import { useEffect } from 'react';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../lib/backend';
import { showErrors } from '../../../lib/formErrors';
import { useSaveCarrier } from '../api';
import { carrierValues, newCarrier, placeCarrierError, toCarrier, type CarrierFormValues } from '../carrierForm';
import { carrierKinds } from '../format';

export function CarrierModal({ open, carrier, onClose }: { open: boolean; carrier?: Carrier; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CarrierFormValues>();
  const save = useSaveCarrier();
  const f = (k: string) => t(`shipping.ui.carriers.fields.${k}`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(carrier ? carrierValues(carrier) : newCarrier);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, carrier?.id]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await save.mutateAsync(toCarrier(v, carrier?.id ?? ''));
      message.success(t('shipping.ui.carriers.saved'));
      onClose();
    } catch (err) {
      const rest = showErrors(form, t, err, placeCarrierError);
      if (rest.length) message.error(rest.join(t('common.sentenceSeparator')));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...{ 'data-testid': 'carrier-save' } }}
      title={carrier ? t('shipping.ui.carriers.editTitle', { name: carrier.name }) : t('shipping.ui.carriers.newTitle')}
      width={640}
      forceRender
      data-testid="carrier-modal"
    >
      <Form form={form} layout="vertical" data-testid="carrier-form" requiredMark={false}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('shipping.carrier.name') }]}>
              <Input data-testid="carrier-form-name" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={f('nameEn')}>
              <Input data-testid="carrier-form-name-en" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={f('kind')} rules={[{ required: true, message: t('form.required') }]}>
              <Select data-testid="carrier-form-kind" options={carrierKinds.map((k) => ({ value: k, label: t(`shipping.ui.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={f('phone')}>
              <Input data-testid="carrier-form-phone" autoComplete="off" inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="trackingUrl"
              label={f('trackingUrl')}
              extra={t('shipping.ui.carriers.trackingUrlHint')}
              rules={[{ pattern: /^(https?:\/\/\S+)?$/i, message: t('shipping.ui.carriers.trackingUrlFormat') }]}
            >
              <Input data-testid="carrier-form-tracking-url" autoComplete="off" placeholder="https://…{no}" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={f('note')}>
              <Input.TextArea data-testid="carrier-form-note" autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
