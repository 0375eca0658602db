// Selects of the purchasing forms: suppliers, currencies and countries (common ones named, any
// other two-letter code typed). They work as antd form controls (value / onChange); products and
// stock locations are picked with the shared components/ProductSelect and LocationSelect.
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Supplier } from '../../../../lib/backend';
import { currencies } from '../../../../lib/money';
import { commonCountries, countryPattern } from '../supplierForm';
import { useSuppliers } from '../api';

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

/** A muted "—" for a value that is not there. */
export function None() {
  return <Typography.Text type="secondary">—</Typography.Text>;
}
