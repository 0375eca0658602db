// Small UI hooks shared by feature screens.
import { useEffect, useState } from 'react';

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
