// What the orders area shows of shipping, inside an order's drawer: a "打包 Pack" button while
// the order has goods left to pack (it opens the pack form for this order), and the order's
// parcels with their state and tracking (a row opens the parcel). This file is the only
// shipping module the orders area imports; shipping reaches orders by route only.
import { useState } from 'react';
import { Button, Table, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ParcelRow } from '../../lib/backend';
import { useInvalidateOn } from '../../lib/events';
import { shippingKeys, useLeftToPack, useParcels } from './api';
import { carrierService } from './format';
import { shortTime } from './packList';
import { ParcelStatusTag, TrackingNo } from './components/pickers';
import { PackDrawer } from './pack/PackDrawer';
import { ParcelDrawer } from './parcels/ParcelDrawer';
import { OrderNotices } from './notices/OrderNotices';

/** Order statuses whose goods can be packed (confirmed up to packed, as the backend allows). */
const packable = new Set(['confirmed', 'deposit', 'paid', 'allocated', 'bought', 'packed']);

/** "打包": shown while the order has goods left to pack. */
export function PackOrderButton({ orderId, status }: { orderId: string; status: string }) {
  const { t } = useTranslation();
  const left = useLeftToPack(orderId).data ?? 0;
  useInvalidateOn('shipping:changed', [shippingKeys.toPack]);
  useInvalidateOn('orders:changed', [shippingKeys.toPack]);
  const [open, setOpen] = useState(false);
  if (!packable.has(status) || left <= 0) return null;
  return (
    <>
      <Button icon={<InboxOutlined />} onClick={() => setOpen(true)} data-testid="order-pack">
        {t('shipping.ui.orderPanel.pack', { count: left })}
      </Button>
      <PackDrawer orderIds={open ? [orderId] : undefined} onClose={() => setOpen(false)} onSaved={() => setOpen(false)} />
    </>
  );
}

/** The order's parcels; nothing when it has none. */
export function OrderParcels({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  useInvalidateOn('shipping:changed', [shippingKeys.parcels]);
  const parcels = useParcels({ status: '', search: '', orderId, ids: [], limit: 0 });
  const [openId, setOpenId] = useState<string>();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const rows = parcels.data ?? [];
  if (rows.length === 0) return null;
  const f = (k: string) => t(`shipping.ui.parcels.fields.${k}`);
  return (
    <div data-testid="order-parcels">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('shipping.ui.orderPanel.parcels', { count: rows.length })}
      </Typography.Title>
      <Table<ParcelRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        onRow={(r) =>
          ({
            onClick: () => {
              setOpenId(r.id);
              setDrawerOpen(true);
            },
            style: { cursor: 'pointer' },
            'data-testid': `order-parcel-${r.number}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: f('number'), dataIndex: 'number', width: 130 },
          { title: f('status'), dataIndex: 'status', width: 100, render: (s: string) => <ParcelStatusTag status={s} /> },
          { title: f('carrier'), key: 'carrier', ellipsis: true, render: (_, r) => carrierService(r, i18n.language) || '—' },
          {
            title: f('tracking'),
            dataIndex: 'trackingNo',
            width: 160,
            render: (no: string, r) => <TrackingNo no={no} urlTemplate={r.trackingUrl} />,
          },
          { title: f('shippedAt'), dataIndex: 'shippedAt', width: 100, render: (v: string) => shortTime(v) || '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('shipping.notices.history')}
      </Typography.Title>
      <OrderNotices orderId={orderId} />
      <ParcelDrawer
        parcelId={openId}
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        onOpenOrder={(id) => {
          setDrawerOpen(false);
          if (id !== orderId) navigate('/orders', { state: { openOrderId: id } });
        }}
      />
    </div>
  );
}
