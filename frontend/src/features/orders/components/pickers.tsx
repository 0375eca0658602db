// Pickers of the order screens: a customer search (name, phone or WeChat; optionally "new
// customer …" as the last choice) and a product box that takes typed search or a scanned code
// (through the shared look-ups of lib/lookups) and empties itself after each pick.
import { forwardRef, useMemo, useState } from 'react';
import { Select, Typography, type RefSelectProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Customer, Product } from '../../../lib/backend';
import { useDebounced } from '../../../lib/hooks';
import { looksScanned, productLabel, useProductTypeahead } from '../../../lib/lookups';
import { useCustomerPick } from '../api';

export const newCustomerValue = '__new__';
export const titleLineValue = '__title__';

export function customerLabel(t: TFunction, c: Pick<Customer, 'name' | 'phone' | 'wechat'>): string {
  return [c.name, c.phone, c.wechat && t('orders.wechatId', { id: c.wechat })].filter(Boolean).join(' · ');
}

interface CustomerPickerProps {
  value?: string;
  onChange?: (id: string | undefined, c?: Customer) => void;
  /** offer "new customer <typed text>" and call this with the text when it is chosen */
  onCreate?: (text: string) => void;
  testid: string;
  placeholder?: string;
  style?: React.CSSProperties;
  autoFocus?: boolean;
  /** the chosen customer, to label the value before any search */
  picked?: Pick<Customer, 'id' | 'name' | 'phone' | 'wechat'>;
}

export const CustomerPicker = forwardRef<RefSelectProps, CustomerPickerProps>(function CustomerPicker(
  { value, onChange, onCreate, testid, placeholder, style, autoFocus, picked },
  ref,
) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Customer>();
  const q = useDebounced(search.trim(), 150);
  const results = useCustomerPick(q);
  const shown = picked ?? (chosen && chosen.id === value ? chosen : undefined);
  const typed = search.trim();
  // the results belong to the text typed now (not a stale debounce)
  const fresh = q === typed && !results.isFetching;

  const options = useMemo(() => {
    const list = typed ? (results.data?.items ?? []) : [];
    const opts: { value: string; label: React.ReactNode; customer?: Customer }[] = list.map((c) => ({
      value: c.id,
      label: customerLabel(t, c),
      customer: c,
    }));
    if (shown && !opts.some((o) => o.value === shown.id)) opts.unshift({ value: shown.id, label: customerLabel(t, shown) });
    if (onCreate && typed && fresh) {
      opts.push({
        value: newCustomerValue,
        label: (
          <span data-testid={`${testid}-new`}>
            <PlusOutlined /> {t('orders.quick.newCustomer', { name: typed })}
          </span>
        ),
      });
    }
    return opts;
  }, [results.data, shown, onCreate, typed, fresh, t, testid]);

  return (
    <Select
      ref={ref}
      data-testid={testid}
      showSearch
      allowClear
      autoFocus={autoFocus}
      value={value}
      style={style}
      placeholder={placeholder ?? t('orders.pickCustomer')}
      filterOption={false}
      searchValue={search}
      onSearch={setSearch}
      loading={results.isFetching}
      notFoundContent={typed ? (results.isFetching ? null : t('orders.noCustomerMatch')) : t('orders.typeToSearch')}
      options={options}
      onChange={(id: string | undefined) => {
        if (id === newCustomerValue) {
          onCreate?.(typed);
          setSearch('');
          return;
        }
        const c = options.find((o) => o.value === id)?.customer;
        setChosen(c);
        onChange?.(id, c);
        setSearch('');
      }}
      onClear={() => onChange?.(undefined)}
    />
  );
});

interface ProductBoxProps {
  testid: string;
  /** a product was chosen (typed and picked, or scanned) */
  onProduct: (p: Product) => void;
  /** a pre-order line with only a title (goods not in the catalog) */
  onTitle?: (title: string) => void;
}

/** The product box: type and pick, or scan; it empties itself after each pick. */
export const ProductBox = forwardRef<RefSelectProps, ProductBoxProps>(function ProductBox({ testid, onProduct, onTitle }, ref) {
  const { t } = useTranslation();
  const typeahead = useProductTypeahead(onProduct);
  const { typed, q, results, reset } = typeahead;
  const fresh = q === typed && !results.isFetching;

  const options = useMemo(() => {
    const list = typed ? (results.data?.items ?? []) : [];
    const opts: { value: string; label: React.ReactNode; product?: Product }[] = list.map((p) => ({
      value: p.id,
      label: (
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{productLabel(p)}</span>
          <Typography.Text type={p.available > 0 ? 'secondary' : 'warning'} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('orders.availableShort', { count: p.available })}
          </Typography.Text>
        </span>
      ),
      product: p,
    }));
    if (onTitle && typed && fresh && !looksScanned(typed)) {
      opts.push({
        value: titleLineValue,
        label: (
          <span data-testid={`${testid}-title`}>
            <PlusOutlined /> {t('orders.quick.preorderTitle', { title: typed })}
          </span>
        ),
      });
    }
    return opts;
  }, [results.data, typed, fresh, onTitle, t, testid]);


  return (
    <div>
      <Select
        ref={ref}
        data-testid={testid}
        value={null}
        style={{ width: '100%' }}
        placeholder={t('orders.quick.productPlaceholder')}
        {...typeahead.selectProps}
        notFoundContent={typed ? (results.isFetching ? null : t('pickers.noProduct')) : t('pickers.typeToSearch')}
        options={options}
        onChange={(id: string) => {
          const title = typed;
          reset();
          if (id === titleLineValue) onTitle?.(title);
          else {
            const p = options.find((o) => o.value === id)?.product;
            if (p) onProduct(p);
          }
        }}
      />
      {typeahead.notFound && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('pickers.codeNotFound', { code: typeahead.notFound })}
        </Typography.Text>
      )}
    </div>
  );
});
