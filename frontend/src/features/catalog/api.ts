// Catalog data: TanStack Query over the Catalog façade (and the Stock façade for a product's
// stock and moves in its drawer). Lists are paged on the server; never load the whole catalog.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import {
  Catalog,
  Stock,
  backendAvailable,
  type Category,
  type Product,
  type ProductFilter,
  type ProductInput,
} from '../../lib/backend';
import { useInvalidateOn } from '../../lib/events';
import type { catalog } from '../../../wailsjs/go/models';

export const pageSize = 100;

export const catalogKeys = {
  all: ['catalog'] as const,
  products: ['catalog', 'products'] as const,
  productList: (f: Omit<ProductFilter, 'offset' | 'limit'>) => ['catalog', 'products', 'list', f] as const,
  product: (id: string) => ['catalog', 'products', 'one', id] as const,
  categories: ['catalog', 'categories'] as const,
  brands: ['catalog', 'brands'] as const,
};

export const stockKeys = {
  all: ['stock'] as const,
  productLevels: (id: string) => ['stock', 'levels', 'product', id] as const,
  productMoves: (id: string) => ['stock', 'moves', 'product', id] as const,
};

/** Refetch catalog (and stock) queries when the backend says something changed. */
export function useCatalogEvents() {
  useInvalidateOn('catalog:changed', [catalogKeys.all]);
  useInvalidateOn('stock:changed', [catalogKeys.products, stockKeys.all]);
}

/** The product list, one page of `pageSize` at a time as the user scrolls. */
export function useProducts(filter: Omit<ProductFilter, 'offset' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: catalogKeys.productList(filter),
    queryFn: ({ pageParam }) => Catalog.FindProducts({ ...filter, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    enabled: backendAvailable(),
  });
}

export function useProduct(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.product(id ?? ''),
    queryFn: () => Catalog.GetProduct(id!),
    enabled: backendAvailable() && !!id,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: catalogKeys.categories,
    queryFn: () => Catalog.Categories(),
    enabled: backendAvailable(),
  });
}

/**
 * The brands in the catalog. wanted=false waits until someone opens a brand list: on a big
 * catalog the first call builds the in-memory product index, which is not worth doing while
 * the window starts.
 */
export function useBrands(wanted = true) {
  return useQuery({
    queryKey: catalogKeys.brands,
    queryFn: () => Catalog.Brands(),
    enabled: backendAvailable() && wanted,
  });
}

export function findProductByCode(code: string): Promise<Product> {
  return Catalog.FindProductByCode(code);
}

export function useSaveProduct() {
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ProductInput }) =>
      id
        ? Catalog.UpdateProduct(id, input as catalog.ProductInput)
        : Catalog.CreateProduct(input as catalog.ProductInput),
  });
}

export function useDeleteProduct() {
  return useMutation({ mutationFn: (id: string) => Catalog.DeleteProduct(id) });
}

export function savePhoto(base64: string): Promise<string> {
  return Catalog.SavePhoto(base64);
}

export function useSaveCategory() {
  return useMutation({ mutationFn: (c: Category) => Catalog.SaveCategory(c as catalog.Category) });
}

export function useDeleteCategory() {
  return useMutation({ mutationFn: (id: string) => Catalog.DeleteCategory(id) });
}

export function useProductLevels(productId: string | undefined) {
  return useQuery({
    queryKey: stockKeys.productLevels(productId ?? ''),
    queryFn: () =>
      Stock.Levels({ productId: productId!, locationId: '', zoneId: '', query: '', sort: 'location', desc: false, offset: 0, limit: 200 }),
    enabled: backendAvailable() && !!productId,
  });
}

export function useProductMoves(productId: string | undefined) {
  return useQuery({
    queryKey: stockKeys.productMoves(productId ?? ''),
    queryFn: () => Stock.Moves({ productId: productId!, locationId: '', kind: '', offset: 0, limit: 20 }),
    enabled: backendAvailable() && !!productId,
  });
}
