// Stock data: TanStack Query over the Stock façade, plus the zones and locations (Catalog
// façade) of the zones tab. The pickers' look-ups are shared: lib/lookups.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Catalog,
  Stock,
  backendAvailable,
  type AdjustInput,
  type CountInput,
  type LevelFilter,
  type Location,
  type MoveFilter,
  type ReceiveInput,
  type TransferInput,
  type Zone,
} from '../../lib/backend';
import { useInvalidateOn } from '../../lib/events';
import type { catalog, stock } from '../../../wailsjs/go/models';

export const pageSize = 100;

export const stockKeys = {
  all: ['stock'] as const,
  levels: (f: Omit<LevelFilter, 'offset' | 'limit'>) => ['stock', 'levels', 'list', f] as const,
  locationLevels: (locationId: string) => ['stock', 'levels', 'location', locationId] as const,
  moves: (f: Omit<MoveFilter, 'offset' | 'limit'>) => ['stock', 'moves', 'list', f] as const,
  expiring: (days: number) => ['stock', 'expiring', days] as const,
  lowStock: ['stock', 'low'] as const,
  reasons: ['stock', 'reasons'] as const,
};

export const placeKeys = {
  catalog: ['catalog'] as const,
  zones: ['catalog', 'zones'] as const,
  locations: ['catalog', 'locations'] as const,
};

export function useStockEvents() {
  useInvalidateOn('stock:changed', [stockKeys.all]);
  // zones, locations and product names shown on stock rows
  useInvalidateOn('catalog:changed', [placeKeys.catalog, stockKeys.all]);
}

function paged<F extends object, T>(
  key: readonly unknown[],
  filter: F,
  fetch: (f: F & { offset: number; limit: number }) => Promise<{ items: T[]; total: number }>,
) {
  return {
    queryKey: key,
    queryFn: ({ pageParam }: { pageParam: number }) => fetch({ ...filter, offset: pageParam, limit: pageSize }),
    initialPageParam: 0,
    getNextPageParam: (last: { items: T[]; total: number }, pages: { items: T[] }[]) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    enabled: backendAvailable(),
  };
}

export function useLevels(filter: Omit<LevelFilter, 'offset' | 'limit'>) {
  return useInfiniteQuery(paged(stockKeys.levels(filter), filter, (f) => Stock.Levels(f)));
}

export function useMoves(filter: Omit<MoveFilter, 'offset' | 'limit'>) {
  return useInfiniteQuery(paged(stockKeys.moves(filter), filter, (f) => Stock.Moves(f)));
}

/** Everything stocked at one location (for a stock-take), up to 500 lines. */
export function useLocationLevels(locationId: string | undefined) {
  return useQuery({
    queryKey: stockKeys.locationLevels(locationId ?? ''),
    queryFn: () =>
      Stock.Levels({ productId: '', locationId: locationId!, zoneId: '', query: '', sort: 'product', desc: false, offset: 0, limit: 500 }),
    enabled: backendAvailable() && !!locationId,
  });
}

export function useExpiring(days: number) {
  return useQuery({ queryKey: stockKeys.expiring(days), queryFn: () => Stock.Expiring(days), enabled: backendAvailable() });
}

export function useLowStock() {
  return useQuery({ queryKey: stockKeys.lowStock, queryFn: () => Stock.LowStock(), enabled: backendAvailable() });
}

export function useAdjustReasons() {
  return useQuery({
    queryKey: stockKeys.reasons,
    queryFn: () => Stock.AdjustReasons(),
    enabled: backendAvailable(),
    staleTime: Infinity,
  });
}

export function useZones() {
  return useQuery({ queryKey: placeKeys.zones, queryFn: () => Catalog.Zones(), enabled: backendAvailable() });
}

export function useLocations() {
  return useQuery({ queryKey: placeKeys.locations, queryFn: () => Catalog.Locations(), enabled: backendAvailable() });
}

/** A mutation that refreshes stock and catalog queries when it succeeds. */
function useStockMutation<I, R>(fn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: stockKeys.all });
      void queryClient.invalidateQueries({ queryKey: placeKeys.catalog });
    },
  });
}

export const useReceive = () => useStockMutation((i: ReceiveInput) => Stock.Receive(i as stock.ReceiveInput));
export const useAdjust = () => useStockMutation((i: AdjustInput) => Stock.Adjust(i as stock.AdjustInput));
export const useTransfer = () => useStockMutation((i: TransferInput) => Stock.Transfer(i as stock.TransferInput));
export const useStockTake = () => useStockMutation((i: CountInput) => Stock.StockTake(i as stock.CountInput));
export const useSaveZone = () => useStockMutation((z: Zone) => Catalog.SaveZone(z as catalog.Zone));
export const useDeleteZone = () => useStockMutation((id: string) => Catalog.DeleteZone(id));
export const useSaveLocation = () => useStockMutation((l: Location) => Catalog.SaveLocation(l as catalog.Location));
export const useDeleteLocation = () => useStockMutation((id: string) => Catalog.DeleteLocation(id));
