/** Money is integer minor units plus an ISO-4217 currency. */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  try {
    const digits =
      new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 10 ** digits);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 1d 02:03:04, 02:03:04 or 03:04 for a duration in milliseconds (never negative). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  if (hours > 0) return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return `${pad(minutes)}:${pad(seconds)}`;
}

/** A duration in words for screen readers and estimates: "2 hours 5 minutes", "45 seconds". */
export function formatDurationWords(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days > 0) return [part(days, 'day'), hours ? part(hours, 'hour') : ''].filter(Boolean).join(' ');
  if (hours > 0) return [part(hours, 'hour'), minutes ? part(minutes, 'minute') : ''].filter(Boolean).join(' ');
  if (minutes > 0) return [part(minutes, 'minute'), seconds ? part(seconds, 'second') : ''].filter(Boolean).join(' ');
  return part(seconds, 'second');
}

/** `<input type="datetime-local">` value (local time) ↔ RFC 3339 UTC. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

export function isoToLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "1 follower", "2 followers", "1,024 followers" (English plurals by adding "s"). */
export function countOf(n: number, noun: string, locale?: string): string {
  return `${n.toLocaleString(locale)} ${n === 1 ? noun : `${noun}s`}`;
}
