// Selects of the purchasing forms: a product search, suppliers, currencies, countries (common
// ones named, any other two-letter code typed) and stock locations. They work as antd form
// controls (value / onChange).
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Location, Product, Supplier } from '../../../../lib/backend';
import { useDebounced } from '../../../../lib/hooks';
import { currencies } from '../../../../lib/money';
import { commonCountries, countryPattern } from '../supplierForm';
import { useLocations, useProductPick, useSuppliers } from '../api';

export function productLabel(p: Pick<Product, 'sku' | 'nameZh' | 'nameOrig'>): string {
  return [p.nameZh || p.nameOrig, p.sku].filter(Boolean).join(' · ');
}

interface ProductSelectProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** the whole product, when one is chosen from the search */
  onPicked?: (p: Product | undefined) => void;
  /** the label of the current value before any search (an existing line) */
  initialLabel?: string;
  testid: string;
  style?: React.CSSProperties;
  disabled?: boolean;
}

/** Searches the catalog as the person types (name, SKU or barcode). */
export function ProductSelect({ value, onChange, onPicked, initialLabel, testid, style, disabled }: ProductSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Product>();
  const q = useDebounced(search.trim(), 150);
  const results = useProductPick(q);
  const typed = search.trim();

  const options = useMemo(() => {
    const list = typed ? (results.data?.items ?? []) : [];
    const opts: { value: string; label: string; product?: Product }[] = list.map((p) => ({ value: p.id, label: productLabel(p), product: p }));
    if (value && !opts.some((o) => o.value === value)) {
      const label = picked?.id === value ? productLabel(picked) : initialLabel || value;
      opts.unshift({ value, label, product: picked?.id === value ? picked : undefined });
    }
    return opts;
  }, [results.data, typed, value, picked, initialLabel]);

  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear
      disabled={disabled}
      value={value}
      style={{ width: '100%', ...style }}
      placeholder={t('purchasing.suppliers.pick.product')}
      filterOption={false}
      searchValue={search}
      onSearch={setSearch}
      loading={results.isFetching}
      notFoundContent={typed ? (results.isFetching ? null : t('purchasing.suppliers.pick.noProduct')) : t('purchasing.suppliers.pick.typeToSearch')}
      options={options}
      onChange={(id: string | undefined) => {
        const p = options.find((o) => o.value === id)?.product;
        setPicked(p);
        setSearch('');
        onChange?.(id);
        onPicked?.(p);
      }}
    />
  );
}

interface SupplierSelectProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  onPicked?: (s: Supplier | undefined) => void;
  testid: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

export function SupplierSelect({ value, onChange, onPicked, testid, placeholder, allowClear, style }: SupplierSelectProps) {
  const { t } = useTranslation();
  const suppliers = useSuppliers();
  const list = suppliers.data ?? [];
  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear={allowClear}
      value={value}
      style={style}
      placeholder={placeholder ?? t('purchasing.suppliers.pick.supplier')}
      optionFilterProp="label"
      loading={suppliers.isLoading}
      notFoundContent={t('purchasing.suppliers.pick.noSupplier')}
      options={list.map((s) => ({ value: s.id, label: [s.name, s.city].filter(Boolean).join(' · ') }))}
      onChange={(id: string | undefined) => {
        onChange?.(id);
        onPicked?.(list.find((s) => s.id === id));
      }}
    />
  );
}

/** A currency and its name ("日元 JPY"); the code alone when the UI has no name for it. */
export function useCurrencyLabel() {
  const { t } = useTranslation();
  return (c: string) => t(`currency.${c}`, { defaultValue: c });
}

export function CurrencySelect({
  value,
  onChange,
  testid,
  style,
  disabled,
}: {
  value?: string;
  onChange?: (c: string) => void;
  testid: string;
  style?: React.CSSProperties;
  disabled?: boolean;
}) {
  const label = useCurrencyLabel();
  return (
    <Select
      data-testid={testid}
      showSearch
      value={value}
      onChange={onChange}
      style={style}
      disabled={disabled}
      optionFilterProp="label"
      options={currencies.map((c) => ({ value: c, label: label(c) }))}
    />
  );
}

/** A country code and its name ("JP · 日本"); the code alone for one the UI does not name. */
export function useCountryLabel() {
  const { t } = useTranslation();
  return (code: string) => {
    const name = t(`purchasing.suppliers.countries.${code}`, { defaultValue: '' });
    return name ? `${code} · ${name}` : code;
  };
}

/** The common countries by name, and any other two-letter code as typed. */
export function CountrySelect({
  value,
  onChange,
  testid,
  allowClear = true,
  placeholder,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  testid: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const label = useCountryLabel();
  const [search, setSearch] = useState('');
  const codes: string[] = [...commonCountries];
  const typed = search.trim().toUpperCase();
  if (value && !codes.includes(value)) codes.push(value);
  if (countryPattern.test(typed) && !codes.includes(typed)) codes.push(typed);
  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear={allowClear}
      value={value}
      style={style}
      placeholder={placeholder}
      searchValue={search}
      onSearch={setSearch}
      optionFilterProp="label"
      options={codes.map((c) => ({ value: c, label: label(c) }))}
      onChange={(code: string | undefined) => {
        setSearch('');
        onChange?.(code);
      }}
    />
  );
}

export function locationLabel(l: Pick<Location, 'zoneName' | 'name'>): string {
  return l.zoneName ? `${l.zoneName} / ${l.name}` : l.name;
}

export function LocationSelect({
  value,
  onChange,
  testid,
  allowClear,
  placeholder,
  style,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  testid: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const locations = useLocations();
  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear={allowClear}
      value={value}
      onChange={onChange}
      style={style}
      placeholder={placeholder ?? t('purchasing.suppliers.pick.location')}
      optionFilterProp="label"
      loading={locations.isLoading}
      notFoundContent={t('purchasing.suppliers.pick.noLocations')}
      options={(locations.data ?? []).map((l) => ({ value: l.id, label: locationLabel(l) }))}
    />
  );
}

/** A muted "—" for a value that is not there. */
export function None() {
  return <Typography.Text type="secondary">—</Typography.Text>;
}
