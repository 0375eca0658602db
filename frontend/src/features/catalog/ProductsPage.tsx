// The product catalog: the whole catalog in one virtual-scrolling table, paged from the server
// as the user scrolls, sorted and filtered in SQLite. The search box doubles as the barcode
// scanner's input: a scanner types the code and presses Enter.
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { App, Button, Input, Select, Space, Switch, Table, Typography, type InputRef, type TableProps } from 'antd';
import { AppstoreOutlined, BarcodeOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, toAppError, type Product } from '../../lib/backend';
import { useDebounced, useEverTrue, useViewportHeight, fetchMoreOnScroll } from '../../lib/hooks';
import { formatMoney } from '../../lib/money';
import { findProductByCode, useBrands, useCategories, useCatalogEvents, useProducts } from './api';
import { ProductFileButtons } from './components/ProductFileButtons';
import { Thumb } from './components/Thumb';
import { columnsWidth } from '../../lib/table';

// The drawer and the categories dialog load when first opened: the window starts without them.
const ProductDrawer = lazy(() => import('./components/ProductDrawer').then((m) => ({ default: m.ProductDrawer })));
const CategoriesModal = lazy(() => import('./components/CategoriesModal').then((m) => ({ default: m.CategoriesModal })));

type SortOrder = 'ascend' | 'descend' | null;
type SortKey = 'name' | 'sku' | 'brand' | 'price' | 'cost' | 'created' | 'onHand' | 'available';

export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  useCatalogEvents();

  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [categoryId, setCategoryId] = useState<string>();
  const [brand, setBrand] = useState<string>();
  const [lowStock, setLowStock] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean } | undefined>();
  const [drawer, setDrawer] = useState<{ open: boolean; id?: string }>({ open: false });
  const [highlight, setHighlight] = useState<string>();
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const drawerUsed = useEverTrue(drawer.open);
  const categoriesUsed = useEverTrue(categoriesOpen);

  const products = useProducts({
    query,
    categoryId: categoryId ?? '',
    brand: brand ?? '',
    lowStock,
    sort: sort?.key ?? 'name',
    desc: sort?.desc ?? false,
  });
  const categories = useCategories();
  const [brandsWanted, setBrandsWanted] = useState(false);
  const brands = useBrands(brandsWanted);
  const rows = useMemo(() => products.data?.pages.flatMap((p) => p.items) ?? [], [products.data]);
  const total = products.data?.pages[0]?.total ?? 0;
  const tableHeight = useViewportHeight(64 + 48 + 56 + 16 + 40 + 40);
  const locale = i18n.language;
  const en = locale === 'en';

  const openProduct = (id?: string) => setDrawer({ open: true, id });

  // Enter = a scanned (or typed) barcode or SKU: open that product; else keep the text as a filter.
  const onEnter = async () => {
    const code = search.trim();
    if (!code) return;
    try {
      const p = await findProductByCode(code);
      setSearch('');
      setHighlight(p.id);
      openProduct(p.id);
    } catch (err) {
      if (toAppError(err).code !== 'not_found') message.error(errorText(t, err));
      else message.info(t('products.codeNotFound', { code }));
    }
  };

  const onScroll = fetchMoreOnScroll(products);

  const sortOrder = (key: SortKey): SortOrder => (sort?.key === key ? (sort.desc ? 'descend' : 'ascend') : null);
  const sortable = (key: SortKey) => ({ key, sorter: true, sortOrder: sortOrder(key), showSorterTooltip: false });

  const columns: NonNullable<TableProps<Product>['columns']> = [
    { title: '', key: 'photo', width: 52, render: (_, p) => <Thumb hash={p.photo} size={36} /> },
    { title: t('products.fields.sku'), dataIndex: 'sku', width: 120, ellipsis: true, ...sortable('sku') },
    {
      title: t('products.fields.name'),
      width: 220,
      ...sortable('name'),
      render: (_, p) => (
        <div style={{ lineHeight: 1.3, overflow: 'hidden' }}>
          <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{p.nameZh || p.nameOrig}</div>
          {p.nameZh && p.nameOrig && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} ellipsis>
              {p.nameOrig}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('products.fields.brand'), dataIndex: 'brand', width: 110, ellipsis: true, ...sortable('brand') },
    {
      title: t('products.fields.category'),
      key: 'category',
      width: 100,
      ellipsis: true,
      render: (_, p) => {
        const c = en ? categories.data?.find((x) => x.id === p.categoryId) : undefined;
        return (c && c.nameEn) || p.categoryName;
      },
    },
    { title: t('products.fields.barcode'), dataIndex: 'barcode', width: 120 },
    {
      title: t('products.fields.price'),
      width: 120,
      align: 'right',
      ...sortable('price'),
      render: (_, p) => formatMoney(p.price, p.priceCurrency, locale),
    },
    {
      title: t('products.fields.cost'),
      width: 120,
      align: 'right',
      ...sortable('cost'),
      render: (_, p) => formatMoney(p.cost, p.costCurrency, locale),
    },
    { title: t('products.fields.onHand'), dataIndex: 'onHand', width: 80, align: 'right', ...sortable('onHand') },
    { title: t('products.fields.reserved'), dataIndex: 'reserved', width: 80, align: 'right' },
    {
      title: t('products.fields.available'),
      dataIndex: 'available',
      width: 80,
      align: 'right',
      ...sortable('available'),
      render: (v: number, p) => (
        <Typography.Text type={p.reorderPoint > 0 && v <= p.reorderPoint ? 'danger' : undefined}>{v}</Typography.Text>
      ),
    },
  ];
  const scrollX = columnsWidth(columns);

  return (
    <div data-testid="products-page">
      <div style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            ref={searchRef}
            data-testid="product-search"
            allowClear
            autoFocus
            prefix={<BarcodeOutlined />}
            placeholder={t('products.searchPlaceholder')}
            style={{ width: 340 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onPressEnter={() => void onEnter()}
          />
          <Select
            data-testid="product-category-filter"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('products.allCategories')}
            style={{ width: 160 }}
            value={categoryId}
            onChange={setCategoryId}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: (en && c.nameEn) || c.name }))}
          />
          <Select
            data-testid="product-brand-filter"
            allowClear
            showSearch
            placeholder={t('products.allBrands')}
            style={{ width: 160 }}
            value={brand}
            onChange={setBrand}
            onOpenChange={(open) => open && setBrandsWanted(true)}
            loading={brands.isFetching}
            options={(brands.data ?? []).map((b) => ({ value: b, label: b }))}
          />
          <Space>
            <Switch data-testid="product-lowstock-filter" checked={lowStock} onChange={setLowStock} size="small" />
            <Typography.Text>{t('products.lowStockOnly')}</Typography.Text>
          </Space>
        </Space>
        <Space>
          <ProductFileButtons />
          <Button icon={<AppstoreOutlined />} onClick={() => setCategoriesOpen(true)} data-testid="categories-open">
            {t('products.categories')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openProduct()} data-testid="product-new">
            {t('products.new')}
          </Button>
        </Space>
      </div>

      <Table<Product>
        data-testid="product-table"
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={products.isLoading}
        pagination={false}
        scroll={{ x: scrollX, y: tableHeight }}
        onScroll={onScroll}
        locale={{ emptyText: products.isError ? errorText(t, products.error) : t('products.empty') }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          if (!s?.order || !s.columnKey) setSort(undefined);
          else setSort({ key: s.columnKey as SortKey, desc: s.order === 'descend' });
        }}
        onRow={(p) => ({
          onClick: () => {
            setHighlight(p.id);
            openProduct(p.id);
          },
          style: { cursor: 'pointer', background: p.id === highlight ? '#fff1f0' : undefined },
          'data-testid': `product-row-${p.sku}`,
        } as React.HTMLAttributes<HTMLElement>)}
      />
      <Typography.Text type="secondary" data-testid="product-total" style={{ display: 'block', marginTop: 8 }}>
        {t('products.total', { count: total, loaded: rows.length })}
        {products.isFetchingNextPage ? ` · ${t('common.loadingMore')}` : ''}
      </Typography.Text>

      <Suspense fallback={null}>
        {drawerUsed && (
          <ProductDrawer
            open={drawer.open}
            productId={drawer.id}
            onClose={() => {
              setDrawer({ open: false });
              searchRef.current?.focus();
            }}
          />
        )}
        {categoriesUsed && <CategoriesModal open={categoriesOpen} onClose={() => setCategoriesOpen(false)} />}
      </Suspense>
    </div>
  );
}
