// The suppliers tab: every supplier in one table (a team has tens to hundreds), searched by
// name, city or contact and filtered by kind and country in SQLite; a row opens the supplier
// in a drawer with the products it sells.
import { useRef, useState } from 'react';
import { Button, Input, Select, Space, Table, Tag, Typography, type InputRef, type TableProps } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText, type Supplier } from '../../../lib/backend';
import { useDebounced, useViewportHeight } from '../../../lib/hooks';
import { useSupplierEvents, useSuppliers } from './api';
import { supplierKinds } from './supplierForm';
import { CountrySelect, None, useCountryLabel, useCurrencyLabel } from './components/pickers';
import { SupplierDrawer } from './components/SupplierDrawer';
import { columnsWidth } from '../../../lib/table';

const kindColors: Record<string, string> = { shop: 'blue', counter: 'magenta', online: 'cyan', wholesaler: 'gold' };

export function SuppliersPage() {
  const { t } = useTranslation();
  useSupplierEvents();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [kind, setKind] = useState<string>();
  const [country, setCountry] = useState<string>();
  const [drawer, setDrawer] = useState<{ open: boolean; id?: string }>({ open: false });
  const [highlight, setHighlight] = useState<string>();
  const searchRef = useRef<InputRef>(null);
  const list = useSuppliers({ query, kind: kind ?? '', country: country ?? '' });
  const rows = list.data ?? [];
  const tableHeight = useViewportHeight(64 + 48 + 46 + 16 + 40 + 40 + 40);
  const countryLabel = useCountryLabel();
  const currencyLabel = useCurrencyLabel();
  const f = (k: string) => t(`purchasing.suppliers.fields.${k}`);
  const filtered = !!(query || kind || country);

  const columns: NonNullable<TableProps<Supplier>['columns']> = [
    { title: f('name'), dataIndex: 'name', width: 200, ellipsis: true },
    {
      title: f('kind'),
      dataIndex: 'kind',
      width: 90,
      render: (k: string) => <Tag color={kindColors[k]}>{t(`purchasing.suppliers.kinds.${k}`, { defaultValue: k })}</Tag>,
    },
    { title: f('country'), dataIndex: 'country', width: 120, render: (c: string) => (c ? countryLabel(c) : <None />) },
    { title: f('city'), dataIndex: 'city', width: 110, ellipsis: true, render: (c: string) => c || <None /> },
    { title: f('currency'), dataIndex: 'currency', width: 110, render: (c: string) => currencyLabel(c) },
    {
      title: f('leadDays'),
      dataIndex: 'leadDays',
      width: 110,
      align: 'right',
      render: (n: number) => (n ? n : <None />),
    },
    { title: f('products'), dataIndex: 'products', width: 80, align: 'right' },
    { title: f('lastBuy'), dataIndex: 'lastBuy', width: 110, render: (v: string) => v || <None /> },
  ];
  const scrollX = columnsWidth(columns);

  return (
    <div data-testid="suppliers-page">
      <div style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            ref={searchRef}
            data-testid="supplier-search"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('purchasing.suppliers.searchPlaceholder')}
            style={{ width: 280 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Select
            data-testid="supplier-kind-filter"
            allowClear
            placeholder={t('purchasing.suppliers.allKinds')}
            style={{ width: 140 }}
            value={kind}
            onChange={setKind}
            options={supplierKinds.map((k) => ({ value: k, label: t(`purchasing.suppliers.kinds.${k}`) }))}
          />
          <CountrySelect
            testid="supplier-country-filter"
            placeholder={t('purchasing.suppliers.allCountries')}
            style={{ width: 160 }}
            value={country}
            onChange={setCountry}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="supplier-new">
          {t('purchasing.suppliers.new')}
        </Button>
      </div>
      <Table<Supplier>
        data-testid="supplier-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: scrollX, y: tableHeight }}
        locale={{
          emptyText: list.isError
            ? errorText(t, list.error)
            : t(filtered ? 'purchasing.suppliers.noMatch' : 'purchasing.suppliers.empty'),
        }}
        onRow={(s) =>
          ({
            onClick: () => {
              setHighlight(s.id);
              setDrawer({ open: true, id: s.id });
            },
            style: { cursor: 'pointer', background: s.id === highlight ? '#fff1f0' : undefined },
            'data-testid': `supplier-row-${s.id}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Typography.Text type="secondary" data-testid="supplier-total" style={{ display: 'block', marginTop: 8 }}>
        {t('purchasing.suppliers.total', { count: rows.length })}
      </Typography.Text>
      <SupplierDrawer
        open={drawer.open}
        supplierId={drawer.id}
        onCreated={(id) => setDrawer({ open: true, id })}
        onClose={() => {
          setDrawer({ open: false });
          searchRef.current?.focus();
        }}
      />
    </div>
  );
}
