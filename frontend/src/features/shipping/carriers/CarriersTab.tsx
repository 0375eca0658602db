// The carriers the team ships with (the preloaded ones are edited like any other) and, under
// each, its services with tier, origin, currency, limits, transit days, cover and rate table.
// A carrier is edited in a dialog, a service with its whole rate table in a drawer.
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Carrier, type CarrierService } from '../../../lib/backend';
import { useCarriers, useDeleteCarrier, useDeleteService } from '../api';
import { localName, transitText, weightText } from '../format';
import { countryLabel } from '../components/pickers';
import { CarrierModal } from './CarrierModal';
import { ServiceDrawer } from './ServiceDrawer';

export function CarriersTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language;
  const carriers = useCarriers();
  const del = useDeleteCarrier();
  const rows = carriers.data ?? [];
  // every carrier open until the person folds one: a team has a handful
  const [expanded, setExpanded] = useState<string[]>();
  const [carrierEdit, setCarrierEdit] = useState<{ open: boolean; carrier?: Carrier }>({ open: false });
  const [serviceEdit, setServiceEdit] = useState<{ carrier: Carrier; service?: CarrierService }>();
  const f = (k: string) => t(`shipping.ui.carriers.fields.${k}`);

  const remove = async (c: Carrier) => {
    try {
      await del.mutateAsync(c.id);
      message.success(t('shipping.ui.carriers.deleted', { name: localName(c.name, c.nameEn, lang) }));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const columns: NonNullable<TableProps<Carrier>['columns']> = [
    {
      title: f('name'),
      key: 'name',
      width: 320,
      render: (_, c) => (
        <Space size={6} wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.nameEn && c.nameEn !== c.name && <Typography.Text type="secondary">{c.nameEn}</Typography.Text>}
          {c.builtIn && <Tag bordered={false} color="blue">{t('shipping.ui.carriers.builtIn')}</Tag>}
        </Space>
      ),
    },
    { title: f('kind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag>{t(`shipping.ui.kind.${k}`, { defaultValue: k })}</Tag> },
    {
      title: f('trackingUrl'),
      dataIndex: 'trackingUrl',
      ellipsis: true,
      render: (u: string) => (u ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{u}</Typography.Text> : '—'),
    },
    { title: f('phone'), dataIndex: 'phone', width: 120, render: (p: string) => p || '—' },
    {
      title: '',
      key: 'act',
      width: 260,
      align: 'right',
      render: (_, c) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setServiceEdit({ carrier: c })} data-testid="carrier-add-service">
            {t('shipping.ui.carriers.addService')}
          </Button>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setCarrierEdit({ open: true, carrier: c })} data-testid="carrier-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('shipping.ui.carriers.deleteConfirm', { name: localName(c.name, c.nameEn, lang) })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(c)}
          >
            <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="carrier-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="carriers-tab">
      <div style={{ marginBottom: 12, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text type="secondary">{t('shipping.ui.carriers.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCarrierEdit({ open: true })} data-testid="carrier-new">
          {t('shipping.ui.carriers.new')}
        </Button>
      </div>
      <Table<Carrier>
        data-testid="carrier-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={carriers.isLoading}
        pagination={false}
        locale={{ emptyText: carriers.isError ? errorText(t, carriers.error) : t('shipping.ui.carriers.empty') }}
        expandable={{
          expandedRowKeys: expanded ?? rows.map((c) => c.id),
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandedRowRender: (c) => <Services carrier={c} onEdit={(s) => setServiceEdit({ carrier: c, service: s })} />,
        }}
        onRow={(c) => ({ 'data-testid': `carrier-row-${c.name}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <CarrierModal open={carrierEdit.open} carrier={carrierEdit.carrier} onClose={() => setCarrierEdit({ open: false })} />
      <ServiceDrawer
        carrier={serviceEdit?.carrier}
        service={serviceEdit?.service}
        onClose={() => setServiceEdit(undefined)}
      />
    </div>
  );
}

function Services({ carrier, onEdit }: { carrier: Carrier; onEdit: (s: CarrierService) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language;
  const del = useDeleteService();
  const f = (k: string) => t(`shipping.ui.carriers.service.${k}`);

  const remove = async (s: CarrierService) => {
    try {
      await del.mutateAsync(s.id);
      message.success(t('shipping.ui.carriers.serviceDeleted', { name: localName(s.name, s.nameEn, lang) }));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  if (carrier.services.length === 0) {
    return <Typography.Text type="secondary">{t('shipping.ui.carriers.noServices')}</Typography.Text>;
  }
  return (
    <Table<CarrierService>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={carrier.services}
      data-testid={`services-${carrier.name}`}
      onRow={(s) => ({ 'data-testid': `service-row-${s.name}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: f('name'),
          key: 'name',
          render: (_, s) => (
            <span>
              {localName(s.name, s.nameEn, lang)}
              <Tag bordered={false} style={{ marginLeft: 6 }}>{t(`shipping.ui.tier.${s.tier}`, { defaultValue: s.tier })}</Tag>
            </span>
          ),
        },
        {
          title: f('origin'),
          dataIndex: 'origin',
          width: 130,
          render: (o: string) => (o ? countryLabel(o, lang) : t('shipping.ui.carriers.service.originAbroad')),
        },
        { title: f('currency'), dataIndex: 'currency', width: 90 },
        { title: f('maxWeight'), dataIndex: 'maxWeightG', width: 80, align: 'right', render: (g: number) => (g ? weightText(g) : '—') },
        {
          title: f('transit'),
          key: 'transit',
          width: 80,
          align: 'right',
          render: (_, s) => {
            const days = transitText(s.transitMin, s.transitMax);
            return days ? t('shipping.ui.days', { days }) : '—';
          },
        },
        {
          title: f('cover'),
          key: 'cover',
          width: 110,
          render: (_, s) => (
            <Space size={4}>
              {s.insurance && <Tag color="green" icon={<SafetyCertificateOutlined />}>{t('shipping.ui.carriers.service.insuranceShort')}</Tag>}
              {s.signature && <Tag color="green">{t('shipping.ui.carriers.service.signatureShort')}</Tag>}
              {!s.insurance && !s.signature && '—'}
            </Space>
          ),
        },
        {
          title: f('rates'),
          key: 'rates',
          width: 90,
          render: (_, s) => (
            <Tooltip title={s.rates.map((r) => r.zone || r.provinces || t('shipping.ui.carriers.rate.everywhere')).join(t('common.listSeparator'))}>
              <span>{t('shipping.ui.carriers.rateRows', { count: s.rates.length })}</span>
            </Tooltip>
          ),
        },
        {
          title: '',
          key: 'act',
          width: 150,
          align: 'right',
          render: (_, s) => (
            <Space size={0}>
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(s)} data-testid="service-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('shipping.ui.carriers.serviceDeleteConfirm', { name: localName(s.name, s.nameEn, lang) })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(s)}
              >
                <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="service-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
