// Selects and small displays of the shipping screens: currencies, countries (named in the UI
// language by the browser, any other two-letter code typed), carrier services grouped by
// carrier, a parcel's state, and a tracking number linking to the carrier's page.
import { useState } from 'react';
import { Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../lib/backend';
import { openExternal } from '../../../lib/browser';
import { currencies } from '../../../lib/money';
import { localName, parcelStatusColor, trackingLink } from '../format';

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
  const { t } = useTranslation();
  return (
    <Select
      data-testid={testid}
      showSearch
      value={value || undefined}
      onChange={onChange}
      style={style}
      disabled={disabled}
      popupMatchSelectWidth={false}
      optionFilterProp="label"
      // the chosen one as its code: these selects sit narrow beside an amount
      labelRender={(o) => <span title={String(o.label ?? '')}>{o.value}</span>}
      options={currencies.map((c) => ({ value: c, label: t(`currency.${c}`, { defaultValue: c }) }))}
    />
  );
}

const commonCountries = ['CN', 'JP', 'KR', 'FR', 'IT', 'DE', 'GB', 'US', 'AU', 'HK'];

/** "JP · 日本" in the UI language (the browser knows the names); the code alone otherwise. */
export function countryLabel(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language === 'en' ? 'en' : 'zh-CN'], { type: 'region' }).of(code);
    return name && name !== code ? `${code} · ${name}` : code;
  } catch {
    return code;
  }
}

export function CountrySelect({
  value,
  onChange,
  testid,
  placeholder,
  allowClear = true,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  testid: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const { i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const codes = [...commonCountries];
  const typed = search.trim().toUpperCase();
  if (value && !codes.includes(value)) codes.push(value);
  if (/^[A-Z]{2}$/.test(typed) && !codes.includes(typed)) codes.push(typed);
  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear={allowClear}
      value={value || undefined}
      style={style}
      placeholder={placeholder}
      searchValue={search}
      onSearch={setSearch}
      optionFilterProp="label"
      options={codes.map((c) => ({ value: c, label: countryLabel(c, i18n.language) }))}
      onChange={(code: string | undefined) => {
        setSearch('');
        onChange?.(code);
      }}
    />
  );
}

/** Every service, under its carrier. */
export function ServiceSelect({
  carriers,
  value,
  onChange,
  testid,
  placeholder,
  allowClear,
  style,
}: {
  carriers: Carrier[];
  value?: string;
  onChange?: (id: string | undefined) => void;
  testid: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Select
      data-testid={testid}
      showSearch
      allowClear={allowClear}
      value={value || undefined}
      onChange={onChange}
      style={style}
      placeholder={placeholder}
      optionFilterProp="label"
      popupMatchSelectWidth={false}
      options={carriers
        .filter((c) => c.services.length > 0)
        .map((c) => ({
          label: localName(c.name, c.nameEn, lang),
          options: c.services.map((s) => ({
            value: s.id,
            label: `${localName(c.name, c.nameEn, lang)} · ${localName(s.name, s.nameEn, lang)}`,
          })),
        }))}
    />
  );
}

export function ParcelStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={parcelStatusColor(status)} data-testid="parcel-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`shipping.ui.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** The tracking number, a link to the carrier's tracking page when it has one. */
export function TrackingNo({ no, urlTemplate, testid }: { no: string; urlTemplate: string; testid?: string }) {
  const { t } = useTranslation();
  if (!no) return <Typography.Text type="secondary">—</Typography.Text>;
  const url = trackingLink(urlTemplate, no);
  if (!url) return <Typography.Text copyable={{ text: no }} data-testid={testid}>{no}</Typography.Text>;
  return (
    <Typography.Link
      data-testid={testid}
      href={url}
      title={t('shipping.ui.trackOnline')}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        openExternal(url);
      }}
    >
      {no}
    </Typography.Link>
  );
}
