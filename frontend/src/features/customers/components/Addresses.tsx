// A customer's shipping addresses: list, add/edit in a modal, delete, make default. Exactly one
// is the default (the backend keeps that rule; the first address always is).
import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Col, Form, Input, List, Modal, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText, type Address } from '../../../lib/backend';
import { customerKeys, useDeleteAddress, useSaveAddress, useSetDefaultAddress } from '../api';
import { showFieldErrors } from './CustomerForm';

const emptyAddress = (customerId: string): Address => ({
  id: '', customerId, recipient: '', phone: '', province: '', city: '', district: '', street: '', postcode: '',
  isDefault: false, label: '',
});

const addressFields = new Set(Object.keys(emptyAddress('')));

export function formatAddress(a: Address): string {
  return [a.province, a.city !== a.province ? a.city : '', a.district, a.street].filter(Boolean).join(' ');
}

export function Addresses({ customerId, addresses }: { customerId: string; addresses: Address[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Address>();
  const del = useDeleteAddress();
  const setDefault = useSetDefaultAddress();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: customerKeys.one(customerId) });

  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      refresh();
      message.success(done);
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <>
      <List
        data-testid="customer-addresses"
        size="small"
        bordered
        dataSource={addresses}
        locale={{ emptyText: t('customers.addresses.empty') }}
        renderItem={(a) => (
          <List.Item
            data-testid={`address-${a.id}`}
            actions={[
              !a.isDefault && (
                <Button key="default" type="link" size="small" onClick={() => void run(setDefault.mutateAsync(a.id), t('customers.addresses.saved'))} data-testid="address-set-default">
                  {t('customers.addresses.setDefault')}
                </Button>
              ),
              <Button key="edit" type="link" size="small" onClick={() => setEditing(a)} data-testid="address-edit">
                {t('common.edit')}
              </Button>,
              <Popconfirm
                key="delete"
                title={t('customers.addresses.deleteConfirm')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => run(del.mutateAsync(a.id), t('customers.addresses.deleted'))}
              >
                <Button type="link" size="small" danger data-testid="address-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <span>{a.recipient}</span>
                  <Typography.Text type="secondary">{a.phone}</Typography.Text>
                  {a.isDefault && <Tag color="red">{t('customers.addresses.default')}</Tag>}
                  {a.label && <Tag>{a.label}</Tag>}
                </Space>
              }
              description={`${formatAddress(a)}${a.postcode ? ` ${a.postcode}` : ''}`}
            />
          </List.Item>
        )}
      />
      <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setEditing(emptyAddress(customerId))} data-testid="address-add">
        {t('customers.addresses.add')}
      </Button>
      <AddressModal
        address={editing}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) refresh();
        }}
      />
    </>
  );
}

function AddressModal({ address, onClose }: { address?: Address; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Address>();
  const save = useSaveAddress();
  useEffect(() => {
    if (address) {
      form.resetFields();
      form.setFieldsValue(address);
    }
  }, [address, form]);

  const onOk = async () => {
    let values: Address;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await save.mutateAsync({ ...address!, ...values, isDefault: !!values.isDefault });
      message.success(t('customers.addresses.saved'));
      onClose(true);
    } catch (err) {
      if (!showFieldErrors(form, t, err, addressFields)) message.error(errorText(t, err));
    }
  };

  const req = (key: string) => [{ required: true, whitespace: true, message: t(key) }];
  return (
    <Modal
      open={!!address}
      title={address?.id ? t('customers.addresses.edit') : t('customers.addresses.newTitle')}
      onCancel={() => onClose(false)}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'address-save' } }}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="address-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="recipient" label={t('customers.addresses.fields.recipient')} rules={req('customer.address.recipientRequired')}>
              <Input data-testid="address-form-recipient" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('customers.addresses.fields.phone')} rules={req('customer.address.phoneRequired')}>
              <Input data-testid="address-form-phone" inputMode="tel" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="province" label={t('customers.addresses.fields.province')} rules={req('customer.address.provinceRequired')}>
              <Input data-testid="address-form-province" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="city" label={t('customers.addresses.fields.city')}>
              <Input data-testid="address-form-city" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="district" label={t('customers.addresses.fields.district')}>
              <Input data-testid="address-form-district" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="street" label={t('customers.addresses.fields.street')} rules={req('customer.address.streetRequired')}>
              <Input.TextArea data-testid="address-form-street" autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="postcode" label={t('customers.addresses.fields.postcode')}>
              <Input data-testid="address-form-postcode" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="label" label={t('customers.addresses.fields.label')}>
              <Input placeholder={t('customers.addresses.labelPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isDefault" valuePropName="checked" label=" ">
              <Checkbox data-testid="address-form-default">{t('customers.addresses.fields.isDefault')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
