// A carrier's service in a drawer: its facts (tier, where it leaves from, currency, volume
// divisor, weight limit, transit days, cover) and its rate table, one row per destination
// zone — the provinces it covers (empty = everywhere else), the first weight and its fee,
// then each further step and its fee, in the service's currency. Saving sends the whole
// table: rows removed here are removed.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Carrier, CarrierService } from '../../../lib/backend';
import { showErrors } from '../../../lib/formErrors';
import { digitsOf } from '../../../lib/money';
import { useSaveService, useShippingRules } from '../api';
import { newRate, newService, placeServiceError, serviceValues, toService, type ServiceFormValues } from '../carrierForm';
import { localName, tiers } from '../format';
import { CountrySelect, CurrencySelect } from '../components/pickers';

const cols = { zone: 4, provinces: 7, firstG: 3, firstFee: 3, extraG: 3, extraFee: 3, remove: 1 };

export function ServiceDrawer({ carrier, service, onClose }: { carrier?: Carrier; service?: CarrierService; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceFormValues>();
  const save = useSaveService();
  const rules = useShippingRules();
  const [problems, setProblems] = useState<string[]>([]);
  const currency = Form.useWatch('currency', form) ?? '';
  const open = !!carrier;
  const f = (k: string) => t(`shipping.ui.carriers.service.${k}`);
  const r = (k: string) => t(`shipping.ui.carriers.rate.${k}`);

  useEffect(() => {
    if (!open) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(service ? serviceValues(service) : newService('CNY', rules.data?.homeCountry ?? 'CN'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, carrier?.id, service?.id]);

  const onSave = async () => {
    setProblems([]);
    const ok = await form.validateFields().then(() => true, () => false);
    if (!ok || !carrier) return;
    const v = form.getFieldsValue(true) as ServiceFormValues;
    try {
      await save.mutateAsync(toService(v, carrier.id, service?.id ?? ''));
      message.success(t('shipping.ui.carriers.serviceSaved'));
      onClose();
    } catch (err) {
      setProblems(showErrors(form, t, err, placeServiceError));
    }
  };

  const carrierName = carrier ? localName(carrier.name, carrier.nameEn, i18n.language) : '';
  const money = { precision: digitsOf(currency), style: { width: '100%' }, min: 0 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={960}
      forceRender
      data-testid="service-drawer"
      title={service ? t('shipping.ui.carriers.serviceEdit', { carrier: carrierName }) : t('shipping.ui.carriers.serviceNew', { carrier: carrierName })}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="service-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problems.join(t('common.sentenceSeparator'))} data-testid="service-problems" />
      )}
      <Form form={form} layout="vertical" data-testid="service-form" requiredMark={false}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('shipping.service.name') }]}>
              <Input data-testid="service-form-name" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nameEn" label={f('nameEn')}>
              <Input data-testid="service-form-name-en" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="tier" label={f('tier')} rules={[{ required: true, message: t('form.required') }]}>
              <Select data-testid="service-form-tier" options={tiers.map((k) => ({ value: k, label: t(`shipping.ui.tier.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="origin" label={f('origin')} tooltip={f('originHint')}>
              <CountrySelect testid="service-form-origin" placeholder={f('originAbroad')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="currency" label={f('currency')} rules={[{ required: true, message: t('form.required') }]}>
              <CurrencySelect testid="service-form-currency" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="volumetricDivisor" label={f('divisor')} tooltip={f('divisorHint')}>
              <InputNumber data-testid="service-form-divisor" min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxWeightKg" label={f('maxWeight')} tooltip={f('maxWeightHint')}>
              <InputNumber data-testid="service-form-max-weight" min={0} precision={1} style={{ width: '100%' }} addonAfter="kg" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="transitMin" label={f('transitMin')}>
              <InputNumber data-testid="service-form-transit-min" min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="transitMax" label={f('transitMax')}>
              <InputNumber data-testid="service-form-transit-max" min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="insurance" label={f('insurance')} valuePropName="checked">
              <Switch data-testid="service-form-insurance" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="signature" label={f('signature')} valuePropName="checked">
              <Switch data-testid="service-form-signature" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={f('note')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="service-form-note" />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left">{f('rates')}</Divider>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('shipping.ui.carriers.rate.intro', { currency: currency || '—' })}
        </Typography.Paragraph>
        <Row gutter={8} style={{ marginBottom: 4 }}>
          <Col span={cols.zone}><Typography.Text type="secondary">{r('zone')}</Typography.Text></Col>
          <Col span={cols.provinces}>
            <Tooltip title={r('provincesHint')}>
              <Typography.Text type="secondary">{r('provinces')}</Typography.Text>
            </Tooltip>
          </Col>
          <Col span={cols.firstG}><Typography.Text type="secondary">{r('firstG')}</Typography.Text></Col>
          <Col span={cols.firstFee}><Typography.Text type="secondary">{r('firstFee')}</Typography.Text></Col>
          <Col span={cols.extraG}><Typography.Text type="secondary">{r('extraG')}</Typography.Text></Col>
          <Col span={cols.extraFee}><Typography.Text type="secondary">{r('extraFee')}</Typography.Text></Col>
        </Row>
        <Form.List name="rates">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map(({ key, name }) => (
                <Row gutter={8} key={key} align="top" data-testid={`rate-row-${name}`}>
                  <Col span={cols.zone}>
                    <Form.Item name={[name, 'zone']} style={{ marginBottom: 8 }}>
                      <Input data-testid={`rate-${name}-zone`} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col span={cols.provinces}>
                    <Form.Item name={[name, 'provinces']} style={{ marginBottom: 8 }}>
                      <Input data-testid={`rate-${name}-provinces`} autoComplete="off" placeholder={r('everywhere')} />
                    </Form.Item>
                  </Col>
                  <Col span={cols.firstG}>
                    <Form.Item name={[name, 'firstG']} style={{ marginBottom: 8 }}>
                      <InputNumber data-testid={`rate-${name}-first-g`} min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={cols.firstFee}>
                    <Form.Item name={[name, 'firstFee']} style={{ marginBottom: 8 }}>
                      <InputNumber data-testid={`rate-${name}-first-fee`} {...money} />
                    </Form.Item>
                  </Col>
                  <Col span={cols.extraG}>
                    <Form.Item name={[name, 'extraG']} style={{ marginBottom: 8 }}>
                      <InputNumber data-testid={`rate-${name}-extra-g`} min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={cols.extraFee}>
                    <Form.Item name={[name, 'extraFee']} style={{ marginBottom: 8 }}>
                      <InputNumber data-testid={`rate-${name}-extra-fee`} {...money} />
                    </Form.Item>
                  </Col>
                  <Col span={cols.remove}>
                    <Tooltip title={r('remove')}>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(name)} data-testid={`rate-${name}-remove`} />
                    </Tooltip>
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRate())} data-testid="rate-add">
                {r('add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
