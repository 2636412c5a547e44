import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Drop, DropEventData, Order, OrderEventData, OrderStatus, RealtimeFrame, Ticket } from '../api/types';
import { useToast } from '../components/Toasts';
import { describe } from '../lib/notifications';
import { qk } from '../lib/queryKeys';
import { useRealtimeFrames } from './RealtimeContext';

const ORDER_STATUS_BY_EVENT: Record<string, OrderStatus | undefined> = {
  'order.confirmed': 'confirmed',
  'order.cancelled': 'cancelled',
  'order.expired': 'expired',
};

/** Applies one realtime frame to the query cache; answers whether it deserves a toast. */
export function applyFrame(queryClient: QueryClient, frame: RealtimeFrame): boolean {
  switch (frame.type) {
    case 'drop.started':
    case 'stock.low':
    case 'sold_out': {
      const d = frame.data as unknown as DropEventData;
      queryClient.setQueryData<Drop>(qk.drop(d.dropId), (old) => {
        if (!old) return old;
        const available = typeof d.available === 'number' ? Math.min(old.available, d.available) : old.available;
        return {
          ...old,
          available: frame.type === 'sold_out' ? 0 : available,
          soldOut: frame.type === 'sold_out' || available === 0 || old.soldOut,
          status: frame.type === 'drop.started' && old.status === 'upcoming' ? 'live' : old.status,
        };
      });
      void queryClient.invalidateQueries({ queryKey: qk.drop(d.dropId) });
      void queryClient.invalidateQueries({ queryKey: qk.allDrops });
      void queryClient.invalidateQueries({ queryKey: qk.followedDrops });
      break;
    }
    case 'order.confirmed':
    case 'order.cancelled':
    case 'order.expired':
    case 'payment.failed': {
      const d = frame.data as unknown as OrderEventData;
      const status = ORDER_STATUS_BY_EVENT[frame.type];
      if (status) {
        queryClient.setQueryData<Order>(qk.order(d.orderId), (old) => (old ? { ...old, status } : old));
      }
      void queryClient.invalidateQueries({ queryKey: qk.order(d.orderId) });
      void queryClient.invalidateQueries({ queryKey: qk.orders });
      break;
    }
    case 'queue.position':
    case 'queue.admitted': {
      const ticket = frame.data as unknown as Ticket;
      if (ticket?.dropId) queryClient.setQueryData<Ticket>(qk.queue(ticket.dropId), ticket);
      return frame.type === 'queue.admitted';
    }
    default:
      break;
  }
  // Every stored notification changes the inbox and its unread badge.
  void queryClient.invalidateQueries({ queryKey: qk.unread });
  void queryClient.invalidateQueries({ queryKey: qk.notifications });
  return true;
}

/** Keeps cached data in step with the realtime stream and shows a toast per notification. */
export function RealtimeSync() {
  const queryClient = useQueryClient();
  const toast = useToast();
  useRealtimeFrames((frame) => {
    if (applyFrame(queryClient, frame)) {
      const { title, body, href, tone } = describe(frame.type, frame.data);
      toast.show({ title, body, href, tone });
    }
  });
  return null;
}
