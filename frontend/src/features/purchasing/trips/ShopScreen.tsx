// The shop screen: the trip's list for a phone-sized window held in a shop, drawn without the
// app's menu (app/App.tsx). A search box at the top takes a scanned barcode + Enter (an exact
// barcode or SKU on the list opens that item; a product of the catalog not on the list opens it
// to buy for stock) or filters by name, brand or SKU as it is typed. Items are grouped by store
// with a big "still to buy" number; tapping one opens the "bought" sheet. A bar at the bottom
// keeps the trip's figures in sight. Everything is local: it works without a network.
import { useMemo, useRef, useState } from 'react';
import { App, Button, ConfigProvider, Empty, Input, Segmented, Spin, Tag, Typography, type InputRef } from 'antd';
import { ArrowLeftOutlined, ScanOutlined, ShopOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type ListGroup, type ListItem } from '../../../lib/backend';
import { formatMoney } from '../../../lib/money';
import { findProductByCode, useShoppingList, useTripEvents } from './api';
import { useSettings } from '../../settings/api';
import { BuySheet, type BuyTarget } from './components/BuySheet';
import { filterGroups, itemState, matchScan, stillToBuy, tripPath } from './logic';

const touch = 48;

export function ShopScreen() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  useTripEvents();
  const list = useShoppingList(id);
  const settings = useSettings();
  const base = settings.data?.baseCurrency ?? 'CNY';
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [target, setTarget] = useState<BuyTarget>();
  const [sheetOpen, setSheetOpen] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const data = list.data;
  const trip = data?.trip;
  const groups = useMemo(() => filterGroups(data?.groups ?? [], search, show === 'open'), [data, search, show]);

  const openItem = (item: ListItem, group?: ListGroup, adhoc = false) => {
    setTarget({ item, group, adhoc });
    setSheetOpen(true);
  };

  const closeSheet = () => {
    setSheetOpen(false);
    setTimeout(() => searchRef.current?.focus(), 300);
  };

  // Enter: a scanned barcode or a typed SKU. On the list → open it; in the catalog → buy it for stock.
  const onEnter = async () => {
    const code = search.trim();
    if (!code || !data) return;
    const hit = matchScan(data.groups, code);
    if (hit) {
      setSearch('');
      openItem(hit.item, hit.group);
      return;
    }
    const shown = filterGroups(data.groups, code, show === 'open');
    if (shown.length === 1 && shown[0].items.length === 1) {
      openItem(shown[0].items[0], shown[0]);
      return;
    }
    if (shown.length > 0) return; // a name typed: the filter shows what matches
    try {
      const p = await findProductByCode(code);
      setSearch('');
      openItem(
        {
          productId: p.id, sku: p.sku, name: p.nameZh, nameOrig: p.nameOrig, brand: p.brand, barcode: p.barcode, photo: p.photo,
          weightG: p.weightG, forOrders: 0, orders: 0, forStock: 0, manual: false, stockQty: 0, toStock: 0,
          shelfLife: p.shelfLife, skipped: false, available: p.available,
          reorderPoint: p.reorderPoint, need: 0, bought: 0, notFound: false, lastPrice: 0, lastCurrency: '', note: '',
        },
        undefined,
        true,
      );
    } catch (err) {
      if (toAppError(err).code === 'not_found') message.warning(t('purchasing.trips.codeNotFound', { code }));
      else message.error(errorText(t, err));
    }
  };

  if (list.isLoading) return <Spin style={{ display: 'block', margin: '40vh auto' }} />;
  if (list.isError || !trip || !data) {
    return (
      <div style={{ padding: 24 }}>
        <Typography.Text type="danger">{list.error ? errorText(t, list.error) : ''}</Typography.Text>
        <Button block size="large" style={{ marginTop: 16 }} onClick={() => navigate('/purchasing/trips')}>
          {t('purchasing.trips.backToTrips')}
        </Button>
      </div>
    );
  }

  const toBuy = stillToBuy(data.groups);
  return (
    <ConfigProvider theme={{ token: { controlHeightLG: touch, fontSizeLG: 17 } }}>
    <div data-testid="shop-screen" style={{ minHeight: '100vh', boxSizing: 'border-box', background: '#f5f5f5', paddingBottom: 76 }}>
      <div style={{ position: 'sticky', top: 0, zIndex: 10, background: '#fff', padding: '8px 12px 10px', boxShadow: '0 1px 4px rgba(0,0,0,0.08)' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
          <Button type="text" icon={<ArrowLeftOutlined style={{ fontSize: 20 }} />} style={{ width: touch, height: touch }}
            onClick={() => navigate(tripPath(trip.id))} aria-label={t('purchasing.trips.backToTrip')} data-testid="shop-back" />
          <div style={{ flex: 1, minWidth: 0 }}>
            <div style={{ fontWeight: 600, fontSize: 17, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{trip.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[trip.city, trip.currency, trip.cardRate && `1 ${trip.currency} = ${trip.cardRate} ${base}`].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
          {trip.closed && <Tag>{t('purchasing.trips.closed')}</Tag>}
        </div>
        <Input
          ref={searchRef}
          autoFocus
          allowClear
          size="large"
          prefix={<ScanOutlined />}
          placeholder={t('purchasing.trips.shop.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onPressEnter={() => void onEnter()}
          data-testid="shop-search"
          enterKeyHint="search"
        />
        <Segmented<'open' | 'all'>
          block
          value={show}
          onChange={setShow}
          size="large"
          style={{ marginTop: 8 }}
          options={[
            { value: 'open', label: <span data-testid="shop-show-open">{t('purchasing.trips.shop.showOpen')}</span> },
            { value: 'all', label: <span data-testid="shop-show-all">{t('purchasing.trips.shop.showAll')}</span> },
          ]}
        />
      </div>

      <div style={{ padding: '8px 10px' }}>
        {groups.length === 0 && (
          <Empty
            style={{ marginTop: 48 }}
            description={search ? t('purchasing.trips.shop.noMatch') : show === 'open' && data.items > 0 ? t('purchasing.trips.shop.allDone') : t('purchasing.trips.emptyList')}
          />
        )}
        {groups.map((g) => (
          <section key={g.supplierId || '-'} data-testid={`shop-group-${g.store || 'any'}`} style={{ marginBottom: 12 }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '6px 4px', fontWeight: 600, color: 'rgba(0,0,0,0.7)' }}>
              <ShopOutlined />
              <span>{g.supplierId ? g.store : t('purchasing.trips.anyStore')}</span>
              {g.city && <Typography.Text type="secondary" style={{ fontWeight: 400 }}>· {g.city}</Typography.Text>}
            </div>
            {g.items.map((it) => (
              <ItemCard key={it.productId} item={it} onOpen={() => openItem(it, g)} />
            ))}
          </section>
        ))}
      </div>

      <div
        data-testid="shop-summary"
        style={{
          position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 10, background: '#1f1f1f', color: '#fff',
          display: 'flex', justifyContent: 'space-around', padding: '10px 8px', textAlign: 'center',
        }}
      >
        <Figure label={t('purchasing.trips.shop.toBuy')} value={toBuy} testid="shop-sum-to-buy" />
        <Figure label={t('purchasing.trips.shop.bought')} value={data.bought} testid="shop-sum-bought" />
        <Figure label={t('purchasing.trips.shop.spent')} value={formatMoney(trip.spent, trip.currency, i18n.language)} testid="shop-sum-spent" />
      </div>

      <BuySheet trip={trip} target={target} open={sheetOpen} onClose={closeSheet} placement="bottom" base={base} locationName={trip.locationName} />
    </div>
    </ConfigProvider>
  );
}

function Figure({ label, value, testid }: { label: string; value: string | number; testid: string }) {
  return (
    <div>
      <div style={{ fontSize: 20, fontWeight: 700, lineHeight: 1.2 }} data-testid={testid}>{value}</div>
      <div style={{ fontSize: 12, opacity: 0.7 }}>{label}</div>
    </div>
  );
}

function ItemCard({ item, onOpen }: { item: ListItem; onOpen: () => void }) {
  const { t } = useTranslation();
  const state = itemState(item);
  const open = state === 'open';
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid={`shop-item-${item.sku}`}
      data-state={state}
      style={{
        display: 'flex', width: '100%', alignItems: 'center', gap: 10, minHeight: 72, padding: '10px 12px', marginBottom: 8,
        background: '#fff', border: '1px solid #f0f0f0', borderRadius: 10, textAlign: 'left', cursor: 'pointer',
        opacity: open ? 1 : state === 'skipped' ? 0.5 : 0.65, font: 'inherit', color: 'inherit',
      }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ fontSize: 16, fontWeight: 600, lineHeight: 1.3 }}>{item.name || item.nameOrig}</div>
        {(item.nameOrig || item.brand) && (
          <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)', marginTop: 2 }}>{[item.nameOrig, item.brand].filter(Boolean).join(' · ')}</div>
        )}
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', marginTop: 2 }}>{[item.sku, item.barcode].filter(Boolean).join(' · ')}</div>
        <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
          {item.forOrders > 0 && <Tag color="purple" style={{ margin: 0 }}>{t('purchasing.trips.forOrdersN', { n: item.forOrders, orders: item.orders })}</Tag>}
          {item.forStock > 0 && <Tag color="blue" style={{ margin: 0 }}>{t('purchasing.trips.forStockN', { n: item.forStock })}</Tag>}
          {item.bought > 0 && <Tag color="green" style={{ margin: 0 }}>{t('purchasing.trips.boughtN', { n: item.bought })}</Tag>}
          {item.notFound && <Tag color="warning" style={{ margin: 0 }}>{t('purchasing.trips.status.notFound')}</Tag>}
          {state === 'done' && <Tag color="success" style={{ margin: 0 }}>{t('purchasing.trips.status.done')}</Tag>}
          {item.skipped && <Tag style={{ margin: 0 }}>{t('purchasing.trips.skippedTag')}</Tag>}
        </div>
      </div>
      <div style={{ textAlign: 'center', minWidth: 56 }}>
        <div style={{ fontSize: 32, fontWeight: 700, lineHeight: 1, color: open ? '#c8102e' : 'rgba(0,0,0,0.35)' }} data-testid="shop-item-need">
          {item.need}
        </div>
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('purchasing.trips.shop.toBuy')}</div>
      </div>
    </button>
  );
}
