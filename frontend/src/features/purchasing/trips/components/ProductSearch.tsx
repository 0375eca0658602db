// A product box for the trip screens: typed search over the catalog (name, SKU, brand), or a
// scanned barcode / SKU + Enter, looked up exactly.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toAppError, type Product } from '../../../../lib/backend';
import { useDebounced } from '../../../../lib/hooks';
import { findProductByCode, useProductSearch } from '../api';

/** Looks like something a scanner typed: digits only, at least 8 (EAN-8/UPC-A/EAN-13). */
const scannedCode = /^\d{8,14}$/;

export function productLabel(p: Pick<Product, 'sku' | 'nameZh' | 'nameOrig'>): string {
  return `${p.nameZh || p.nameOrig} · ${p.sku}`;
}

export function ProductSearch({
  value,
  onChange,
  testid,
  size,
  placeholder,
}: {
  value?: string;
  onChange?: (id: string | undefined, p?: Product) => void;
  testid: string;
  size?: 'large' | 'middle';
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Product>();
  const [notFound, setNotFound] = useState<string>();
  const q = useDebounced(search.trim(), 200);
  const results = useProductSearch(q);

  const options = useMemo(() => {
    const list = results.data?.items ?? [];
    const all = picked && !list.some((p) => p.id === picked.id) ? [picked, ...list] : list;
    return all.map((p) => ({ value: p.id, label: productLabel(p), product: p }));
  }, [results.data, picked]);

  const choose = (p: Product | undefined) => {
    setPicked(p);
    setNotFound(undefined);
    onChange?.(p?.id, p);
  };

  // A scanner types the code and presses Enter: look it up exactly.
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
        size={size}
        showSearch
        allowClear
        value={value}
        style={{ width: '100%' }}
        placeholder={placeholder ?? t('purchasing.trips.pickProduct')}
        filterOption={false}
        searchValue={search}
        onSearch={setSearch}
        onInputKeyDown={onKeyDown}
        loading={results.isFetching}
        notFoundContent={q ? (results.isFetching ? null : t('purchasing.trips.noProductMatch')) : null}
        options={options}
        onChange={(id: string | undefined) => choose(options.find((o) => o.value === id)?.product)}
        onClear={() => choose(undefined)}
      />
      {notFound && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('purchasing.trips.codeNotFound', { code: notFound })}
        </Typography.Text>
      )}
    </>
  );
}
