// Purchase orders data: TanStack Query over the Purchasing façade (orders to suppliers, their
// extra costs and receipts) and the kept exchange rate the order form falls back to.
import { useQuery } from '@tanstack/react-query';
import {
  Orders,
  Purchasing,
  backendAvailable,
  type CostInput,
  type POFilter,
  type POInput,
  type POReceiveInput,
} from '../../../lib/backend';
import { useInvalidateOn } from '../../../lib/events';
import { useInvalidatingMutation } from '../../../lib/mutations';
import type { purchasing } from '../../../../wailsjs/go/models';
import { supplierKeys } from '../suppliers/api';

export const poKeys = {
  all: ['purchasing', 'po'] as const,
  list: (f: POFilter) => ['purchasing', 'po', 'list', f] as const,
  one: (id: string) => ['purchasing', 'po', 'one', id] as const,
  rates: ['purchasing', 'po', 'rate'] as const,
  rate: (currency: string, date: string) => ['purchasing', 'po', 'rate', currency, date] as const,
};

/**
 * Refetch the order screens on any purchasing change; names follow the catalog, costs the base
 * currency. (The supplier picker and look-ups follow useSupplierEvents.)
 */
export function usePOEvents() {
  useInvalidateOn('purchasing:changed', [poKeys.all]);
  useInvalidateOn('catalog:changed', [poKeys.all]);
  useInvalidateOn('settings:changed', [poKeys.all]);
}

export function usePOs(filter: POFilter) {
  return useQuery({
    queryKey: poKeys.list(filter),
    queryFn: () => Purchasing.FindPOs(filter),
    enabled: backendAvailable(),
    placeholderData: (prev) => prev,
  });
}

export function usePO(id: string | undefined) {
  return useQuery({
    queryKey: poKeys.one(id ?? ''),
    queryFn: () => Purchasing.GetPO(id!),
    enabled: backendAvailable() && !!id,
  });
}

/**
 * The rate kept for currency on date (YYYY-MM-DD): what a blank rate will be. The backend
 * rejects with order.rate.missing when none is kept.
 */
export function useKeptRate(currency: string | undefined, date: string) {
  return useQuery({
    queryKey: poKeys.rate(currency ?? '', date),
    queryFn: () => Orders.RateOn(currency!, date),
    enabled: backendAvailable() && !!currency && !!date,
    retry: false,
  });
}

/** A mutation that refreshes every order and supplier query when it succeeds. */
const usePOMutation = <I, R>(fn: (input: I) => Promise<R>) => useInvalidatingMutation(fn, [poKeys.all, supplierKeys.all]);

export const useSavePO = () =>
  usePOMutation(({ id, input }: { id?: string; input: POInput }) =>
    id ? Purchasing.UpdatePO(id, input as purchasing.POInput) : Purchasing.CreatePO(input as purchasing.POInput),
  );
export const useCancelPO = () => usePOMutation((id: string) => Purchasing.CancelPO(id));
export const useReceivePO = () => usePOMutation((input: POReceiveInput) => Purchasing.ReceivePO(input as purchasing.ReceiveInput));
export const useSaveCost = () =>
  usePOMutation(({ id, input }: { id?: string; input: CostInput }) => Purchasing.SaveCost(id ?? '', input as purchasing.CostInput));
export const useDeleteCost = () => usePOMutation((id: string) => Purchasing.DeleteCost(id));
