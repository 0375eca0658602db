// The product form (create and edit). Money is typed as a decimal and stored as minor units of
// its currency; server field errors land on the field they name.
import { useState } from 'react';
import { AutoComplete, Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Upload, type FormInstance } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type Product, type ProductInput } from '../../../lib/backend';
import { currencies, digitsOf, fromMinor, toMinor } from '../../../lib/money';
import { barcodeProblem } from '../barcode';
import { savePhoto, useBrands, useCategories } from '../api';
import { Thumb } from './Thumb';
import { readBase64 } from '../../../lib/files';

export interface ProductFormValues {
  sku: string;
  nameZh: string;
  nameOrig: string;
  brand: string;
  categoryId?: string;
  barcode: string;
  cost: number | null;
  costCurrency: string;
  price: number | null;
  priceCurrency: string;
  weightG: number | null;
  shelfLife: boolean;
  reorderPoint: number | null;
  reorderQty: number | null;
  notes: string;
  photo: string;
}

export const emptyProduct: ProductFormValues = {
  sku: '', nameZh: '', nameOrig: '', brand: '', categoryId: undefined, barcode: '',
  cost: null, costCurrency: 'CNY', price: null, priceCurrency: 'CNY', weightG: null,
  shelfLife: false, reorderPoint: null, reorderQty: null, notes: '', photo: '',
};

export function toFormValues(p: Product): ProductFormValues {
  const costCurrency = p.costCurrency || 'CNY';
  const priceCurrency = p.priceCurrency || 'CNY';
  return {
    sku: p.sku, nameZh: p.nameZh, nameOrig: p.nameOrig, brand: p.brand, categoryId: p.categoryId || undefined,
    barcode: p.barcode, cost: p.cost ? fromMinor(p.cost, costCurrency) : null, costCurrency,
    price: p.price ? fromMinor(p.price, priceCurrency) : null, priceCurrency, weightG: p.weightG || null,
    shelfLife: p.shelfLife, reorderPoint: p.reorderPoint || null, reorderQty: p.reorderQty || null,
    notes: p.notes, photo: p.photo,
  };
}

export function toInput(v: ProductFormValues): ProductInput {
  return {
    sku: (v.sku ?? '').trim(), nameZh: (v.nameZh ?? '').trim(), nameOrig: (v.nameOrig ?? '').trim(),
    brand: (v.brand ?? '').trim(), categoryId: v.categoryId ?? '', barcode: (v.barcode ?? '').trim(),
    cost: toMinor(v.cost, v.costCurrency), costCurrency: v.costCurrency,
    price: toMinor(v.price, v.priceCurrency), priceCurrency: v.priceCurrency,
    weightG: Math.round(v.weightG ?? 0), photo: v.photo ?? '', notes: v.notes ?? '', shelfLife: !!v.shelfLife,
    reorderPoint: Math.round(v.reorderPoint ?? 0), reorderQty: Math.round(v.reorderQty ?? 0),
  };
}

const formFields = new Set(Object.keys(emptyProduct).filter((k) => k !== 'photo'));

/** Shows a rejected save on the field it names, or returns false when it names no form field. */
export function showFieldError(form: FormInstance, t: Parameters<typeof errorText>[0], err: unknown): boolean {
  const e = toAppError(err);
  const onFields = (e.details.length > 0 ? e.details : [e]).filter((d) => d.field && formFields.has(d.field));
  if (onFields.length === 0) return false;
  form.setFields(onFields.map((d) => ({ name: d.field!, errors: [errorText(t, d)] })));
  form.scrollToField(onFields[0].field!);
  return true;
}

function CurrencySelect({ testid, ...rest }: { testid: string; value?: string; onChange?: (v: string) => void }) {
  return (
    <Select
      {...rest}
      data-testid={testid}
      style={{ width: 96 }}
      showSearch
      options={currencies.map((c) => ({ value: c, label: c }))}
    />
  );
}

export function ProductForm({ form }: { form: FormInstance<ProductFormValues> }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const brands = useBrands();
  const [uploading, setUploading] = useState(false);
  const [photoError, setPhotoError] = useState<string>();
  const costCurrency = Form.useWatch('costCurrency', form) ?? 'CNY';
  const priceCurrency = Form.useWatch('priceCurrency', form) ?? 'CNY';
  const photo = Form.useWatch('photo', form) ?? '';
  const en = i18n.language === 'en';

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const hash = await savePhoto(await readBase64(file));
      form.setFieldValue('photo', hash);
      setPhotoError(undefined);
    } catch (err) {
      setPhotoError(errorText(t, err));
    } finally {
      setUploading(false);
    }
  };

  const nonNegative = { type: 'number' as const, min: 0, message: t('product.number.negative') };

  return (
    <Form form={form} layout="vertical" initialValues={emptyProduct} data-testid="product-form">
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="sku"
            label={t('products.fields.sku')}
            rules={[
              { required: true, whitespace: true, message: t('product.sku.required') },
              { pattern: /^\S{1,64}$/, message: t('product.sku.format') },
            ]}
          >
            <Input data-testid="product-form-sku" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="barcode"
            label={t('products.fields.barcode')}
            extra={t('products.barcodeHelp')}
            rules={[
              {
                validator: (_, value: string) => {
                  const p = barcodeProblem((value ?? '').trim());
                  return p ? Promise.reject(new Error(t(p.key, p.params))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input data-testid="product-form-barcode" autoComplete="off" inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="nameZh"
            label={t('products.fields.nameZh')}
            dependencies={['nameOrig']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  (value ?? '').trim() || (getFieldValue('nameOrig') ?? '').trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('product.name.required'))),
              }),
            ]}
          >
            <Input data-testid="product-form-nameZh" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="nameOrig" label={t('products.fields.nameOrig')}>
            <Input data-testid="product-form-nameOrig" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="brand" label={t('products.fields.brand')}>
            <AutoComplete
              data-testid="product-form-brand"
              options={(brands.data ?? []).map((b) => ({ value: b }))}
              filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="categoryId" label={t('products.fields.category')}>
            <Select
              data-testid="product-form-categoryId"
              allowClear
              showSearch
              optionFilterProp="label"
              loading={categories.isLoading}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: (en && c.nameEn) || c.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('products.fields.cost')} required={false}>
            <Space.Compact block>
              <Form.Item name="cost" noStyle rules={[nonNegative]}>
                <InputNumber
                  data-testid="product-form-cost"
                  style={{ width: '100%' }}
                  min={0}
                  precision={digitsOf(costCurrency)}
                />
              </Form.Item>
              <Form.Item name="costCurrency" noStyle>
                <CurrencySelect testid="product-form-costCurrency" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('products.fields.price')} required={false}>
            <Space.Compact block>
              <Form.Item name="price" noStyle rules={[nonNegative]}>
                <InputNumber
                  data-testid="product-form-price"
                  style={{ width: '100%' }}
                  min={0}
                  precision={digitsOf(priceCurrency)}
                />
              </Form.Item>
              <Form.Item name="priceCurrency" noStyle>
                <CurrencySelect testid="product-form-priceCurrency" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="weightG" label={t('products.fields.weightG')} rules={[nonNegative]}>
            <InputNumber data-testid="product-form-weightG" style={{ width: '100%' }} min={0} precision={0} addonAfter="g" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="reorderPoint" label={t('products.fields.reorderPoint')} rules={[nonNegative]} tooltip={t('products.reorderPointHelp')}>
            <InputNumber data-testid="product-form-reorderPoint" style={{ width: '100%' }} min={0} precision={0} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="reorderQty" label={t('products.fields.reorderQty')} rules={[nonNegative]}>
            <InputNumber data-testid="product-form-reorderQty" style={{ width: '100%' }} min={0} precision={0} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="shelfLife" label={t('products.fields.shelfLife')} valuePropName="checked" tooltip={t('products.shelfLifeHelp')}>
            <Switch data-testid="product-form-shelfLife" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="photo" hidden>
            <Input />
          </Form.Item>
          <Form.Item label={t('products.fields.photo')} validateStatus={photoError ? 'error' : undefined} help={photoError}>
            <Space>
              <Thumb hash={photo} size={56} />
              <Upload
                accept="image/*"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading} data-testid="product-form-photo">
                  {t('products.uploadPhoto')}
                </Button>
              </Upload>
              {photo && (
                <Button type="link" onClick={() => form.setFieldValue('photo', '')}>
                  {t('products.removePhoto')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('products.fields.notes')}>
            <Input.TextArea data-testid="product-form-notes" autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
