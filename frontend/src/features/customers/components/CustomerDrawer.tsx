// The customer page, in a drawer over the list: lifetime figures, the form, addresses, and the
// latest orders. A new customer stays open after saving, so addresses can follow at once.
import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Divider, Drawer, Form, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText, type CustomerDetail, type OrderSummary } from '../../../lib/backend';
import { formatMoney } from '../../../lib/money';
import { customerKeys, useCustomer, useDeleteCustomer, useSaveCustomer } from '../api';
import { Addresses } from './Addresses';
import { CustomerForm, customerFields, emptyCustomer, showFieldErrors, toFormValues, toInput, type CustomerFormValues } from './CustomerForm';
import { MergeModal } from './MergeModal';

export function CustomerDrawer({
  open,
  customerId,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** undefined = a new customer */
  customerId?: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const detail = useCustomer(open ? customerId : undefined);
  const save = useSaveCustomer();
  const del = useDeleteCustomer();
  const [mergeOpen, setMergeOpen] = useState(false);
  const editing = !!customerId;

  // Fill the form when the drawer opens or another customer arrives; never overwrite edits.
  const loadedId = detail.data?.customer.id;
  useEffect(() => {
    if (!open) return;
    if (!editing) form.setFieldsValue(emptyCustomer);
    else if (detail.data) form.setFieldsValue(toFormValues(detail.data.customer));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, loadedId]);

  const close = () => {
    form.resetFields();
    onClose();
  };

  const onSave = async () => {
    let values: CustomerFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const saved = await save.mutateAsync({ id: customerId, input: toInput(values) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      if (editing) {
        message.success(t('customers.saved'));
        form.setFieldsValue(toFormValues(saved));
      } else {
        message.success(t('customers.created'));
        onCreated(saved.id);
      }
    } catch (err) {
      if (!showFieldErrors(form, t, err, customerFields)) message.error(errorText(t, err));
    }
  };

  const onDelete = async () => {
    if (!customerId) return;
    try {
      await del.mutateAsync(customerId);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      message.success(t('customers.deleted'));
      close();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const d = detail.data;
  return (
    <Drawer
      open={open}
      onClose={close}
      width={820}
      title={editing ? t('customers.editTitle', { name: d?.customer.name ?? '' }) : t('customers.newTitle')}
      forceRender
      data-testid="customer-drawer"
      extra={
        <Space>
          {editing && d && (
            <Button icon={<MergeCellsOutlined />} onClick={() => setMergeOpen(true)} data-testid="customer-merge">
              {t('customers.merge.button')}
            </Button>
          )}
          {editing && (
            <Popconfirm
              title={t('customers.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="customer-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={close}>{t('common.close')}</Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="customer-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {editing && detail.isLoading ? (
        <Spin />
      ) : editing && detail.isError ? (
        <Typography.Text type="danger">{errorText(t, detail.error)}</Typography.Text>
      ) : (
        <>
          {d && <LifetimeFigures detail={d} />}
          <Divider orientation="left">{t('customers.sections.profile')}</Divider>
          <CustomerForm form={form} />
          {d && customerId && (
            <>
              <Divider orientation="left">{t('customers.sections.addresses')}</Divider>
              <Addresses customerId={d.customer.id} addresses={d.addresses} />
              <Divider orientation="left">{t('customers.sections.orders')}</Divider>
              <RecentOrders detail={d} />
              <MergeModal keep={d.customer} open={mergeOpen} onClose={() => setMergeOpen(false)} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

function formatDate(rfc3339: string, locale: string): string {
  if (!rfc3339) return '';
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? rfc3339 : d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN');
}

function LifetimeFigures({ detail }: { detail: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const l = detail.lifetime;
  const none = t('customers.lifetime.none');
  return (
    <Descriptions size="small" column={4} bordered data-testid="customer-lifetime">
      <Descriptions.Item label={t('customers.lifetime.orders')}>{l.orders}</Descriptions.Item>
      <Descriptions.Item label={t('customers.lifetime.paid')}>{formatMoney(l.paidBase, detail.baseCurrency, i18n.language)}</Descriptions.Item>
      <Descriptions.Item label={t('customers.lifetime.firstOrder')}>{formatDate(l.firstOrderAt, i18n.language) || none}</Descriptions.Item>
      <Descriptions.Item label={t('customers.lifetime.lastOrder')}>{formatDate(l.lastOrderAt, i18n.language) || none}</Descriptions.Item>
    </Descriptions>
  );
}

function RecentOrders({ detail }: { detail: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {detail.recentOrders.length > 0 && (
        <Typography.Paragraph type="secondary">{t('customers.orders.comingSoon', { count: detail.recentOrders.length })}</Typography.Paragraph>
      )}
      <Table<OrderSummary>
        size="small"
        data-testid="customer-orders"
        rowKey="id"
        pagination={false}
        dataSource={detail.recentOrders}
        locale={{ emptyText: t('customers.orders.empty') }}
        columns={[
          { title: t('customers.orders.number'), dataIndex: 'number' },
          {
            title: t('customers.orders.channel'),
            dataIndex: 'channel',
            render: (c: string) => (c ? <Tag>{t(`customers.channels.${c}`, { defaultValue: c })}</Tag> : null),
          },
          { title: t('customers.orders.orderedAt'), dataIndex: 'orderedAt', render: (v: string) => formatDate(v, i18n.language) },
          {
            title: t('customers.orders.paid'),
            dataIndex: 'paidBase',
            align: 'right',
            render: (v: number) => formatMoney(v, detail.baseCurrency, i18n.language),
          },
        ]}
      />
    </>
  );
}
