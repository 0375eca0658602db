// The trip's shopping list (采购清单) on the desktop: one table per store (store and city as the
// heading, "any store" last), each row a product with what customers' pre-orders and stock
// need, what is still to buy, what the trip bought, the last price and its status. A person
// adds a product by hand with a quantity for stock, changes that quantity, or skips a reorder
// suggestion (the row stays, greyed, at the end of its store, and can be put back); a row can
// also be ticked bought here (the same sheet as the shop screen).
import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, SearchOutlined, ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProductSelect } from '../../../../components/ProductSelect';
import { errorText, type ListGroup, type ListItem, type Trip } from '../../../../lib/backend';
import { formatMoney } from '../../../../lib/money';
import { useRemoveTripItem, useSetTripItem, useShoppingList, useSuppliers } from '../api';
import { useSettings } from '../../../settings/api';
import { filterGroups, itemState, stockQtyToEdit, type ItemState } from '../logic';
import { BuySheet, type BuyTarget } from './BuySheet';
import './trips.css';

export function ListTab({ trip }: { trip: Trip }) {
  const { t } = useTranslation();
  const list = useShoppingList(trip.id);
  const settings = useSettings();
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<'all' | 'open'>('all');
  const [adding, setAdding] = useState<{ open: boolean; item?: ListItem; group?: ListGroup }>({ open: false });
  const [target, setTarget] = useState<BuyTarget>();
  const [sheetOpen, setSheetOpen] = useState(false);
  const groups = useMemo(() => filterGroups(list.data?.groups ?? [], search, show === 'open'), [list.data, search, show]);

  return (
    <div data-testid="trip-list-tab">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('purchasing.trips.listSearch')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
            data-testid="trip-list-search"
          />
          <Segmented<'all' | 'open'>
            value={show}
            onChange={setShow}
            options={[
              { value: 'all', label: <span data-testid="list-show-all">{t('purchasing.trips.shop.showAll')}</span> },
              { value: 'open', label: <span data-testid="list-show-open">{t('purchasing.trips.shop.showOpen')}</span> },
            ]}
          />
        </Space>
        <Button icon={<PlusOutlined />} onClick={() => setAdding({ open: true })} data-testid="trip-add-item">
          {t('purchasing.trips.addItem')}
        </Button>
      </Space>
      {list.isError && <Typography.Text type="danger">{errorText(t, list.error)}</Typography.Text>}
      {!list.isLoading && groups.length === 0 && (
        <Empty description={search ? t('purchasing.trips.shop.noMatch') : t('purchasing.trips.emptyList')} />
      )}
      {groups.map((g) => (
        <Card
          key={g.supplierId || '-'}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid={`list-group-${g.store || 'any'}`}
          title={
            <Space>
              <ShopOutlined />
              <span>{g.supplierId ? g.store : t('purchasing.trips.anyStore')}</span>
              {g.city && <Typography.Text type="secondary" style={{ fontWeight: 400 }}>{g.city}</Typography.Text>}
            </Space>
          }
          extra={<Typography.Text type="secondary">{t('purchasing.trips.groupCount', { n: g.items.length })}</Typography.Text>}
        >
          <GroupTable
            trip={trip}
            group={g}
            onBuy={(item) => {
              setTarget({ item, group: g });
              setSheetOpen(true);
            }}
            onEdit={(item) => setAdding({ open: true, item, group: g })}
          />
        </Card>
      ))}
      <ItemModal
        trip={trip}
        open={adding.open}
        item={adding.item}
        group={adding.group}
        onClose={() => setAdding({ open: false })}
      />
      <BuySheet
        trip={trip}
        target={target}
        open={sheetOpen}
        onClose={() => setSheetOpen(false)}
        placement="right"
        base={settings.data?.baseCurrency ?? 'CNY'}
        locationName={trip.locationName}
      />
    </div>
  );
}

/** Bought, not found and skipped rows are quieter than what is still to buy. */
const rowStyles: Record<ItemState, React.CSSProperties | undefined> = {
  open: undefined,
  notFound: { opacity: 0.6 },
  done: { opacity: 0.6 },
  skipped: { opacity: 0.5 },
};

function GroupTable({ trip, group, onBuy, onEdit }: {
  trip: Trip;
  group: ListGroup;
  onBuy: (item: ListItem) => void;
  onEdit: (item: ListItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const setItem = useSetTripItem();
  const removeItem = useRemoveTripItem();

  const act = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const skip = (it: ListItem) =>
    act(setItem.mutateAsync({ tripId: trip.id, productId: it.productId, qty: 0, skip: true, supplierId: '', note: it.note }), t('purchasing.trips.skipped'));
  const reset = (it: ListItem) =>
    act(removeItem.mutateAsync({ tripId: trip.id, productId: it.productId }), t(it.skipped ? 'purchasing.trips.unskipped' : 'purchasing.trips.itemReset'));

  return (
    <Table<ListItem>
      size="small"
      rowKey="productId"
      tableLayout="fixed"
      pagination={false}
      dataSource={group.items}
      rowClassName={(r) => `trip-row-${itemState(r)}`}
      onRow={(r) => {
        const state = itemState(r);
        return { 'data-testid': `list-row-${r.sku}`, 'data-state': state, style: rowStyles[state] } as React.HTMLAttributes<HTMLElement>;
      }}
      columns={[
        {
          title: t('purchasing.trips.cols.product'),
          render: (_, r) => (
            <div>
              <Typography.Text strong>{r.name || r.nameOrig}</Typography.Text>
              {(r.nameOrig || r.brand) && (
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{[r.nameOrig, r.brand].filter(Boolean).join(' · ')}</div>
              )}
              {r.note && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{r.note}</div>}
            </div>
          ),
        },
        {
          title: t('purchasing.trips.cols.codes'),
          width: 130,
          render: (_, r) => (
            <div style={{ fontSize: 12, fontFamily: 'monospace' }}>
              <div>{r.sku}</div>
              {r.barcode && <Typography.Text type="secondary">{r.barcode}</Typography.Text>}
            </div>
          ),
        },
        {
          title: t('purchasing.trips.cols.forOrders'),
          align: 'right',
          width: 90,
          onCell: () => ({ 'data-testid': 'list-for-orders' }) as React.HTMLAttributes<HTMLElement>,
          render: (_, r) =>
            r.forOrders > 0 ? (
              <span>
                {r.forOrders}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('purchasing.trips.ordersCount', { n: r.orders })}</Typography.Text>
              </span>
            ) : (
              ''
            ),
        },
        {
          title: t('purchasing.trips.cols.forStock'),
          align: 'right',
          width: 120,
          onCell: () => ({ 'data-testid': 'list-for-stock' }) as React.HTMLAttributes<HTMLElement>,
          render: (_, r) => (
            <div>
              <Space size={4}>
                {r.manual && <Tag style={{ margin: 0 }}>{t('purchasing.trips.manual')}</Tag>}
                {!r.manual && !r.skipped && r.forStock > 0 && (
                  <Tooltip title={t('purchasing.trips.reorderHelp', { available: r.available, point: r.reorderPoint })}>
                    <Tag color="blue" style={{ margin: 0 }}>{t('purchasing.trips.reorder')}</Tag>
                  </Tooltip>
                )}
                {r.skipped && (
                  <Tooltip title={t('purchasing.trips.reorderHelp', { available: r.available, point: r.reorderPoint })}>
                    <Tag style={{ margin: 0 }} data-testid="list-skipped">{t('purchasing.trips.skippedTag')}</Tag>
                  </Tooltip>
                )}
                <span>{r.forStock || ''}</span>
              </Space>
              {r.toStock > 0 && (
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }} data-testid="list-to-stock">
                  {r.manual
                    ? t('purchasing.trips.toStockOfN', { n: r.toStock, of: r.stockQty })
                    : t('purchasing.trips.toStockN', { n: r.toStock })}
                </div>
              )}
            </div>
          ),
        },
        {
          title: t('purchasing.trips.cols.need'),
          align: 'right',
          width: 60,
          onCell: () => ({ 'data-testid': 'list-need' }) as React.HTMLAttributes<HTMLElement>,
          render: (_, r) => (
            <Typography.Text strong style={{ fontSize: 16, color: r.need > 0 && !r.notFound ? '#c8102e' : undefined }}>{r.need}</Typography.Text>
          ),
        },
        { title: t('purchasing.trips.cols.bought'), dataIndex: 'bought', align: 'right', width: 64, onCell: () => ({ 'data-testid': 'list-bought' }) as React.HTMLAttributes<HTMLElement> },
        {
          title: t('purchasing.trips.cols.lastPrice'),
          align: 'right',
          width: 100,
          render: (_, r) => (r.lastCurrency ? formatMoney(r.lastPrice, r.lastCurrency, i18n.language) : ''),
        },
        {
          title: t('purchasing.trips.cols.status'),
          width: 80,
          onCell: () => ({ 'data-testid': 'list-status' }) as React.HTMLAttributes<HTMLElement>,
          render: (_, r) => {
            const state = itemState(r);
            if (state === 'notFound') return <Tag color="warning">{t('purchasing.trips.status.notFound')}</Tag>;
            if (state === 'done') return <Tag color="success">{t('purchasing.trips.status.done')}</Tag>;
            return null;
          },
        },
        {
          title: '',
          width: 140,
          render: (_, r) => (
            <Space size={0} wrap>
              <Button type="link" size="small" disabled={trip.closed} onClick={() => onBuy(r)} data-testid="list-buy">
                {t('purchasing.trips.tick')}
              </Button>
              <Button type="link" size="small" onClick={() => onEdit(r)} data-testid="list-edit">
                {t('purchasing.trips.setQty')}
              </Button>
              {!r.manual && !r.skipped && r.forStock > 0 && (
                <Button type="link" size="small" onClick={() => void skip(r)} data-testid="list-skip">
                  {t('purchasing.trips.skip')}
                </Button>
              )}
              {(r.manual || r.skipped) && (
                <Button type="link" size="small" onClick={() => void reset(r)} data-testid="list-reset">
                  {r.skipped ? t('purchasing.trips.unskip') : t('purchasing.trips.removeItem')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

interface ItemValues {
  productId?: string;
  qty: number | null;
  supplierId?: string;
  note: string;
}

/** Adds a product to the list by hand, or sets an item's quantity for stock and its store. */
function ItemModal({ trip, open, item, group, onClose }: {
  trip: Trip;
  open: boolean;
  item?: ListItem;
  group?: ListGroup;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const setItem = useSetTripItem();
  const suppliers = useSuppliers(trip.country);

  const onOk = async () => {
    let v: ItemValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const productId = item?.productId ?? v.productId ?? '';
    try {
      await setItem.mutateAsync({
        tripId: trip.id, productId, qty: v.qty ?? 0, skip: false, supplierId: v.supplierId ?? '', note: (v.note ?? '').trim(),
      });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={setItem.isPending}
      title={item ? t('purchasing.trips.itemTitle', { name: item.name || item.nameOrig }) : t('purchasing.trips.addItem')}
      okButtonProps={{ ...{ 'data-testid': 'item-save' } }}
      data-testid="item-modal"
      destroyOnHidden
      afterOpenChange={(o) => {
        if (o) {
          form.setFieldsValue({
            productId: undefined,
            qty: item ? stockQtyToEdit(item) : 1,
            supplierId: group?.supplierId || undefined,
            note: item?.note ?? '',
          });
        }
      }}
    >
      <Form form={form} layout="vertical">
        {!item && (
          <Form.Item name="productId" label={t('purchasing.trips.cols.product')} rules={[{ required: true, message: t('purchasing.trips.pickProduct') }]}>
            <ProductSelect testid="item-product" />
          </Form.Item>
        )}
        <Form.Item
          name="qty"
          label={t('purchasing.trips.qtyForStock')}
          extra={item && <QtyHelp item={item} />}
          rules={[{ required: true, message: t('purchase.qty.positive') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="item-qty" />
        </Form.Item>
        <Form.Item name="supplierId" label={t('purchasing.trips.buy.store')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('purchasing.trips.anyStore')}
            options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.city ? `${s.name} · ${s.city}` : s.name }))}
            data-testid="item-store"
          />
        </Form.Item>
        <Form.Item name="note" label={t('purchasing.trips.fields.note')}>
          <Input maxLength={500} data-testid="item-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What the quantity for stock counts with: the pre-orders on top, what is already bought into stock. */
function QtyHelp({ item }: { item: ListItem }) {
  const { t } = useTranslation();
  const lines = [
    item.forOrders > 0 && t('purchasing.trips.qtyForStockHelp', { n: item.forOrders }),
    item.toStock > 0 && t('purchasing.trips.qtyForStockBought', { n: item.toStock }),
  ].filter(Boolean);
  return lines.length > 0 ? <div data-testid="item-qty-help">{lines.map((l) => <div key={String(l)}>{l}</div>)}</div> : null;
}
