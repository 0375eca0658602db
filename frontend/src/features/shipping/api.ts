// Shipping data: TanStack Query over the Shipping façade. Every key starts with 'shipping' so
// one invalidation reaches the pack list, the parcels and the carriers; the backend reports
// parcel, carrier and tracking changes as "shipping:changed" (and order changes, which move
// the pack list, as "orders:changed"). A draft parcel is read once when the pack form opens
// and kept out of the invalidated keys, so a change elsewhere never resets a form being filled.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Shipping,
  backendAvailable,
  type Carrier,
  type CarrierService,
  type ParcelFilter,
  type ParcelInput,
  type PrintRequest,
  type QuoteInput,
  type ShippingRules,
  type TrackingEventInput,
} from '../../lib/backend';
import { onBackendEvent, useInvalidateOn } from '../../lib/events';
import { useInvalidatingMutation } from '../../lib/mutations';
import type { shipping } from '../../../wailsjs/go/models';

export const shippingKeys = {
  all: ['shipping'] as const,
  toPack: ['shipping', 'toPack'] as const,
  parcels: ['shipping', 'parcels'] as const,
  parcelList: (f: ParcelFilter) => ['shipping', 'parcels', 'list', f] as const,
  parcel: (id: string) => ['shipping', 'parcels', 'one', id] as const,
  carriers: ['shipping', 'carriers'] as const,
  rules: ['shipping', 'rules'] as const,
  quote: (q: QuoteInput) => ['shipping', 'quote', q] as const,
};

/** Not under 'shipping': a draft is read once per opening of the pack form. */
const draftKey = (orderIds: string[]) => ['shippingDraft', ...orderIds] as const;

/** Keeps the shipping screens live (local changes and changes synced from other laptops). */
export function useShippingEvents() {
  useInvalidateOn('shipping:changed', [shippingKeys.all]);
  useInvalidateOn('orders:changed', [shippingKeys.toPack, shippingKeys.parcels]);
  // product names and weights on lines
  useInvalidateOn('catalog:changed', [shippingKeys.parcels]);
  useInvalidateOn('settings:changed', [shippingKeys.rules]);
}

export function useReadyToPack() {
  return useQuery({ queryKey: shippingKeys.toPack, queryFn: () => Shipping.ReadyToPack(), enabled: backendAvailable() });
}

/** Units of one order still to pack (under the toPack key, so the same events refresh it). */
export function useLeftToPack(orderId: string) {
  return useQuery({
    queryKey: [...shippingKeys.toPack, orderId] as const,
    queryFn: () => Shipping.LeftToPack(orderId),
    enabled: backendAvailable() && !!orderId,
  });
}

export function useParcels(filter: ParcelFilter, enabled = true) {
  return useQuery({
    queryKey: shippingKeys.parcelList(filter),
    queryFn: () => Shipping.Parcels(filter as shipping.ParcelFilter),
    enabled: backendAvailable() && enabled,
    placeholderData: (prev) => prev,
  });
}

export function useParcel(id: string | undefined) {
  return useQuery({
    queryKey: shippingKeys.parcel(id ?? ''),
    queryFn: () => Shipping.GetParcel(id!),
    enabled: backendAvailable() && !!id,
  });
}

export function useCarriers() {
  return useQuery({ queryKey: shippingKeys.carriers, queryFn: () => Shipping.Carriers(), enabled: backendAvailable() });
}

export function useShippingRules() {
  return useQuery({ queryKey: shippingKeys.rules, queryFn: () => Shipping.Rules(), enabled: backendAvailable() });
}


/** The parcel the backend fills in from orders, read once per opening (never refetched). */
export function useDraft(orderIds: string[] | undefined) {
  return useQuery({
    queryKey: draftKey(orderIds ?? []),
    queryFn: () => Shipping.DraftParcel(orderIds!),
    enabled: backendAvailable() && !!orderIds && orderIds.length > 0,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

/** The carrier options for a parcel; undefined input = nothing to ask yet. */
export function useQuote(input: QuoteInput | undefined) {
  return useQuery({
    queryKey: shippingKeys.quote(input ?? ({} as QuoteInput)),
    queryFn: () => Shipping.Quote(input as shipping.QuoteInput),
    enabled: backendAvailable() && !!input,
    placeholderData: (prev) => prev,
    retry: false,
  });
}

// Parcels move orders on (packed, shipped, delivered): refresh the orders' screens as well.
const parcelKeys = [shippingKeys.all, ['orders']] as const;

export const useSaveParcel = () => useInvalidatingMutation((p: ParcelInput) => Shipping.SaveParcel(p as shipping.ParcelInput), parcelKeys);
export const useDeleteParcel = () => useInvalidatingMutation((id: string) => Shipping.DeleteParcel(id), parcelKeys);
export const useAddEvent = () =>
  useInvalidatingMutation((e: TrackingEventInput) => Shipping.AddEvent(e as shipping.EventInput), parcelKeys);

export const useSaveCarrier = () =>
  useInvalidatingMutation((c: Carrier) => Shipping.SaveCarrier(c as shipping.Carrier), [shippingKeys.all]);
export const useDeleteCarrier = () => useInvalidatingMutation((id: string) => Shipping.DeleteCarrier(id), [shippingKeys.all]);
export const useSaveService = () =>
  useInvalidatingMutation((s: CarrierService) => Shipping.SaveService(s as shipping.CarrierService), [shippingKeys.all]);
export const useDeleteService = () => useInvalidatingMutation((id: string) => Shipping.DeleteService(id), [shippingKeys.all]);
export const useSaveRules = () =>
  useInvalidatingMutation((r: ShippingRules) => Shipping.SaveRules(r as shipping.Rules), [shippingKeys.all]);

interface PrintProgress {
  done: number;
  total: number;
}

/**
 * Printing labels or packing slips into a PDF (the backend writes it, opens it and returns its
 * path), with the progress it reports as "shipping:print" while it draws.
 */
export function usePrint() {
  const [progress, setProgress] = useState<PrintProgress>();
  const mutation = useInvalidatingMutation((r: PrintRequest) => Shipping.Print(r as shipping.PrintRequest), [shippingKeys.parcels]);
  const printing = mutation.isPending;
  useEffect(() => {
    if (!printing) return;
    setProgress(undefined);
    return onBackendEvent('shipping:print', (data) => {
      const d = data as Partial<PrintProgress> | undefined;
      if (d && typeof d.done === 'number' && typeof d.total === 'number') setProgress({ done: d.done, total: d.total });
    });
  }, [printing]);
  return { ...mutation, progress };
}

export function openFile(path: string) {
  return Shipping.OpenFile(path);
}
