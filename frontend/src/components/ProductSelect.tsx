// The product picker of every form: searches the catalog as the person types (name, SKU,
// brand or barcode; each option shows name · SKU and the brand), or takes a scanned barcode /
// SKU + Enter, looked up exactly. An antd form control: value is the product id.
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../lib/backend';
import { productLabel, useProductTypeahead } from '../lib/lookups';

export interface ProductSelectProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** the whole product when one is picked (typed or scanned); undefined when cleared */
  onPicked?: (p: Product | undefined) => void;
  /** what the current value reads before any search (an existing line, a prefilled product) */
  initialLabel?: string;
  testid: string;
  placeholder?: string;
  size?: 'large' | 'middle';
  style?: React.CSSProperties;
  disabled?: boolean;
}

interface Option {
  value: string;
  label: string;
  product?: Product;
}

export function ProductSelect({ value, onChange, onPicked, initialLabel, testid, placeholder, size, style, disabled }: ProductSelectProps) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Product>();
  const choose = (p: Product | undefined) => {
    setPicked(p);
    typeahead.reset();
    onChange?.(p?.id);
    onPicked?.(p);
  };
  const typeahead = useProductTypeahead(choose);
  const { typed, results } = typeahead;

  const options = useMemo(() => {
    const list = typed ? (results.data?.items ?? []) : [];
    const opts: Option[] = list.map((p) => ({ value: p.id, label: productLabel(p), product: p }));
    if (value && !opts.some((o) => o.value === value)) {
      const mine = picked?.id === value ? picked : undefined;
      opts.unshift({ value, label: mine ? productLabel(mine) : initialLabel || value, product: mine });
    }
    return opts;
  }, [results.data, typed, value, picked, initialLabel]);

  return (
    <>
      <Select<string | undefined, Option>
        data-testid={testid}
        allowClear
        disabled={disabled}
        size={size}
        value={value}
        style={{ width: '100%', ...style }}
        placeholder={placeholder ?? t('pickers.product')}
        {...typeahead.selectProps}
        notFoundContent={typed ? (results.isFetching ? null : t('pickers.noProduct')) : t('pickers.typeToSearch')}
        options={options}
        optionRender={(o) => <ProductOption label={o.data.label} brand={o.data.product?.brand} />}
        onChange={(id) => {
          const p = id ? options.find((o) => o.value === id)?.product : undefined;
          if (id && !p) {
            // the current value, known only by its label, chosen again
            typeahead.reset();
            onChange?.(id);
          } else choose(p);
        }}
      />
      {typeahead.notFound && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('pickers.codeNotFound', { code: typeahead.notFound })}
        </Typography.Text>
      )}
    </>
  );
}

function ProductOption({ label, brand }: { label: string; brand?: string }) {
  return (
    <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{label}</span>
      {brand && <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{brand}</Typography.Text>}
    </span>
  );
}
