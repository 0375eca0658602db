// Every buying trip, open ones first (the backend's order), with what each bought so far. A row
// opens the trip; new / edit open the trip form; close, reopen and delete act at once (delete
// asks first and shows why the backend refused it once something was bought).
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorText, type Trip } from '../../../../lib/backend';
import { formatMoney } from '../../../../lib/money';
import { useCloseTrip, useDeleteTrip, useTrips } from '../api';
import { dateRange, place, tripPath } from '../logic';
import { TripFormModal } from './TripFormModal';

export function TripList() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const trips = useTrips();
  const close = useCloseTrip();
  const del = useDeleteTrip();
  const [form, setForm] = useState<{ open: boolean; trip?: Trip }>({ open: false });

  const toggle = async (trip: Trip) => {
    try {
      await close.mutateAsync({ id: trip.id, closed: !trip.closed });
      message.success(trip.closed ? t('purchasing.trips.reopened') : t('purchasing.trips.closedDone'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const remove = async (trip: Trip) => {
    try {
      await del.mutateAsync(trip.id);
      message.success(t('common.deleted'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <div data-testid="trip-list">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('purchasing.trips.listHelp')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })} data-testid="trip-new">
          {t('purchasing.trips.new')}
        </Button>
      </Space>
      <Table<Trip>
        size="middle"
        rowKey="id"
        tableLayout="fixed"
        loading={trips.isLoading}
        dataSource={trips.data ?? []}
        pagination={false}
        locale={{
          emptyText: trips.isError ? (
            <Typography.Text type="danger">{errorText(t, trips.error)}</Typography.Text>
          ) : (
            t('purchasing.trips.empty')
          ),
        }}
        onRow={(r) => ({ 'data-testid': `trip-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('purchasing.trips.fields.name'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Space size={6} wrap>
                  <Typography.Link strong onClick={() => navigate(tripPath(r.id))} data-testid="trip-open">
                    {r.name}
                  </Typography.Link>
                  {r.closed ? <Tag>{t('purchasing.trips.closed')}</Tag> : <Tag color="green">{t('purchasing.trips.open')}</Tag>}
                </Space>
                {r.note && <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.note }}>{r.note}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('purchasing.trips.fields.destinationCurrency'),
            width: 130,
            render: (_, r) => (
              <div>
                <div>{place(r.city, r.country) || '—'}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="trip-currency">{r.currency}</Typography.Text>
              </div>
            ),
          },
          { title: t('purchasing.trips.fields.dates'), render: (_, r) => dateRange(r.startsOn, r.endsOn), width: 175 },
          { title: t('purchasing.trips.fields.buyer'), dataIndex: 'buyer', width: 90, ellipsis: true },
          { title: t('purchasing.trips.fields.bought'), dataIndex: 'bought', align: 'right', width: 80, onCell: () => ({ 'data-testid': 'trip-bought' }) as React.HTMLAttributes<HTMLElement> },
          {
            title: t('purchasing.trips.fields.notFound'),
            align: 'right',
            width: 70,
            render: (_, r) => (r.notFound > 0 ? <Typography.Text type="warning">{r.notFound}</Typography.Text> : 0),
          },
          {
            title: t('purchasing.trips.fields.spent'),
            align: 'right',
            width: 120,
            render: (_, r) => formatMoney(r.spent, r.currency, i18n.language),
            onCell: () => ({ 'data-testid': 'trip-spent' }) as React.HTMLAttributes<HTMLElement>,
          },
          {
            title: '',
            width: 180,
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setForm({ open: true, trip: r })} data-testid="trip-edit">
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => void toggle(r)} data-testid="trip-toggle">
                  {r.closed ? t('purchasing.trips.reopen') : t('purchasing.trips.close')}
                </Button>
                <Popconfirm
                  title={t('purchasing.trips.deleteConfirm', { name: r.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, ...{ 'data-testid': 'trip-delete-confirm' } }}
                  onConfirm={() => remove(r)}
                >
                  <Button type="link" size="small" danger data-testid="trip-delete">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <TripFormModal
        open={form.open}
        trip={form.trip}
        onClose={() => setForm({ open: false })}
        onSaved={(saved) => {
          if (!form.trip) navigate(tripPath(saved.id));
        }}
      />
    </div>
  );
}
