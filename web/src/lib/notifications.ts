import { paymentFailureMessage } from '../api/messages';
import type { DropEventData, OrderEventData } from '../api/types';
import { formatMoney } from './format';

export interface Described {
  title: string;
  body?: string;
  href?: string;
  tone: 'info' | 'success' | 'warning' | 'error';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Human words for a notification or realtime frame, shared by toasts and the inbox. */
export function describe(type: string, rawData: unknown): Described {
  const data = (rawData && typeof rawData === 'object' ? rawData : {}) as Partial<DropEventData & OrderEventData>;
  const title = str(data.title) ?? 'A drop';
  const dropHref = str(data.dropId) ? `/drops/${encodeURIComponent(data.dropId!)}` : undefined;
  const total =
    typeof data.totalCents === 'number' && str(data.currency)
      ? formatMoney(data.totalCents, data.currency!)
      : undefined;
  switch (type) {
    case 'drop.started':
      return { title: `${title} is live`, body: 'The drop has started — go get it.', href: dropHref, tone: 'info' };
    case 'stock.low':
      return {
        title: `Almost gone: ${title}`,
        body: typeof data.available === 'number' ? `${data.available} left.` : 'Stock is running low.',
        href: dropHref,
        tone: 'warning',
      };
    case 'sold_out':
      return { title: `${title} sold out`, href: dropHref, tone: 'info' };
    case 'order.confirmed':
      return { title: 'Order confirmed', body: total ? `Paid ${total}.` : undefined, href: '/orders', tone: 'success' };
    case 'order.cancelled':
      return {
        title: 'Order cancelled',
        body: total ? `${total} refunded or released.` : undefined,
        href: '/orders',
        tone: 'info',
      };
    case 'order.expired':
      return {
        title: 'Order hold expired',
        body: 'It was not paid in time; the items went back on sale.',
        href: '/orders',
        tone: 'warning',
      };
    case 'payment.failed':
      return {
        title: 'Payment failed',
        body: paymentFailureMessage(str(data.failureCode)),
        href: '/orders',
        tone: 'error',
      };
    case 'queue.admitted':
      return {
        title: "It's your turn",
        body: 'You can buy now — your place is held for a short time.',
        href: dropHref,
        tone: 'success',
      };
    default:
      return { title: type.replace(/[._]/g, ' '), tone: 'info' };
  }
}
