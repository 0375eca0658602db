// The customer form (create and edit). The ID number is checked as it is typed (the same
// MOD 11-2 rule the backend applies on save); server field errors land on the field they name.
import { useState } from 'react';
import { Button, Col, Form, Input, Row, Select, Space, Upload, type FormInstance } from 'antd';
import { IdcardOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type Customer, type CustomerInput } from '../../../lib/backend';
import { saveIdPhoto, useTags } from '../api';
import { checkIdNumber, normalizeIdNumber } from '../idNumber';
import { readBase64 } from '../../../lib/files';

export type CustomerFormValues = CustomerInput;

export const emptyCustomer: CustomerFormValues = {
  name: '', wechat: '', xiaohongshu: '', taobao: '', phone: '', email: '', idNumber: '', idPhoto: '', tags: [], notes: '',
};

export function toFormValues(c: Customer): CustomerFormValues {
  const { name, wechat, xiaohongshu, taobao, phone, email, idNumber, idPhoto, tags, notes } = c;
  return { name, wechat, xiaohongshu, taobao, phone, email, idNumber, idPhoto, tags: tags ?? [], notes };
}

export function toInput(v: CustomerFormValues): CustomerInput {
  const s = (x: string | undefined) => (x ?? '').trim();
  return {
    name: s(v.name), wechat: s(v.wechat), xiaohongshu: s(v.xiaohongshu), taobao: s(v.taobao), phone: s(v.phone),
    email: s(v.email), idNumber: normalizeIdNumber(v.idNumber ?? ''), idPhoto: v.idPhoto ?? '', tags: v.tags ?? [],
    notes: v.notes ?? '',
  };
}

/** Shows a rejected save on the fields it names; false when it names none of formFields. */
export function showFieldErrors(form: FormInstance, t: Parameters<typeof errorText>[0], err: unknown, formFields: Set<string>): boolean {
  const e = toAppError(err);
  const onFields = (e.details.length > 0 ? e.details : [e]).filter((d) => d.field && formFields.has(d.field));
  if (onFields.length === 0) return false;
  form.setFields(onFields.map((d) => ({ name: d.field!, errors: [errorText(t, d)] })));
  form.scrollToField(onFields[0].field!);
  return true;
}

export const customerFields = new Set(Object.keys(emptyCustomer));

function IdPhoto({ hash }: { hash: string }) {
  const [failed, setFailed] = useState<string>();
  const box = {
    width: 96, height: 60, borderRadius: 4, background: '#fafafa', border: '1px solid #f0f0f0',
    display: 'inline-flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden',
  } as const;
  if (!hash || failed === hash) {
    return (
      <span style={box}>
        <IdcardOutlined style={{ color: '#bfbfbf', fontSize: 28 }} />
      </span>
    );
  }
  return (
    <a href={`/blobs/${hash}`} target="_blank" rel="noreferrer" style={box} data-testid="customer-idphoto-preview">
      <img src={`/blobs/${hash}`} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover' }} onError={() => setFailed(hash)} />
    </a>
  );
}

export function CustomerForm({ form }: { form: FormInstance<CustomerFormValues> }) {
  const { t } = useTranslation();
  const tags = useTags();
  const [uploading, setUploading] = useState(false);
  const [photoError, setPhotoError] = useState<string>();
  const idPhoto = Form.useWatch('idPhoto', form) ?? '';
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const idCheck = idNumber.trim() ? checkIdNumber(idNumber) : undefined;

  const upload = async (file: File) => {
    setUploading(true);
    try {
      form.setFieldValue('idPhoto', await saveIdPhoto(await readBase64(file)));
      setPhotoError(undefined);
    } catch (err) {
      setPhotoError(errorText(t, err));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={emptyCustomer} data-testid="customer-form">
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('customers.fields.name')} rules={[{ required: true, whitespace: true, message: t('customer.name.required') }]}>
            <Input data-testid="customer-form-name" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('customers.fields.phone')}>
            <Input data-testid="customer-form-phone" autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="wechat" label={t('customers.fields.wechat')}>
            <Input data-testid="customer-form-wechat" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="xiaohongshu" label={t('customers.fields.xiaohongshu')}>
            <Input data-testid="customer-form-xiaohongshu" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="taobao" label={t('customers.fields.taobao')}>
            <Input data-testid="customer-form-taobao" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="email" label={t('customers.fields.email')} rules={[{ type: 'email', message: t('customer.email.format') }]}>
            <Input data-testid="customer-form-email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="idNumber"
            label={t('customers.fields.idNumber')}
            tooltip={t('customers.idNumberHelp')}
            validateStatus={idCheck ? (idCheck.ok ? 'success' : 'warning') : undefined}
            help={
              idCheck
                ? idCheck.ok
                  ? t('customers.idNumberValid', { date: idCheck.birthDate })
                  : t(`customer.idNumber.${idCheck.problem}`)
                : undefined
            }
          >
            <Input data-testid="customer-form-idNumber" autoComplete="off" maxLength={22} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="idPhoto" hidden>
            <Input />
          </Form.Item>
          <Form.Item label={t('customers.fields.idPhoto')} validateStatus={photoError ? 'error' : undefined} help={photoError}>
            <Space>
              <IdPhoto hash={idPhoto} />
              <Upload
                accept="image/*"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return Upload.LIST_IGNORE;
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading} data-testid="customer-form-idPhoto">
                  {t('customers.uploadIdPhoto')}
                </Button>
              </Upload>
              {idPhoto && (
                <Button type="link" onClick={() => form.setFieldValue('idPhoto', '')}>
                  {t('customers.removeIdPhoto')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('customers.fields.tags')}>
            <Select
              data-testid="customer-form-tags"
              mode="tags"
              tokenSeparators={[',', '，']}
              placeholder={t('customers.tagsPlaceholder')}
              options={(tags.data ?? []).map((x) => ({ value: x.tag, label: x.tag }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('customers.fields.notes')}>
            <Input.TextArea data-testid="customer-form-notes" autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
