// Customers data: TanStack Query over the Customers façade. The list is paged on the server
// (200,000 customers never cross the bridge); the customer page is one call.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import {
  Customers,
  backendAvailable,
  type Address,
  type CustomerFilter,
  type CustomerInput,
} from '../../lib/backend';
import { useInvalidateOn } from '../../lib/events';
import type { customers } from '../../../wailsjs/go/models';

export const pageSize = 100;

export const customerKeys = {
  all: ['customers'] as const,
  list: (f: Omit<CustomerFilter, 'offset' | 'limit'>) => ['customers', 'list', f] as const,
  one: (id: string) => ['customers', 'one', id] as const,
  tags: ['customers', 'tags'] as const,
  pick: (q: string) => ['customers', 'pick', q] as const,
};

/** Refetch customer queries on any change; a customer's figures also follow their orders. */
export function useCustomerEvents() {
  useInvalidateOn('customers:changed', [customerKeys.all]);
  useInvalidateOn('orders:changed', [['customers', 'one']]);
}

export function useCustomers(filter: Omit<CustomerFilter, 'offset' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: customerKeys.list(filter),
    queryFn: ({ pageParam }) => Customers.FindCustomers({ ...filter, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    enabled: backendAvailable(),
  });
}

/** A few customers matching q, for pickers (the merge dialog). */
export function useCustomerPick(q: string) {
  return useQuery({
    queryKey: customerKeys.pick(q),
    queryFn: () => Customers.FindCustomers({ query: q, tag: '', sort: 'name', desc: false, offset: 0, limit: 20 }),
    enabled: backendAvailable() && q.trim() !== '',
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.one(id ?? ''),
    queryFn: () => Customers.GetCustomer(id!),
    enabled: backendAvailable() && !!id,
  });
}

export function useTags() {
  return useQuery({ queryKey: customerKeys.tags, queryFn: () => Customers.Tags(), enabled: backendAvailable() });
}

export function useSaveCustomer() {
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CustomerInput }) =>
      id
        ? Customers.UpdateCustomer(id, input as customers.CustomerInput)
        : Customers.CreateCustomer(input as customers.CustomerInput),
  });
}

export function useDeleteCustomer() {
  return useMutation({ mutationFn: (id: string) => Customers.DeleteCustomer(id) });
}

export function useMergeCustomers() {
  return useMutation({ mutationFn: ({ keepId, dupId }: { keepId: string; dupId: string }) => Customers.MergeCustomers(keepId, dupId) });
}

export function useSaveAddress() {
  return useMutation({ mutationFn: (a: Address) => Customers.SaveAddress(a as customers.Address) });
}

export function useDeleteAddress() {
  return useMutation({ mutationFn: (id: string) => Customers.DeleteAddress(id) });
}

export function useSetDefaultAddress() {
  return useMutation({ mutationFn: (id: string) => Customers.SetDefaultAddress(id) });
}

export function saveIdPhoto(base64: string): Promise<string> {
  return Customers.SaveIDPhoto(base64);
}
