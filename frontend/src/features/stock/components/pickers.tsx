// Pickers used by the stock dialogs: a product picker that takes typed search or a scanned
// barcode, and a location select grouped by zone.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toAppError, type Location, type Product } from '../../../lib/backend';
import { useDebounced } from '../../../lib/hooks';
import { findProductByCode, useLocations, useProductSearch } from '../api';

export function productLabel(p: Pick<Product, 'sku' | 'nameZh' | 'nameOrig'>): string {
  return `${p.nameZh || p.nameOrig} · ${p.sku}`;
}

/** Looks like something a scanner typed: digits only, at least 8 (EAN-8/UPC-A/EAN-13). */
const scannedCode = /^\d{8,14}$/;

export function ProductPicker({
  value,
  onChange,
  onPicked,
  testid = 'product-picker',
  initial,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** the whole product, when one is chosen */
  onPicked?: (p: Product | undefined) => void;
  testid?: string;
  /** a product to show as chosen before any search */
  initial?: Product;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Product | undefined>(initial);
  const [notFound, setNotFound] = useState<string>();
  const q = useDebounced(search.trim(), 200);
  useEffect(() => {
    if (initial) setPicked(initial);
  }, [initial]);
  const results = useProductSearch(q);

  const options = useMemo(() => {
    const list = results.data?.items ?? [];
    const all = picked && !list.some((p) => p.id === picked.id) ? [picked, ...list] : list;
    return all.map((p) => ({ value: p.id, label: productLabel(p), product: p }));
  }, [results.data, picked]);

  const choose = (p: Product | undefined) => {
    setPicked(p);
    setNotFound(undefined);
    onChange?.(p?.id);
    onPicked?.(p);
  };

  // A scanner types the code and presses Enter: look the code up exactly.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const code = search.trim();
    if (e.key !== 'Enter' || !scannedCode.test(code)) return;
    e.preventDefault();
    e.stopPropagation();
    findProductByCode(code).then(
      (p) => {
        choose(p);
        setSearch('');
      },
      (err) => {
        if (toAppError(err).code === 'not_found') setNotFound(code);
      },
    );
  };

  return (
    <>
      <Select
        data-testid={testid}
        showSearch
        allowClear
        value={value}
        placeholder={t('stock.pickProduct')}
        filterOption={false}
        searchValue={search}
        onSearch={setSearch}
        onInputKeyDown={onKeyDown}
        loading={results.isFetching}
        notFoundContent={results.isFetching ? null : t('stock.noProductMatch')}
        options={options}
        onChange={(id: string | undefined) => choose(options.find((o) => o.value === id)?.product)}
        onClear={() => choose(undefined)}
      />
      {notFound && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('products.codeNotFound', { code: notFound })}
        </Typography.Text>
      )}
    </>
  );
}

export function locationLabel(l: Pick<Location, 'zoneName' | 'name'>): string {
  return l.zoneName ? `${l.zoneName} / ${l.name}` : l.name;
}

export function LocationSelect({
  value,
  onChange,
  testid,
  zoneId,
  allowClear,
  placeholder,
  style,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  testid: string;
  zoneId?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const locations = useLocations();
  const list = (locations.data ?? []).filter((l) => !zoneId || l.zoneId === zoneId);
  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear={allowClear}
      value={value}
      onChange={onChange}
      style={style}
      placeholder={placeholder ?? t('stock.pickLocation')}
      optionFilterProp="label"
      loading={locations.isLoading}
      notFoundContent={t('stock.noLocations')}
      options={list.map((l) => ({ value: l.id, label: locationLabel(l) }))}
    />
  );
}
