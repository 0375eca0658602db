// Catalog look-ups shared by the pickers of every feature (components/ProductSelect,
// components/LocationSelect, the orders' product box): products matching typed text, a product
// by its exact barcode or SKU, the stock locations, and how each is labelled. The queries sit
// under ['catalog', …] (which the catalog and stock screens already refresh) and follow
// catalog and stock changes through useLookupEvents, mounted once in app/App.tsx.
import { useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Catalog, backendAvailable, toAppError, type Location, type Product } from './backend';
import { useInvalidateOn } from './events';
import { useDebounced } from './hooks';

export const lookupKeys = {
  products: ['catalog', 'products', 'pick'] as const,
  productSearch: (q: string) => ['catalog', 'products', 'pick', q] as const,
  locations: ['catalog', 'locations'] as const,
};

/** Refetches the look-ups when the catalog changes (names, codes, places) or stock moves
 * (the product box shows what is available). */
export function useLookupEvents() {
  useInvalidateOn('catalog:changed', [lookupKeys.products, lookupKeys.locations]);
  useInvalidateOn('stock:changed', [lookupKeys.products]);
}

/** Products matching what was typed (first 20 by name); nothing is fetched for an empty query. */
function useProductSearch(q: string) {
  return useQuery({
    queryKey: lookupKeys.productSearch(q),
    queryFn: () =>
      Catalog.FindProducts({ query: q, categoryId: '', brand: '', lowStock: false, sort: 'name', desc: false, offset: 0, limit: 20 }),
    enabled: backendAvailable() && q !== '',
    placeholderData: (prev) => prev,
  });
}

export function useLocations() {
  return useQuery({ queryKey: lookupKeys.locations, queryFn: () => Catalog.Locations(), enabled: backendAvailable() });
}

/** "极润保湿化妆水 · HADA-170": a product as a picker shows it once chosen. */
export function productLabel(p: Pick<Product, 'sku' | 'nameZh' | 'nameOrig'>): string {
  return [p.nameZh || p.nameOrig, p.sku].filter(Boolean).join(' · ');
}

/** "国内仓 / A-01": a location under its zone. */
export function locationLabel(l: Pick<Location, 'zoneName' | 'name'>): string {
  return l.zoneName ? `${l.zoneName} / ${l.name}` : l.name;
}

/** Looks like something a scanner typed: digits only, 8 to 14 (EAN-8, UPC-A, EAN-13, GTIN-14). */
export function looksScanned(text: string): boolean {
  return /^\d{8,14}$/.test(text.trim());
}

/**
 * The typing side of a product picker: the text typed, the products it matches (debounced), and
 * scanner support — Enter after a scanned-looking code looks up the product with exactly that
 * barcode or SKU and hands it to onScanned (instead of the highlighted option); notFound is the
 * code when there is none. selectProps wire it all into an antd Select.
 */
export function useProductTypeahead(onScanned: (p: Product) => void) {
  const [search, setSearch] = useState('');
  const [notFound, setNotFound] = useState<string>();
  const typed = search.trim();
  const q = useDebounced(typed, 150);
  const results = useProductSearch(q);

  const reset = () => {
    setSearch('');
    setNotFound(undefined);
  };
  const onInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || !looksScanned(typed)) return;
    e.preventDefault();
    e.stopPropagation();
    const code = typed;
    Catalog.FindProductByCode(code).then(
      (p) => {
        reset();
        onScanned(p);
      },
      (err) => {
        if (toAppError(err).code === 'not_found') setNotFound(code);
      },
    );
  };

  return {
    typed,
    /** the text the results are for (typed, once it stopped changing) */
    q,
    results,
    notFound,
    reset,
    selectProps: {
      showSearch: true,
      filterOption: false,
      searchValue: search,
      onSearch: (v: string) => {
        setSearch(v);
        setNotFound(undefined);
      },
      onInputKeyDown,
      loading: results.isFetching,
    },
  };
}
