// Create/edit drawer for one product, with its stock per location and its recent moves.
import { useEffect } from 'react';
import { App, Button, Descriptions, Divider, Drawer, Form, Popconfirm, Space, Spin, Table, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText, type LevelRow, type StockMove } from '../../../lib/backend';
import { catalogKeys, useDeleteProduct, useProduct, useProductLevels, useProductMoves, useSaveProduct } from '../api';
import { ProductForm, emptyProduct, showFieldError, toFormValues, toInput, type ProductFormValues } from './ProductForm';

export function ProductDrawer({
  open,
  productId,
  onClose,
}: {
  open: boolean;
  /** undefined = a new product */
  productId?: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProductFormValues>();
  const product = useProduct(open ? productId : undefined);
  const save = useSaveProduct();
  const del = useDeleteProduct();
  const editing = !!productId;

  // Fill the form when the drawer opens (or the product arrives); never overwrite edits later.
  const loadedId = product.data?.id;
  useEffect(() => {
    if (!open) return;
    if (!editing) form.setFieldsValue(emptyProduct);
    else if (product.data) form.setFieldsValue(toFormValues(product.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, loadedId]);

  const close = () => {
    form.resetFields();
    onClose();
  };

  const onSave = async () => {
    let values: ProductFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is wrong
    }
    try {
      await save.mutateAsync({ id: productId, input: toInput(values) });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      message.success(editing ? t('products.saved') : t('products.created'));
      close();
    } catch (err) {
      if (!showFieldError(form, t, err)) message.error(errorText(t, err));
    }
  };

  const onDelete = async () => {
    if (!productId) return;
    try {
      await del.mutateAsync(productId);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      message.success(t('products.deleted'));
      close();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const p = product.data;
  const title = editing
    ? t('products.editTitle', { name: p ? p.nameZh || p.nameOrig || p.sku : '' })
    : t('products.newTitle');

  return (
    <Drawer
      open={open}
      onClose={close}
      width={760}
      title={title}
      forceRender
      data-testid="product-drawer"
      extra={
        <Space>
          {editing && (
            <Popconfirm
              title={t('products.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...{ 'data-testid': 'product-delete-confirm' } }}
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="product-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="product-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {editing && product.isLoading ? (
        <Spin />
      ) : editing && product.isError ? (
        <Typography.Text type="danger">{errorText(t, product.error)}</Typography.Text>
      ) : (
        <>
          {p && (
            <Descriptions size="small" column={3} style={{ marginBottom: 16 }} data-testid="product-totals">
              <Descriptions.Item label={t('products.fields.onHand')}>{p.onHand}</Descriptions.Item>
              <Descriptions.Item label={t('products.fields.reserved')}>{p.reserved}</Descriptions.Item>
              <Descriptions.Item label={t('products.fields.available')}>{p.available}</Descriptions.Item>
            </Descriptions>
          )}
          <ProductForm form={form} />
          {open && editing && productId && <ProductStock productId={productId} locale={i18n.language} />}
        </>
      )}
    </Drawer>
  );
}

function ProductStock({ productId, locale }: { productId: string; locale: string }) {
  const { t } = useTranslation();
  const levels = useProductLevels(productId);
  const moves = useProductMoves(productId);
  return (
    <>
      <Divider orientation="left">{t('products.stockByLocation')}</Divider>
      <Table<LevelRow>
        size="small"
        data-testid="product-levels"
        loading={levels.isLoading}
        dataSource={levels.data?.items ?? []}
        rowKey={(r) => `${r.locationId}/${r.batchId}`}
        pagination={false}
        locale={{ emptyText: t('products.noStock') }}
        columns={[
          { title: t('stock.fields.location'), render: (_, r) => `${r.zoneName} / ${r.locationName}` },
          { title: t('stock.fields.batch'), render: (_, r) => r.batchCode || (r.batchId ? '—' : '') },
          { title: t('stock.fields.expiry'), dataIndex: 'expiry' },
          { title: t('stock.fields.onHand'), dataIndex: 'onHand', align: 'right' },
          { title: t('stock.fields.reserved'), dataIndex: 'reserved', align: 'right' },
          { title: t('stock.fields.available'), dataIndex: 'available', align: 'right' },
        ]}
      />
      <Divider orientation="left">{t('products.recentMoves')}</Divider>
      <Table<StockMove>
        size="small"
        data-testid="product-moves"
        loading={moves.isLoading}
        dataSource={moves.data?.items ?? []}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('products.noMoves') }}
        columns={[
          { title: t('stock.fields.at'), dataIndex: 'at', render: (v: string) => formatTime(v, locale) },
          { title: t('stock.fields.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{t(`stock.kinds.${k}`, { defaultValue: k })}</Tag> },
          { title: t('stock.fields.location'), dataIndex: 'locationName' },
          { title: t('stock.fields.qty'), dataIndex: 'qty', align: 'right', render: (q: number) => (q > 0 ? `+${q}` : q) },
          { title: t('stock.fields.reason'), render: (_, m) => (m.reason ? t(`stock.reasons.${m.reason}`, { defaultValue: m.reason }) : m.note) },
        ]}
      />
    </>
  );
}

export function formatTime(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime()) ? rfc3339 : d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
