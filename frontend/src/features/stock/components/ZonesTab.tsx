// Zones (luxury, cosmetics, daily goods …) and the locations within them (shelf, bin, suitcase).
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type Location, type Zone } from '../../../lib/backend';
import { useDeleteLocation, useDeleteZone, useLocations, useSaveLocation, useSaveZone, useZones } from '../api';

export const locationKinds = ['shelf', 'bin', 'suitcase', 'other'] as const;
/** Zone kinds the UI offers (the store keeps any text; unknown ones show as typed). */
export const zoneKinds = ['luxury', 'cosmetics', 'daily', 'electronics', 'supplements', 'food', 'other'] as const;

type Editing<T> = { open: false } | { open: true; value: T };

export function ZonesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const zones = useZones();
  const locations = useLocations();
  const delZone = useDeleteZone();
  const delLocation = useDeleteLocation();
  const [zoneEdit, setZoneEdit] = useState<Editing<Zone>>({ open: false });
  const [locEdit, setLocEdit] = useState<Editing<Location>>({ open: false });
  const [zoneFilter, setZoneFilter] = useState<string>();

  const remove = async (fn: (id: string) => Promise<unknown>, id: string) => {
    try {
      await fn(id);
      message.success(t('common.deleted'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const locs = (locations.data ?? []).filter((l) => !zoneFilter || l.zoneId === zoneFilter);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('zones.zones')}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => setZoneEdit({ open: true, value: { id: '', name: '', kind: '', note: '' } })} data-testid="zone-new">
              {t('zones.newZone')}
            </Button>
          }
        >
          <Table<Zone>
            size="small"
            rowKey="id"
            data-testid="zones-table"
            loading={zones.isLoading}
            dataSource={zones.data ?? []}
            pagination={false}
            locale={{ emptyText: t('zones.noZones') }}
            onRow={(z) => ({ onClick: () => setZoneFilter(z.id === zoneFilter ? undefined : z.id), style: { cursor: 'pointer', background: z.id === zoneFilter ? '#fff1f0' : undefined } })}
            columns={[
              { title: t('zones.name'), dataIndex: 'name' },
              { title: t('zones.kind'), dataIndex: 'kind', render: (k: string) => (k ? t(`zones.zoneKinds.${k}`, { defaultValue: k }) : '') },
              { title: t('zones.locationCount'), width: 80, align: 'right', render: (_, z) => (locations.data ?? []).filter((l) => l.zoneId === z.id).length },
              {
                title: '',
                width: 120,
                render: (_, z) => (
                  <Space size={0} onClick={(e) => e.stopPropagation()}>
                    <Button size="small" type="link" onClick={() => setZoneEdit({ open: true, value: z })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('zones.deleteZoneConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(delZone.mutateAsync, z.id)}>
                      <Button size="small" type="link" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={t('zones.locations')}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={(zones.data ?? []).length === 0}
              onClick={() => setLocEdit({ open: true, value: { id: '', zoneId: zoneFilter ?? '', zoneName: '', name: '', kind: 'shelf', note: '' } })}
              data-testid="location-new"
            >
              {t('zones.newLocation')}
            </Button>
          }
        >
          <Table<Location>
            size="small"
            rowKey="id"
            data-testid="locations-table"
            loading={locations.isLoading}
            dataSource={locs}
            pagination={false}
            scroll={{ y: 480 }}
            locale={{ emptyText: t('zones.noLocations') }}
            columns={[
              { title: t('zones.zone'), dataIndex: 'zoneName', width: 140 },
              { title: t('zones.name'), dataIndex: 'name' },
              { title: t('zones.kind'), dataIndex: 'kind', width: 100, render: (k: string) => <Tag>{t(`zones.kinds.${k}`, { defaultValue: k })}</Tag> },
              { title: t('zones.note'), dataIndex: 'note', ellipsis: true },
              {
                title: '',
                width: 120,
                render: (_, l) => (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setLocEdit({ open: true, value: l })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('zones.deleteLocationConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(delLocation.mutateAsync, l.id)}>
                      <Button size="small" type="link" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <ZoneModal edit={zoneEdit} onClose={() => setZoneEdit({ open: false })} />
      <LocationModal edit={locEdit} zones={zones.data ?? []} onClose={() => setLocEdit({ open: false })} />
    </Row>
  );
}

function ZoneModal({ edit, onClose }: { edit: Editing<Zone>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Zone>();
  const save = useSaveZone();
  useEffect(() => {
    if (edit.open) form.setFieldsValue(edit.value);
  }, [edit, form]);
  const value = edit.open ? edit.value : undefined;

  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !value) return;
    try {
      await save.mutateAsync({ ...value, ...v });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      const e = toAppError(err);
      if (e.field === 'name') form.setFields([{ name: 'name', errors: [errorText(t, e)] }]);
      else message.error(errorText(t, err));
    }
  };

  return (
    <Modal
      open={edit.open}
      title={value?.id ? t('zones.editZone') : t('zones.newZone')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'zone-save' } }}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('zones.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input data-testid="zone-name" placeholder={t('zones.zoneNameExample')} />
        </Form.Item>
        <Form.Item name="kind" label={t('zones.kind')}>
          <Select
            data-testid="zone-kind"
            allowClear
            placeholder={t('zones.zoneKindExample')}
            options={zoneKinds.map((k) => ({ value: k, label: t(`zones.zoneKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('zones.note')}>
          <Input.TextArea autoSize />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LocationModal({ edit, zones, onClose }: { edit: Editing<Location>; zones: Zone[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Location>();
  const save = useSaveLocation();
  useEffect(() => {
    if (edit.open) form.setFieldsValue({ ...edit.value, zoneId: edit.value.zoneId || undefined } as Location);
  }, [edit, form]);
  const value = edit.open ? edit.value : undefined;

  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !value) return;
    try {
      await save.mutateAsync({ ...value, ...v });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      const e = toAppError(err);
      if (e.field && ['name', 'zoneId', 'kind'].includes(e.field)) form.setFields([{ name: e.field as 'name', errors: [errorText(t, e)] }]);
      else message.error(errorText(t, err));
    }
  };

  return (
    <Modal
      open={edit.open}
      title={value?.id ? t('zones.editLocation') : t('zones.newLocation')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'location-save' } }}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item name="zoneId" label={t('zones.zone')} rules={[{ required: true, message: t('form.required') }]}>
          <Select data-testid="location-zone" options={zones.map((z) => ({ value: z.id, label: z.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('zones.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input data-testid="location-name" placeholder={t('zones.locationNameExample')} />
        </Form.Item>
        <Form.Item name="kind" label={t('zones.kind')}>
          <Select data-testid="location-kind" options={locationKinds.map((k) => ({ value: k, label: t(`zones.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('zones.note')}>
          <Input.TextArea autoSize />
        </Form.Item>
      </Form>
    </Modal>
  );
}
