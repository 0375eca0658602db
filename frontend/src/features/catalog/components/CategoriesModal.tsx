// Categories: list, create, rename, delete (a small list, so no paging).
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type Category } from '../../../lib/backend';
import { catalogKeys, useCategories, useDeleteCategory, useSaveCategory } from '../api';

export function CategoriesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const save = useSaveCategory();
  const del = useDeleteCategory();
  const [form] = Form.useForm<Category>();
  const [editing, setEditing] = useState<string>(); // id being edited, '' = new
  const list = categories.data ?? [];

  const startEdit = (c?: Category) => {
    setEditing(c?.id ?? '');
    form.setFieldsValue(c ?? { id: '', name: '', nameEn: '', parentId: '' });
  };

  const onSave = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await save.mutateAsync({ id: editing ?? '', name: v.name.trim(), nameEn: (v.nameEn ?? '').trim(), parentId: v.parentId ?? '' });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      message.success(t('common.saved'));
      setEditing(undefined);
    } catch (err) {
      const e = toAppError(err);
      if (e.field === 'name' || e.field === 'parentId') form.setFields([{ name: e.field, errors: [errorText(t, e)] }]);
      else message.error(errorText(t, err));
    }
  };

  const onDelete = async (id: string) => {
    try {
      await del.mutateAsync(id);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('products.categories')} width={640} data-testid="categories-modal">
      {editing !== undefined ? (
        <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('categories.name') }) }]}>
            <Input placeholder={t('categories.name')} data-testid="category-name" />
          </Form.Item>
          <Form.Item name="nameEn">
            <Input placeholder={t('categories.nameEn')} data-testid="category-nameEn" />
          </Form.Item>
          <Form.Item name="parentId">
            <Select
              allowClear
              placeholder={t('categories.parent')}
              style={{ width: 140 }}
              options={list.filter((c) => c.id !== editing).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={onSave} loading={save.isPending} data-testid="category-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(undefined)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Button type="dashed" onClick={() => startEdit()} style={{ marginBottom: 16 }} data-testid="category-new">
          {t('categories.new')}
        </Button>
      )}
      <Table<Category>
        size="small"
        rowKey="id"
        loading={categories.isLoading}
        dataSource={list}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('categories.empty') }}
        columns={[
          { title: t('categories.name'), dataIndex: 'name' },
          { title: t('categories.nameEn'), dataIndex: 'nameEn' },
          { title: t('categories.parent'), render: (_, c) => list.find((x) => x.id === c.parentId)?.name ?? '' },
          {
            title: '',
            width: 140,
            render: (_, c) => (
              <Space>
                <Button size="small" type="link" onClick={() => startEdit(c)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('categories.deleteConfirm')} onConfirm={() => onDelete(c.id)} okText={t('common.delete')} cancelText={t('common.cancel')}>
                  <Button size="small" type="link" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Modal>
  );
}
