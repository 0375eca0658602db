// Times the backend sends as RFC 3339 text ("2026-03-01T06:30:00Z"), shown in local time and in
// the UI's language (dayjs follows the language switch: app/providers.tsx).
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** Local date and time, "2026-03-01 14:30"; the text itself when it is not a time. */
export function absoluteTime(rfc3339: string): string {
  const d = dayjs(rfc3339);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : rfc3339;
}

/** How long before now, in the UI's language: "3 分钟前", "3 minutes ago". */
export function timeAgo(rfc3339: string, now: number = Date.now()): string {
  const d = dayjs(rfc3339);
  return d.isValid() ? d.from(dayjs(now)) : rfc3339;
}
