// Backend events → TanStack Query invalidation. The Go side emits namespaced events
// (`catalog:changed`, `stock:changed`, `settings:changed`, …, see app/events.go); a screen
// subscribes with useInvalidateOn so its cached queries refetch after any change, including
// changes that arrive through sync from another laptop.
import { useEffect } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { EventsEmit, EventsOn } from '../../wailsjs/runtime/runtime';

/** True when the Wails runtime is loaded (false in a plain browser and in unit tests). */
export function runtimeAvailable(): boolean {
  return typeof window !== 'undefined' && typeof (window as unknown as { runtime?: unknown }).runtime === 'object'
    && (window as unknown as { runtime?: unknown }).runtime !== null;
}

/** Subscribes to a backend event; returns the unsubscribe function (a no-op without the runtime). */
export function onBackendEvent(eventName: string, handler: (...data: unknown[]) => void): () => void {
  if (!runtimeAvailable()) return () => {};
  try {
    return EventsOn(eventName, handler);
  } catch {
    return () => {};
  }
}

/** Invalidates the given query keys (prefix match) whenever eventName fires. */
export function useInvalidateOn(eventName: string, queryKeys: readonly QueryKey[]): void {
  const queryClient = useQueryClient();
  // Re-subscribe only when the keys really change, not on every render's new array literal.
  const keysJSON = JSON.stringify(queryKeys);
  useEffect(() => {
    const keys = JSON.parse(keysJSON) as QueryKey[];
    return onBackendEvent(eventName, () => {
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    });
  }, [eventName, keysJSON, queryClient]);
}

/** When this module was first evaluated: the page's script is running. */
const scriptStart = typeof performance === 'undefined' ? 0 : performance.now();
let announced = false;

/**
 * Tells the backend, once, that the first screen is on and usable ("app:ready"; `make bench`
 * times it). The shell calls it: its effect runs after React committed the first screen, then
 * the browser paints it (the frame), then the event goes. It carries when, since navigation
 * began, the page's script ran, the screen was committed and painted (ms), so the probe can
 * say where the time went.
 */
export function useAnnounceReady(): void {
  useEffect(() => {
    if (announced || !runtimeAvailable()) return;
    announced = true;
    const committed = performance.now();
    requestAnimationFrame(() => {
      const painted = performance.now();
      setTimeout(() => {
        try {
          EventsEmit('app:ready', Math.round(scriptStart), Math.round(committed), Math.round(painted));
        } catch {
          // a plain browser: nobody to tell
        }
      }, 0);
    });
  }, []);
}
