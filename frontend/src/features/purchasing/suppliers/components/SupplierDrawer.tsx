// A supplier in a drawer over the list: its figures, then the form and (once saved) the
// products it sells on two tabs. A new supplier stays open after saving and turns to its
// products, so they can be linked at once.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Popconfirm, Space, Spin, Tabs, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Supplier } from '../../../../lib/backend';
import { emptySupplier, supplierFields, toFormValues, toSupplierInput, type SupplierFormValues } from '../supplierForm';
import { problemsOf, showErrors, topLevel } from '../../../../lib/formErrors';
import { useDeleteSupplier, useSaveSupplier, useSupplier } from '../api';
import { SupplierForm } from './SupplierForm';
import { SupplierProducts } from './SupplierProducts';

export function SupplierDrawer({
  open,
  supplierId,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** undefined = a new supplier */
  supplierId?: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SupplierFormValues>();
  const detail = useSupplier(open ? supplierId : undefined);
  const save = useSaveSupplier();
  const del = useDeleteSupplier();
  const editing = !!supplierId;
  const [tab, setTab] = useState<'profile' | 'products'>('profile');
  const s = (k: string, o?: Record<string, unknown>) => t(`purchasing.suppliers.${k}`, o);

  useEffect(() => {
    if (open) setTab('profile');
  }, [open]);

  // Fill the form when the drawer opens or another supplier arrives; never overwrite edits.
  const loadedId = detail.data?.id;
  useEffect(() => {
    if (!open) return;
    if (!editing) {
      form.resetFields();
      form.setFieldsValue(emptySupplier);
    } else if (detail.data) form.setFieldsValue(toFormValues(detail.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, loadedId]);

  const close = () => {
    form.resetFields();
    onClose();
  };

  const onSave = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) {
      setTab('profile');
      return;
    }
    try {
      const saved = await save.mutateAsync({ id: supplierId, input: toSupplierInput(values) });
      if (editing) {
        message.success(s('saved'));
        form.setFieldsValue(toFormValues(saved));
      } else {
        message.success(s('created'));
        onCreated(saved.id);
        setTab('products');
      }
    } catch (err) {
      const rest = showErrors(form, t, err, topLevel(supplierFields));
      if (rest.length < problemsOf(err).length) setTab('profile'); // some landed on the form's fields
      if (rest.length) message.error(rest.join(t('common.sentenceSeparator')));
    }
  };

  const onDelete = async () => {
    if (!supplierId) return;
    try {
      await del.mutateAsync(supplierId);
      message.success(s('deleted'));
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
      width={860}
      title={editing ? s('editTitle', { name: d?.name ?? '' }) : s('newTitle')}
      forceRender
      data-testid="supplier-drawer"
      extra={
        <Space>
          {editing && (
            <Popconfirm
              title={s('deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="supplier-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={close}>{t('common.close')}</Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="supplier-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {editing && detail.isLoading ? (
        <Spin />
      ) : editing && detail.isError ? (
        <Alert type="error" showIcon message={errorText(t, detail.error)} />
      ) : (
        <>
          {d && <Figures supplier={d} />}
          <Tabs
            data-testid="supplier-tabs"
            activeKey={d ? tab : 'profile'}
            onChange={(k) => setTab(k as typeof tab)}
            items={[
              { key: 'profile', label: s('sections.profile'), forceRender: true, children: <SupplierForm form={form} /> },
              ...(d ? [{ key: 'products', label: s('sections.productsCount', { count: d.products }), children: <SupplierProducts supplierId={d.id} /> }] : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

function Figures({ supplier }: { supplier: Supplier }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={3} bordered data-testid="supplier-figures">
      <Descriptions.Item label={t('purchasing.suppliers.fields.products')}>{supplier.products}</Descriptions.Item>
      <Descriptions.Item label={t('purchasing.suppliers.fields.lastBuy')}>
        {supplier.lastBuy || <Typography.Text type="secondary">{t('purchasing.suppliers.products.never')}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('purchasing.suppliers.fields.createdAt')}>{supplier.createdAt.slice(0, 10)}</Descriptions.Item>
    </Descriptions>
  );
}
