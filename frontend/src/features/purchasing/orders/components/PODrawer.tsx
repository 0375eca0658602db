// A purchase order in a drawer: header, lines with what arrived and the landed unit cost in
// the base currency, goods / extras / landed totals, extra costs, receipts; and the actions
// that apply to its status (edit until goods arrive, receive, cancel).
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Divider, Drawer, Popconfirm, Space, Spin, Statistic, Table, Typography, Row, Col, Card } from 'antd';
import { EditOutlined, InboxOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type PODetail } from '../../../../lib/backend';
import { locationLabel, useLocations } from '../../../../lib/lookups';
import { formatMoney } from '../../../../lib/money';
import { absoluteTime } from '../../../../lib/time';
import { None } from '../../suppliers/components/pickers';
import { useCancelPO, usePO } from '../api';
import { outstanding } from '../poForm';
import { CostsSection } from './CostsSection';
import { ReceiveModal } from './ReceiveModal';
import { StatusTag } from './StatusTag';

type POLine = PODetail['lines'][number];
type Receipt = PODetail['receipts'][number];

export function PODrawer({ open, poId, onClose, onEdit }: { open: boolean; poId?: string; onClose: () => void; onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = usePO(open ? poId : undefined);
  const cancel = useCancelPO();
  const [receiving, setReceiving] = useState(false);
  const d = detail.data;
  const active = d && (d.status === 'open' || d.status === 'partial');

  const onCancel = async () => {
    if (!d) return;
    try {
      await cancel.mutateAsync(d.id);
      message.success(t('purchasing.po.detail.cancelled', { number: d.number }));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={1000}
      data-testid="po-drawer"
      title={
        d ? (
          <Space>
            {t('purchasing.po.detail.title', { number: d.number })}
            <StatusTag status={d.status} />
          </Space>
        ) : (
          t('purchasing.po.detail.loading')
        )
      }
      extra={
        d && (
          <Space>
            {d.received === 0 && d.status !== 'cancelled' && (
              <Button icon={<EditOutlined />} onClick={() => onEdit(d.id)} data-testid="po-edit">
                {t('common.edit')}
              </Button>
            )}
            {active && (
              <Popconfirm
                title={t('purchasing.po.detail.cancelConfirm')}
                okText={t('purchasing.po.detail.cancel')}
                cancelText={t('purchasing.po.detail.keep')}
                okButtonProps={{ danger: true }}
                onConfirm={onCancel}
              >
                <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="po-cancel">
                  {t('purchasing.po.detail.cancel')}
                </Button>
              </Popconfirm>
            )}
            {active && (
              <Button type="primary" icon={<InboxOutlined />} onClick={() => setReceiving(true)} data-testid="po-receive">
                {t('purchasing.po.detail.receive')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {detail.isLoading ? (
        <Spin />
      ) : detail.isError ? (
        <Alert type="error" showIcon message={errorText(t, detail.error)} />
      ) : d ? (
        <>
          <Header po={d} />
          <Totals po={d} />
          <Divider orientation="left">{t('purchasing.po.sections.lines')}</Divider>
          <Lines po={d} />
          <Divider orientation="left">{t('purchasing.po.sections.costs')}</Divider>
          <CostsSection po={d} />
          <Divider orientation="left">{t('purchasing.po.sections.receipts')}</Divider>
          <Receipts po={d} />
          <ReceiveModal open={receiving} po={d} onClose={() => setReceiving(false)} />
        </>
      ) : null}
    </Drawer>
  );
}

function Header({ po }: { po: PODetail }) {
  const { t } = useTranslation();
  const locations = useLocations();
  const loc = locations.data?.find((l) => l.id === po.locationId);
  const f = (k: string) => t(`purchasing.po.fields.${k}`);
  return (
    <Descriptions size="small" column={3} bordered data-testid="po-header">
      <Descriptions.Item label={f('supplier')}>{po.supplierName || <None />}</Descriptions.Item>
      <Descriptions.Item label={f('orderedAt')}>{po.orderedAt}</Descriptions.Item>
      <Descriptions.Item label={f('expectedAt')}>{po.expectedAt || <None />}</Descriptions.Item>
      <Descriptions.Item label={f('currency')}>{po.currency}</Descriptions.Item>
      <Descriptions.Item label={f('rate')}>
        {po.currency === po.baseCurrency ? <None /> : t('purchasing.po.rateLine', { currency: po.currency, rate: po.rate, base: po.baseCurrency })}
      </Descriptions.Item>
      <Descriptions.Item label={f('location')}>{loc ? locationLabel(loc) : <None />}</Descriptions.Item>
      {po.note ? (
        <Descriptions.Item label={f('note')} span={3}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{po.note}</span>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function Totals({ po }: { po: PODetail }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number, cur: string) => formatMoney(minor, cur, i18n.language);
  const k = (x: string) => t(`purchasing.po.totals.${x}`);
  const items: [string, string, string?][] = [
    ['total', money(po.total, po.currency)],
    ['goods', money(po.goodsBase, po.baseCurrency)],
    ['extras', money(po.extrasBase, po.baseCurrency)],
    ['landed', money(po.landedBase, po.baseCurrency)],
    ['units', `${po.received} / ${po.ordered}`],
  ];
  return (
    <Row gutter={12} style={{ marginTop: 16 }} data-testid="po-totals">
      {items.map(([key, value]) => (
        <Col flex={1} key={key}>
          <Card size="small">
            <Statistic title={k(key)} value={value} valueStyle={{ fontSize: 18 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Lines({ po }: { po: PODetail }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number, cur: string) => formatMoney(minor, cur, i18n.language);
  const f = (k: string) => t(`purchasing.po.fields.${k}`);
  return (
    <Table<POLine>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={po.lines}
      data-testid="po-lines-table"
      columns={[
        {
          title: f('product'),
          key: 'product',
          ellipsis: true,
          render: (_, l) => (
            <span>
              {l.productName || <Typography.Text type="secondary">{t('purchasing.suppliers.notSynced')}</Typography.Text>}
              {l.sku && <Typography.Text type="secondary"> · {l.sku}</Typography.Text>}
            </span>
          ),
        },
        { title: f('ordered'), dataIndex: 'qty', width: 80, align: 'right' },
        {
          title: f('received'),
          key: 'received',
          width: 90,
          align: 'right',
          render: (_, l) => <Typography.Text type={outstanding(l) > 0 && l.received > 0 ? 'warning' : undefined}>{l.received}</Typography.Text>,
        },
        { title: f('unitPrice'), dataIndex: 'unitPrice', width: 110, align: 'right', render: (v: number) => money(v, po.currency) },
        { title: f('lineTotal'), key: 'lineTotal', width: 120, align: 'right', render: (_, l) => money(l.qty * l.unitPrice, po.currency) },
        {
          title: t('purchasing.po.fields.landedUnit', { base: po.baseCurrency }),
          dataIndex: 'landedUnit',
          width: 150,
          align: 'right',
          render: (v: number) => money(v, po.baseCurrency),
        },
      ]}
    />
  );
}

function Receipts({ po }: { po: PODetail }) {
  const { t } = useTranslation();
  const r = (k: string) => t(`purchasing.po.receipts.${k}`);
  return (
    <Table<Receipt>
      size="small"
      rowKey="id"
      pagination={po.receipts.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={po.receipts}
      data-testid="po-receipts"
      locale={{ emptyText: r('empty') }}
      columns={[
        { title: r('at'), dataIndex: 'at', width: 140, render: (v: string) => absoluteTime(v) },
        { title: r('product'), dataIndex: 'productName', ellipsis: true },
        { title: r('qty'), dataIndex: 'qty', width: 70, align: 'right' },
        { title: r('location'), dataIndex: 'locationName', width: 150, ellipsis: true, render: (v: string) => v || <None /> },
        { title: r('batch'), dataIndex: 'batchCode', width: 110, render: (v: string) => v || <None /> },
        { title: r('expiry'), dataIndex: 'expiry', width: 110, render: (v: string) => v || <None /> },
      ]}
    />
  );
}
