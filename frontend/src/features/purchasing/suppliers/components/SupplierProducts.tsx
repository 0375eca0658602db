// The products a supplier sells: its own SKU for each, whether it is the product's preferred
// supplier (the trip list groups the product under it), and the last price paid there. A
// product is linked with the form above the table (picking one already linked edits it) and
// unlinked from its row. Purchases link what they buy by themselves.
import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProductSelect } from '../../../../components/ProductSelect';
import { errorText, type SupplierProduct } from '../../../../lib/backend';
import { formatMoney } from '../../../../lib/money';
import { showErrors, topLevel } from '../../../../lib/formErrors';
import { useLinkProduct, useSupplierProducts, useUnlinkProduct } from '../api';
import { None } from './pickers';

interface LinkValues {
  productId?: string;
  supplierSku: string;
  preferred: boolean;
}

const emptyLink: LinkValues = { productId: undefined, supplierSku: '', preferred: false };

export function SupplierProducts({ supplierId }: { supplierId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LinkValues>();
  const products = useSupplierProducts(supplierId);
  const link = useLinkProduct();
  const unlink = useUnlinkProduct();
  const [editing, setEditing] = useState<SupplierProduct>();
  const rows = products.data ?? [];
  const p = (k: string) => t(`purchasing.suppliers.products.${k}`);

  const edit = (row: SupplierProduct | undefined) => {
    setEditing(row);
    form.setFieldsValue(row ? { productId: row.productId, supplierSku: row.supplierSku, preferred: row.preferred } : emptyLink);
  };

  const onLink = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v?.productId) return;
    const current = rows.find((r) => r.productId === v.productId);
    try {
      await link.mutateAsync({
        supplierId, productId: v.productId, supplierSku: (v.supplierSku ?? '').trim(), preferred: !!v.preferred, note: current?.note ?? '',
      });
      message.success(p(current ? 'updated' : 'linked'));
      edit(undefined);
    } catch (err) {
      const rest = showErrors(form, t, err, topLevel(['productId', 'supplierSku']));
      if (rest.length) message.error(rest.join(t('common.sentenceSeparator')));
    }
  };

  const setPreferred = async (row: SupplierProduct, preferred: boolean) => {
    try {
      await link.mutateAsync({ supplierId, productId: row.productId, supplierSku: row.supplierSku, preferred, note: row.note });
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const onUnlink = async (row: SupplierProduct) => {
    try {
      await unlink.mutateAsync({ supplierId, productId: row.productId });
      message.success(p('unlinked'));
      if (editing?.productId === row.productId) edit(undefined);
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <div data-testid="supplier-products">
      <Form form={form} layout="inline" initialValues={emptyLink} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="productId" rules={[{ required: true, message: p('productRequired') }]} style={{ width: 300 }}>
          <ProductSelect
            testid="supplier-link-product"
            initialLabel={editing ? [editing.productName, editing.sku].filter(Boolean).join(' · ') : undefined}
            onPicked={(picked) => {
              const known = picked && rows.find((r) => r.productId === picked.id);
              setEditing(known || undefined);
              if (known) form.setFieldsValue({ supplierSku: known.supplierSku, preferred: known.preferred });
            }}
          />
        </Form.Item>
        <Form.Item name="supplierSku" rules={[{ max: 64, message: t('form.tooLong', { max: 64 }) }]}>
          <Input data-testid="supplier-link-sku" placeholder={p('supplierSku')} style={{ width: 150 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="preferred" valuePropName="checked">
          <Checkbox data-testid="supplier-link-preferred">
            <Tooltip title={p('preferredHint')}>{p('preferred')}</Tooltip>
          </Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" ghost icon={<LinkOutlined />} onClick={onLink} loading={link.isPending} data-testid="supplier-link-submit">
            {editing ? p('update') : p('link')}
          </Button>
          {editing && <Button onClick={() => edit(undefined)}>{t('common.cancel')}</Button>}
        </Space>
      </Form>
      <Table<SupplierProduct>
        size="small"
        rowKey="productId"
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
        dataSource={rows}
        loading={products.isLoading}
        locale={{ emptyText: products.isError ? errorText(t, products.error) : p('empty') }}
        onRow={(row) => ({ 'data-testid': `supplier-product-${row.sku || row.productId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: p('product'),
            key: 'product',
            ellipsis: true,
            render: (_, r) => (
              <span>
                {r.productName || <Typography.Text type="secondary">{t('purchasing.suppliers.notSynced')}</Typography.Text>}
                {r.sku && <Typography.Text type="secondary"> · {r.sku}</Typography.Text>}
              </span>
            ),
          },
          { title: p('supplierSku'), dataIndex: 'supplierSku', width: 130, render: (v: string) => v || <None /> },
          {
            title: <Tooltip title={p('preferredHint')}>{p('preferred')}</Tooltip>,
            key: 'preferred',
            width: 96,
            align: 'center',
            render: (_, r) => (
              <Checkbox checked={r.preferred} onChange={(e) => void setPreferred(r, e.target.checked)} aria-label={p('preferred')} />
            ),
          },
          {
            title: p('lastPrice'),
            key: 'lastPrice',
            width: 120,
            align: 'right',
            render: (_, r) => (r.lastCurrency ? formatMoney(r.lastPrice, r.lastCurrency, i18n.language) : <None />),
          },
          { title: p('lastBought'), dataIndex: 'lastBought', width: 110, render: (v: string) => v || <Typography.Text type="secondary">{p('never')}</Typography.Text> },
          {
            key: 'actions',
            width: 130,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => edit(r)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={p('unlinkConfirm')} okText={p('unlink')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => onUnlink(r)}>
                  <Button type="link" size="small" danger>
                    {p('unlink')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
