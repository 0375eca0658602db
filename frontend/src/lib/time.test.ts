import { afterEach, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { absoluteTime, timeAgo } from './time';

describe('times from the backend', () => {
  afterEach(() => void dayjs.locale('en'));
  const now = Date.parse('2026-03-01T10:05:00Z');

  it('says how long ago in the UI language', () => {
    dayjs.locale('en');
    expect(timeAgo('2026-03-01T10:00:00Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-02-28T10:00:00Z', now)).toBe('a day ago');
    dayjs.locale('zh-cn');
    expect(timeAgo('2026-03-01T10:00:00Z', now)).toBe('5 分钟前');
  });

  it('shows the local date and time, and leaves what is not a time alone', () => {
    const local = new Date('2026-03-01T10:00:00Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(absoluteTime('2026-03-01T10:00:00Z')).toBe(
      `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`,
    );
    expect(absoluteTime('soon')).toBe('soon');
    expect(timeAgo('soon', now)).toBe('soon');
  });
});
