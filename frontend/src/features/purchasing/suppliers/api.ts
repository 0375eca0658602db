// Suppliers data: TanStack Query over the Purchasing façade (suppliers and the products each
// sells), plus the base currency the purchasing forms start from (products and locations are
// looked up through lib/lookups). A team has tens to hundreds of suppliers, so lists come whole, filtered in SQLite.
import { useQuery } from '@tanstack/react-query';
import {
  Purchasing,
  backendAvailable,
  type SupplierFilter,
  type SupplierInput,
  type SupplierProductInput,
} from '../../../lib/backend';
import { useInvalidateOn } from '../../../lib/events';
import { useInvalidatingMutation } from '../../../lib/mutations';
import type { purchasing } from '../../../../wailsjs/go/models';

export const supplierKeys = {
  all: ['purchasing', 'suppliers'] as const,
  list: (f: SupplierFilter) => ['purchasing', 'suppliers', 'list', f] as const,
  one: (id: string) => ['purchasing', 'suppliers', 'one', id] as const,
  products: (id: string) => ['purchasing', 'suppliers', 'products', id] as const,
};

/** Refetch supplier screens on any purchasing change; product names follow the catalog. */
export function useSupplierEvents() {
  useInvalidateOn('purchasing:changed', [supplierKeys.all]);
  useInvalidateOn('catalog:changed', [supplierKeys.all]);
}

const emptyFilter: SupplierFilter = { query: '', country: '', kind: '' };

export function useSuppliers(filter: SupplierFilter = emptyFilter) {
  return useQuery({
    queryKey: supplierKeys.list(filter),
    queryFn: () => Purchasing.FindSuppliers(filter),
    enabled: backendAvailable(),
    placeholderData: (prev) => prev,
  });
}

export function useSupplier(id: string | undefined) {
  return useQuery({
    queryKey: supplierKeys.one(id ?? ''),
    queryFn: () => Purchasing.GetSupplier(id!),
    enabled: backendAvailable() && !!id,
  });
}

export function useSupplierProducts(supplierId: string | undefined) {
  return useQuery({
    queryKey: supplierKeys.products(supplierId ?? ''),
    queryFn: () => Purchasing.SupplierProducts(supplierId!, ''),
    enabled: backendAvailable() && !!supplierId,
  });
}

/** A mutation that refreshes every supplier query when it succeeds. */
const useSupplierMutation = <I, R>(fn: (input: I) => Promise<R>) => useInvalidatingMutation(fn, [supplierKeys.all]);

export const useSaveSupplier = () =>
  useSupplierMutation(({ id, input }: { id?: string; input: SupplierInput }) =>
    id
      ? Purchasing.UpdateSupplier(id, input as purchasing.SupplierInput)
      : Purchasing.CreateSupplier(input as purchasing.SupplierInput),
  );
export const useDeleteSupplier = () => useSupplierMutation((id: string) => Purchasing.DeleteSupplier(id));
export const useLinkProduct = () =>
  useSupplierMutation((input: SupplierProductInput) => Purchasing.LinkProduct(input as purchasing.SupplierProductInput));
export const useUnlinkProduct = () =>
  useSupplierMutation(({ supplierId, productId }: { supplierId: string; productId: string }) =>
    Purchasing.UnlinkProduct(supplierId, productId),
  );

