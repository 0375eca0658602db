// Small UI hooks shared by feature screens.
import { useEffect, useState, type UIEvent } from 'react';

/** value, but only after it has stopped changing for delayMs. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** The window's inner height minus reserved pixels (at least min), following resizes. */
export function useViewportHeight(reserved: number, min = 240): number {
  const get = () => Math.max(min, (typeof window === 'undefined' ? 800 : window.innerHeight) - reserved);
  const [height, setHeight] = useState(get);
  useEffect(() => {
    const onResize = () => setHeight(get());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reserved, min]);
  return height;
}

/** True when a scrolled list is within 600 px of its end: time to fetch its next page. */
export function nearEnd(e: UIEvent<HTMLElement>): boolean {
  const el = e.currentTarget;
  return el.scrollHeight - el.scrollTop - el.clientHeight < 600;
}

/** An onScroll handler for a virtual table over an infinite query: fetches the next page
 * as the user nears the end, never two at once. */
export function fetchMoreOnScroll(q: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }) {
  return (e: UIEvent<HTMLElement>) => {
    if (nearEnd(e) && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  };
}

/** The time now (ms) at every render, and a render at least every intervalMs: keeps
 * "3 minutes ago" texts current. */
export function useNow(intervalMs = 30_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}

/**
 * True from the first render in which value is true on: mounts something (a drawer, a dialog)
 * the first time it opens and keeps it mounted, so it can animate closed and open again.
 */
export function useEverTrue(value: boolean): boolean {
  const [ever, setEver] = useState(value);
  if (value && !ever) setEver(true);
  return ever || value;
}
