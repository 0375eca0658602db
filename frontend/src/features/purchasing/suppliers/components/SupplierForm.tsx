// The supplier form (create and edit). Checks what it can as it is typed; server errors land
// on the field they name. Choosing a country fills its usual currency when none is chosen yet.
import { Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { countryCurrency, countryPattern, emptySupplier, supplierKinds, type SupplierFormValues } from '../supplierForm';
import { CountrySelect, CurrencySelect } from './pickers';

export function SupplierForm({ form }: { form: FormInstance<SupplierFormValues> }) {
  const { t } = useTranslation();
  const f = (name: string) => t(`purchasing.suppliers.fields.${name}`);
  const v = (name: string) => t(`purchasing.suppliers.validation.${name}`);

  const onCountry = (code: string | undefined) => {
    const cur = code ? countryCurrency(code) : '';
    if (cur && !form.getFieldValue('currency')) form.setFieldValue('currency', cur);
  };

  return (
    <Form form={form} layout="vertical" initialValues={emptySupplier} data-testid="supplier-form">
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: v('nameRequired') }, { max: 100, message: t('form.tooLong', { max: 100 }) }]}>
            <Input data-testid="supplier-form-name" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="kind" label={f('kind')} rules={[{ required: true, message: v('kindRequired') }]}>
            <Select
              data-testid="supplier-form-kind"
              options={supplierKinds.map((k) => ({ value: k, label: t(`purchasing.suppliers.kinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="country"
            label={f('country')}
            tooltip={t('purchasing.suppliers.countryHint')}
            rules={[{ pattern: countryPattern, message: v('countryFormat') }]}
          >
            <CountrySelect testid="supplier-form-country" onChange={onCountry} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="city" label={f('city')}>
            <Input data-testid="supplier-form-city" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="currency" label={f('currency')} rules={[{ required: true, message: v('currencyRequired') }]}>
            <CurrencySelect testid="supplier-form-currency" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="leadDays" label={f('leadDays')} tooltip={t('purchasing.suppliers.leadDaysHint')} rules={[{ type: 'number', min: 0, max: 365, message: v('leadDaysRange') }]}>
            <InputNumber data-testid="supplier-form-leadDays" min={0} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contact" label={f('contact')}>
            <Input data-testid="supplier-form-contact" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={f('phone')}>
            <Input data-testid="supplier-form-phone" autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="email" label={f('email')} rules={[{ type: 'email', message: v('emailFormat') }]}>
            <Input data-testid="supplier-form-email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="website" label={f('website')}>
            <Input data-testid="supplier-form-website" autoComplete="off" placeholder="https://" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={f('address')}>
            <Input data-testid="supplier-form-address" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={f('notes')}>
            <Input.TextArea data-testid="supplier-form-notes" autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
