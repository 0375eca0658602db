// Buying trips data: TanStack Query over the Purchasing façade (trips, their shopping list,
// summary, ticks and costs) plus the look-ups the trip screens pick from (suppliers, settings;
// products and locations come through lib/lookups). Every key starts with ['purchasing', 'trips'] so one invalidation reaches
// every trip screen; useTripEvents refetches them when the backend reports a change, local or
// synced from another laptop (the backend also raises purchasing:changed for orders and stock).
import { useQuery } from '@tanstack/react-query';
import {
  Catalog,
  Orders,
  Purchasing,
  backendAvailable,
  type BuyInput,
  type CostInput,
  type NotFoundInput,
  type Product,
  type TripInput,
  type TripItemInput,
} from '../../../lib/backend';
import { useInvalidateOn } from '../../../lib/events';
import { useInvalidatingMutation } from '../../../lib/mutations';
import type { purchasing } from '../../../../wailsjs/go/models';

export const tripKeys = {
  all: ['purchasing', 'trips'] as const,
  list: ['purchasing', 'trips', 'list'] as const,
  one: (id: string) => ['purchasing', 'trips', 'one', id] as const,
  shopping: (id: string) => ['purchasing', 'trips', 'shopping', id] as const,
  summary: (id: string) => ['purchasing', 'trips', 'summary', id] as const,
  suppliers: (country: string) => ['purchasing', 'trips', 'suppliers', country] as const,
};

/** Keeps every trip screen live. */
export function useTripEvents() {
  useInvalidateOn('purchasing:changed', [tripKeys.all]);
  useInvalidateOn('orders:changed', [tripKeys.all]);
  useInvalidateOn('catalog:changed', [tripKeys.all]);
  useInvalidateOn('settings:changed', [tripKeys.all]);
}

export function useTrips() {
  return useQuery({ queryKey: tripKeys.list, queryFn: () => Purchasing.FindTrips(), enabled: backendAvailable() });
}

export function useTrip(id: string | undefined) {
  return useQuery({ queryKey: tripKeys.one(id ?? ''), queryFn: () => Purchasing.GetTrip(id!), enabled: backendAvailable() && !!id });
}

export function useShoppingList(id: string | undefined) {
  return useQuery({ queryKey: tripKeys.shopping(id ?? ''), queryFn: () => Purchasing.ShoppingList(id!), enabled: backendAvailable() && !!id });
}

export function useTripSummary(id: string | undefined) {
  return useQuery({ queryKey: tripKeys.summary(id ?? ''), queryFn: () => Purchasing.TripSummary(id!), enabled: backendAvailable() && !!id });
}

/** The suppliers of a country ('' = all), for the store boxes. */
export function useSuppliers(country: string) {
  return useQuery({
    queryKey: tripKeys.suppliers(country),
    queryFn: () => Purchasing.FindSuppliers({ query: '', country, kind: '' }),
    enabled: backendAvailable(),
  });
}

export function findProductByCode(code: string): Promise<Product> {
  return Catalog.FindProductByCode(code);
}

/** The kept rate of currency on date (YYYY-MM-DD), to prefill the trip's rates. */
export function keptRate(currency: string, date: string): Promise<string> {
  return Orders.RateOn(currency, date);
}

export function saveReceipt(base64: string): Promise<string> {
  return Purchasing.SaveReceipt(base64);
}

/** Writes the list to a file the person picks in a save dialog; '' when they cancelled. */
export function exportList(tripId: string, lang: 'zh' | 'en', format: 'pdf' | 'xlsx' | 'csv'): Promise<string> {
  return Purchasing.ExportListAs(tripId, lang, format);
}

/** A mutation that refreshes every trip query when it succeeds. */
const useTripMutation = <I, R>(fn: (input: I) => Promise<R>) => useInvalidatingMutation(fn, [tripKeys.all]);

export const useCreateTrip = () => useTripMutation((i: TripInput) => Purchasing.CreateTrip(i as purchasing.TripInput));
export const useUpdateTrip = () =>
  useTripMutation(({ id, input }: { id: string; input: TripInput }) => Purchasing.UpdateTrip(id, input as purchasing.TripInput));
export const useCloseTrip = () =>
  useTripMutation(({ id, closed }: { id: string; closed: boolean }) => Purchasing.CloseTrip(id, closed));
export const useDeleteTrip = () => useTripMutation((id: string) => Purchasing.DeleteTrip(id));
export const useSetTripItem = () => useTripMutation((i: TripItemInput) => Purchasing.SetTripItem(i as purchasing.TripItemInput));
export const useRemoveTripItem = () =>
  useTripMutation(({ tripId, productId }: { tripId: string; productId: string }) => Purchasing.RemoveTripItem(tripId, productId));
export const useBuy = () => useTripMutation((i: BuyInput) => Purchasing.Buy(i as purchasing.BuyInput));
export const useMarkNotFound = () => useTripMutation((i: NotFoundInput) => Purchasing.MarkNotFound(i as purchasing.NotFoundInput));
export const useUndo = () => useTripMutation((buyId: string) => Purchasing.Undo(buyId));
export const useBookSurplus = () =>
  useTripMutation(({ tripId, lineId }: { tripId: string; lineId: string }) => Purchasing.BookSurplus(tripId, lineId));
export const useSaveCost = () =>
  useTripMutation(({ id, input }: { id: string; input: CostInput }) => Purchasing.SaveCost(id, input as purchasing.CostInput));
export const useDeleteCost = () => useTripMutation((id: string) => Purchasing.DeleteCost(id));
