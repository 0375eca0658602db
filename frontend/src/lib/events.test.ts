import { afterEach, describe, expect, it, vi } from 'vitest';
import { onBackendEvent, runtimeAvailable } from './events';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('onBackendEvent', () => {
  it('is a no-op without the Wails runtime', () => {
    expect(runtimeAvailable()).toBe(false);
    const off = onBackendEvent('catalog:changed', () => {});
    expect(typeof off).toBe('function');
    off();
  });

  it('subscribes through the Wails runtime when present', () => {
    const unsubscribe = vi.fn();
    const EventsOnMultiple = vi.fn(() => unsubscribe);
    vi.stubGlobal('window', { runtime: { EventsOnMultiple } });
    const handler = () => {};
    const off = onBackendEvent('stock:changed', handler);
    expect(EventsOnMultiple).toHaveBeenCalledWith('stock:changed', handler, -1);
    off();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
