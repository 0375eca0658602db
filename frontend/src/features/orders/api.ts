// Orders data: TanStack Query over the Orders façade, plus the customer, product, zone and
// location look-ups the order screens pick from. Every key starts with 'orders' so one
// invalidation reaches the list, the work queue and the open order; useOrderEvents refetches
// them when the backend reports a change (local or arriving by sync from another laptop).
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Catalog,
  Customers,
  Orders,
  backendAvailable,
  type CustomerInput,
  type OrderFilter,
  type OrderInfoInput,
  type OrderInput,
  type OrderRules,
  type PaymentInput,
  type ReturnInput,
} from '../../lib/backend';
import { useInvalidateOn } from '../../lib/events';
import type { customers, orders } from '../../../wailsjs/go/models';

export const pageSize = 100;

export type ListFilter = Omit<OrderFilter, 'offset' | 'limit'>;

export const orderKeys = {
  all: ['orders'] as const,
  lists: ['orders', 'list'] as const,
  list: (f: ListFilter) => ['orders', 'list', f] as const,
  queue: ['orders', 'queue'] as const,
  ones: ['orders', 'one'] as const,
  one: (id: string) => ['orders', 'one', id] as const,
  stock: ['orders', 'stock'] as const,
  productStock: (id: string) => ['orders', 'stock', id] as const,
  rules: ['orders', 'rules'] as const,
  prefix: ['orders', 'prefix'] as const,
  rates: ['orders', 'rates'] as const,
  customers: ['orders', 'customers'] as const,
  customerPick: (q: string) => ['orders', 'customers', 'pick', q] as const,
  customer: (id: string) => ['orders', 'customers', 'one', id] as const,
  places: ['orders', 'places'] as const,
  zones: ['orders', 'places', 'zones'] as const,
  locations: ['orders', 'places', 'locations'] as const,
};

/** Keeps every order screen live: lists, work queue and the open order refetch on any change. */
export function useOrderEvents() {
  useInvalidateOn('orders:changed', [orderKeys.lists, orderKeys.queue, orderKeys.ones]);
  // reserved / available counts on the lines and the products in the pickers
  useInvalidateOn('stock:changed', [orderKeys.ones, orderKeys.stock]);
  // customer names on rows and in the pickers
  useInvalidateOn('customers:changed', [orderKeys.lists, orderKeys.queue, orderKeys.ones, orderKeys.customers]);
  useInvalidateOn('catalog:changed', [orderKeys.ones, orderKeys.places, orderKeys.stock]);
  // the priority rule and the base currency live in settings
  useInvalidateOn('settings:changed', [orderKeys.rules, orderKeys.rates, orderKeys.lists, orderKeys.queue, orderKeys.ones]);
}

function nextOffset(last: { items: unknown[]; total: number }, pages: { items: unknown[] }[]) {
  const loaded = pages.reduce((n, p) => n + p.items.length, 0);
  return last.items.length > 0 && loaded < last.total ? loaded : undefined;
}

/** The order list over the whole history, one page of `pageSize` at a time as the user scrolls. */
export function useOrders(filter: ListFilter) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(filter),
    queryFn: ({ pageParam }) => Orders.FindOrders({ ...filter, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: backendAvailable(),
  });
}

/** Open orders, most pressing first. */
export function useWorkQueue() {
  return useInfiniteQuery({
    queryKey: orderKeys.queue,
    queryFn: ({ pageParam }) => Orders.WorkQueue(pageParam, pageSize),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: backendAvailable(),
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: orderKeys.one(id ?? ''),
    queryFn: () => Orders.GetOrder(id!),
    enabled: backendAvailable() && !!id,
  });
}

/** Stock figures (on hand, reserved, available) of each product, for an order's lines. */
export function useProductsStock(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: orderKeys.productStock(id),
      queryFn: () => Catalog.GetProduct(id),
      enabled: backendAvailable() && !!id,
    })),
  });
}

export function useRules() {
  return useQuery({ queryKey: orderKeys.rules, queryFn: () => Orders.GetRules(), enabled: backendAvailable() });
}

export function usePrefix() {
  return useQuery({ queryKey: orderKeys.prefix, queryFn: () => Orders.Prefix(), enabled: backendAvailable() });
}

export function useRates() {
  return useQuery({ queryKey: orderKeys.rates, queryFn: () => Orders.Rates(), enabled: backendAvailable() });
}

export function rateOn(currency: string, date: string): Promise<string> {
  return Orders.RateOn(currency, date);
}

export function useZones() {
  return useQuery({ queryKey: orderKeys.zones, queryFn: () => Catalog.Zones(), enabled: backendAvailable() });
}

export function useLocations() {
  return useQuery({ queryKey: orderKeys.locations, queryFn: () => Catalog.Locations(), enabled: backendAvailable() });
}

/** Customers matching what was typed (name, phone or WeChat), for the pickers. */
export function useCustomerPick(q: string) {
  return useQuery({
    queryKey: orderKeys.customerPick(q),
    queryFn: () => Customers.FindCustomers({ query: q, tag: '', sort: 'name', desc: false, offset: 0, limit: 20 }),
    enabled: backendAvailable() && q.trim() !== '',
    placeholderData: (prev) => prev,
  });
}

export function useCustomerName(id: string | undefined) {
  return useQuery({
    queryKey: orderKeys.customer(id ?? ''),
    queryFn: () => Customers.GetCustomer(id!),
    enabled: backendAvailable() && !!id,
  });
}

export function createCustomer(input: CustomerInput) {
  return Customers.CreateCustomer(input as customers.CustomerInput);
}

/** A mutation that refreshes every order query when it succeeds (events do too; this is instant). */
function useOrderMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}

export const useCreateOrder = () => useOrderMutation((i: OrderInput) => Orders.CreateOrder(i as orders.OrderInput));
export const useUpdateOrder = () =>
  useOrderMutation(({ id, input }: { id: string; input: OrderInput }) => Orders.UpdateOrder(id, input as orders.OrderInput));
export const useUpdateOrderInfo = () =>
  useOrderMutation(({ id, input }: { id: string; input: OrderInfoInput }) => Orders.UpdateOrderInfo(id, input as orders.InfoInput));
export const useDeleteDraft = () => useOrderMutation((id: string) => Orders.DeleteDraft(id));
export const useTransition = () =>
  useOrderMutation((i: { orderId: string; to: string; note?: string }) => Orders.Transition({ note: '', at: '', ...i }));
export const useAddPayment = () => useOrderMutation((i: PaymentInput) => Orders.AddPayment(i as orders.PaymentInput));
export const useAddReturn = () => useOrderMutation((i: ReturnInput) => Orders.AddReturn(i as orders.ReturnInput));
export const useSaveRules = () => useOrderMutation((r: OrderRules) => Orders.SaveRules(r as orders.Rules));
export const useSetPrefix = () => useOrderMutation((p: string) => Orders.SetPrefix(p));
export const useSetRate = () =>
  useOrderMutation((r: { currency: string; rate: string; validFrom: string }) => Orders.SetRate(r.currency, r.rate, r.validFrom));

export const orderApi = {
  create: (i: OrderInput) => Orders.CreateOrder(i as orders.OrderInput),
  update: (id: string, i: OrderInput) => Orders.UpdateOrder(id, i as orders.OrderInput),
  transition: (orderId: string, to: string) => Orders.Transition({ orderId, to, note: '', at: '' }),
  addPayment: (i: PaymentInput) => Orders.AddPayment(i as orders.PaymentInput),
};
