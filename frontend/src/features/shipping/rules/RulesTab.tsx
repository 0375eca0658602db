// The team's carrier rules: where its own stock is, when a parcel counts as valuable (insured
// and signed for) or light (economy), which service goes to which provinces, and the sender
// and note printed on labels and packing slips.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Spin, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/backend';
import { showErrors } from '../../../lib/formErrors';
import { digitsOf } from '../../../lib/money';
import { useCarriers, useSaveRules, useShippingRules } from '../api';
import { useBaseCurrency } from '../../settings/api';
import { placeRulesError, rulesValues, toRules, type RulesFormValues } from '../carrierForm';
import { CountrySelect, ServiceSelect } from '../components/pickers';

export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useShippingRules();
  const carriers = useCarriers();
  const base = useBaseCurrency();
  const save = useSaveRules();
  const [form] = Form.useForm<RulesFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const f = (k: string) => t(`shipping.ui.rulesForm.${k}`);

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rulesValues(rules.data, base));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rules.data, base]);

  const onSave = async () => {
    setProblems([]);
    const ok = await form.validateFields().then(() => true, () => false);
    if (!ok) return;
    try {
      await save.mutateAsync(toRules(form.getFieldsValue(true) as RulesFormValues, base));
      message.success(f('saved'));
    } catch (err) {
      setProblems(showErrors(form, t, err, placeRulesError));
    }
  };

  if (rules.isLoading) return <Spin />;
  if (rules.isError) return <Alert type="error" showIcon message={errorText(t, rules.error)} />;

  return (
    <Form form={form} layout="vertical" data-testid="rules-form" requiredMark={false} style={{ maxWidth: 980 }}>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problems.join(t('common.sentenceSeparator'))} />}
      <Card size="small" title={f('suggestion')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="homeCountry" label={f('homeCountry')} extra={f('homeHint')} rules={[{ required: true, message: t('shipping.rules.home') }]}>
              <CountrySelect testid="rules-home" allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="valuableFrom" label={f('valuableFrom')} extra={f('valuableHint')}>
              <InputNumber data-testid="rules-valuable" min={0} precision={digitsOf(base)} style={{ width: '100%' }} addonAfter={base} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lightUpToG" label={f('lightUpToG')} extra={f('lightHint')}>
              <InputNumber data-testid="rules-light" min={0} precision={0} style={{ width: '100%' }} addonAfter="g" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{f('destinations')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {f('destinationsHint')}
        </Typography.Paragraph>
        <Form.List name="destinations">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Row gutter={8} key={key} align="top" data-testid={`rules-destination-${name}`}>
                  <Col span={11}>
                    <Form.Item name={[name, 'provinces']} style={{ marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: f('provincesRequired') }]}>
                      <Input data-testid={`rules-destination-${name}-provinces`} placeholder={f('provincesPlaceholder')} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col span={11}>
                    <Form.Item name={[name, 'serviceId']} style={{ marginBottom: 8 }} rules={[{ required: true, message: f('serviceRequired') }]}>
                      <ServiceSelect
                        carriers={carriers.data ?? []}
                        testid={`rules-destination-${name}-service`}
                        placeholder={f('service')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Tooltip title={f('removeDestination')}>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(name)} />
                    </Tooltip>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ provinces: '' })} data-testid="rules-destination-add">
                {f('addDestination')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={f('sender')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="senderName" label={f('senderName')}>
              <Input data-testid="rules-sender-name" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="senderPhone" label={f('senderPhone')}>
              <Input data-testid="rules-sender-phone" autoComplete="off" inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="senderAddress" label={f('senderAddress')}>
              <Input data-testid="rules-sender-address" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="slipNote" label={f('slipNote')} extra={f('slipNoteHint')} style={{ marginBottom: 0 }}>
              <Input.TextArea data-testid="rules-slip-note" autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Space>
        <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="rules-save">
          {f('save')}
        </Button>
      </Space>
    </Form>
  );
}
