import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useEndpoints } from '../api/context';
import type { Order, OrderStatus } from '../api/types';
import { Loading } from '../components/Loading';
import { LoadMore } from '../components/LoadMore';
import { Price } from '../components/Price';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../lib/format';
import { qk } from '../lib/queryKeys';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const STATUS_TEXT: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export function OrdersPage() {
  useDocumentTitle('My orders');
  const endpoints = useEndpoints();
  const orders = useInfiniteQuery({
    queryKey: qk.orders,
    queryFn: ({ pageParam }) => endpoints.orders.list(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return (
    <>
      <h1>My orders</h1>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ProblemAlert error={orders.error} />
      ) : orders.data.pages[0].items.length === 0 ? (
        <p className="muted">
          No orders yet. <Link to="/">Find a drop</Link>.
        </p>
      ) : (
        <>
          <ul className="list" role="list" data-testid="orders">
            {orders.data.pages
              .flatMap((p) => p.items)
              .map((o) => (
                <li key={o.id}>
                  <OrderRow order={o} />
                </li>
              ))}
          </ul>
          <LoadMore
            hasMore={orders.hasNextPage}
            loading={orders.isFetchingNextPage}
            onLoadMore={() => void orders.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function OrderRow({ order }: { order: Order }) {
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const drop = useQuery({
    queryKey: qk.drop(order.dropId),
    queryFn: () => endpoints.drops.get(order.dropId),
    staleTime: 60_000,
  });
  const cancel = useMutation({
    mutationFn: () => endpoints.orders.cancel(order.id),
    onSuccess: (o) => {
      queryClient.setQueryData(qk.order(o.id), o);
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: qk.orders });
    },
  });
  const title = drop.data?.product.title ?? 'Order';
  const cancellable = order.status === 'pending_payment' || order.status === 'confirmed';
  const dropHref = `/drops/${encodeURIComponent(order.dropId)}`;
  return (
    <article className="card order-row" aria-label={`${title}, ${STATUS_TEXT[order.status]}`} data-testid="order-row">
      <div>
        <h2 className="card-title">
          <Link to={dropHref}>{title}</Link>
        </h2>
        <p className="card-meta">
          {order.quantity} × · <Price cents={order.totalCents} currency={order.currency} /> ·{' '}
          {formatDateTime(order.createdAt)}
        </p>
        <p>
          <span className={`badge badge-order-${order.status}`} data-testid="order-status">
            {STATUS_TEXT[order.status]}
          </span>
          {order.status === 'pending_payment' && order.reservedUntil && (
            <span className="muted"> · held until {formatDateTime(order.reservedUntil)}</span>
          )}
        </p>
      </div>
      <div className="actions">
        {order.status === 'pending_payment' && (
          <Link className="button" to={`${dropHref}?order=${encodeURIComponent(order.id)}`}>
            Complete payment
          </Link>
        )}
        {cancellable && !confirming && (
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            Cancel order
          </button>
        )}
        {confirming && (
          <div role="group" aria-label="Confirm cancellation" className="confirm">
            <span>{order.status === 'confirmed' ? 'Cancel and refund?' : 'Release the hold?'}</span>
            <button
              type="button"
              className="button button-danger"
              onClick={() => cancel.mutate()}
              disabled={cancel.isPending}
            >
              Yes, cancel
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Keep order
            </button>
          </div>
        )}
      </div>
      <ProblemAlert error={cancel.error} />
    </article>
  );
}
