// One trip on the desktop: its facts, the buttons to open the shop screen and export the list
// (PDF / Excel / CSV through a save dialog), and two tabs — the shopping list grouped by store,
// and the summary (spending, landed cost, extra costs and tax refunds, refunds due for goods
// not found, surplus, and the history of ticks with undo).
import { useState } from 'react';
import { App, Button, Descriptions, Dropdown, Space, Spin, Statistic, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, MobileOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorText, type Trip } from '../../../lib/backend';
import { formatMoney } from '../../../lib/money';
import { exportList, useCloseTrip, useShoppingList, useTrip } from './api';
import { useSettings } from '../../settings/api';
import { ListTab } from './components/ListTab';
import { SummaryTab } from './components/SummaryTab';
import { TripFormModal } from './components/TripFormModal';
import { dateRange, place, shopPath, stillToBuy, tripsPath } from './logic';

export function TripPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const trip = useTrip(id);
  const [tab, setTab] = useState('list');

  if (trip.isLoading) return <Spin />;
  if (trip.isError || !trip.data) {
    return (
      <Space direction="vertical">
        <Typography.Text type="danger">{trip.error ? errorText(t, trip.error) : ''}</Typography.Text>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(tripsPath)}>{t('purchasing.trips.backToTrips')}</Button>
      </Space>
    );
  }
  const tr = trip.data;
  return (
    <div data-testid="trip-page">
      <Header trip={tr} />
      <Figures trip={tr} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: <span data-testid="trip-tab-list">{t('purchasing.trips.tabs.list')}</span>, children: <ListTab trip={tr} /> },
          { key: 'summary', label: <span data-testid="trip-tab-summary">{t('purchasing.trips.tabs.summary')}</span>, children: <SummaryTab trip={tr} /> },
        ]}
      />
    </div>
  );
}

function Header({ trip }: { trip: Trip }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const settings = useSettings();
  const close = useCloseTrip();
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const base = settings.data?.baseCurrency ?? 'CNY';

  const doExport = async (format: 'pdf' | 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      const path = await exportList(trip.id, i18n.language === 'en' ? 'en' : 'zh', format);
      if (path) message.success(t('purchasing.trips.exported', { path }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setExporting(false);
    }
  };

  const toggle = async () => {
    try {
      await close.mutateAsync({ id: trip.id, closed: !trip.closed });
      message.success(trip.closed ? t('purchasing.trips.reopened') : t('purchasing.trips.closedDone'));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const rate = (r: string) => (r ? `1 ${trip.currency} = ${r} ${base}` : '—');
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Space align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(tripsPath)} aria-label={t('purchasing.trips.backToTrips')} data-testid="trip-back" />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="trip-name">{trip.name}</Typography.Title>
          {trip.closed ? <Tag>{t('purchasing.trips.closed')}</Tag> : <Tag color="green">{t('purchasing.trips.open')}</Tag>}
        </Space>
        <Space wrap>
          <Button type="primary" icon={<MobileOutlined />} onClick={() => navigate(shopPath(trip.id))} data-testid="trip-open-shop">
            {t('purchasing.trips.openShop')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'pdf', label: 'PDF' },
                { key: 'xlsx', label: 'Excel (.xlsx)' },
                { key: 'csv', label: 'CSV' },
              ],
              onClick: ({ key }) => void doExport(key as 'pdf' | 'xlsx' | 'csv'),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporting} data-testid="trip-export">
              {t('purchasing.trips.exportList')}
            </Button>
          </Dropdown>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="trip-page-edit">{t('common.edit')}</Button>
          <Button onClick={() => void toggle()} loading={close.isPending} data-testid="trip-page-toggle">
            {trip.closed ? t('purchasing.trips.reopen') : t('purchasing.trips.close')}
          </Button>
        </Space>
      </div>
      <Descriptions size="small" column={4} data-testid="trip-facts" style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('purchasing.trips.fields.destination')}>{place(trip.city, trip.country) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.trips.fields.dates')}>{dateRange(trip.startsOn, trip.endsOn)}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.trips.fields.buyer')}>{trip.buyer || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.trips.fields.currency')}>{trip.currency}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.trips.fields.cardRateShort')}>{rate(trip.cardRate)}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.trips.fields.cashRateShort')}>{rate(trip.cashRate)}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.trips.fields.location')}>
          {trip.locationName || <Typography.Text type="warning">{t('purchasing.trips.noLocation')}</Typography.Text>}
        </Descriptions.Item>
        {trip.note && <Descriptions.Item label={t('purchasing.trips.fields.note')}>{trip.note}</Descriptions.Item>}
      </Descriptions>
      <TripFormModal open={editing} trip={trip} onClose={() => setEditing(false)} />
    </>
  );
}

function Figures({ trip }: { trip: Trip }) {
  const { t, i18n } = useTranslation();
  const list = useShoppingList(trip.id);
  const d = list.data;
  return (
    <Space size={40} wrap style={{ marginBottom: 8 }} data-testid="trip-figures">
      <Statistic title={t('purchasing.trips.figures.items')} value={d?.items ?? '—'} />
      <Statistic title={t('purchasing.trips.figures.toBuy')} value={d ? stillToBuy(d.groups) : '—'} valueStyle={{ color: '#c8102e' }} />
      <Statistic title={t('purchasing.trips.figures.bought')} value={trip.bought} />
      <Statistic title={t('purchasing.trips.figures.notFound')} value={trip.notFound} valueStyle={trip.notFound ? { color: '#faad14' } : undefined} />
      <Statistic title={t('purchasing.trips.figures.spent', { currency: trip.currency })} value={formatMoney(trip.spent, trip.currency, i18n.language)} />
    </Space>
  );
}
