import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useEndpoints } from '../api/context';
import type { AppNotification } from '../api/types';
import { Loading } from '../components/Loading';
import { LoadMore } from '../components/LoadMore';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../lib/format';
import { describe } from '../lib/notifications';
import { qk } from '../lib/queryKeys';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function InboxPage() {
  useDocumentTitle('Inbox');
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const inbox = useInfiniteQuery({
    queryKey: qk.notifications,
    queryFn: ({ pageParam }) => endpoints.notifications.list(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: qk.notifications });
    void queryClient.invalidateQueries({ queryKey: qk.unread });
  };
  const readAll = useMutation({ mutationFn: () => endpoints.notifications.readAll(), onSuccess: refresh });
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <div className="page-title">
        <h1>Inbox</h1>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => readAll.mutate()}
          disabled={readAll.isPending || unread === 0}
        >
          Mark all as read
        </button>
      </div>
      <p className="muted" data-testid="inbox-unread">
        {unread === 0 ? 'All caught up.' : `${unread} unread`}
      </p>
      <ProblemAlert error={readAll.error} />
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ProblemAlert error={inbox.error} />
      ) : inbox.data.pages[0].items.length === 0 ? (
        <p className="muted">No notifications yet. Follow creators to hear when their drops go live.</p>
      ) : (
        <>
          <ul className="list" role="list">
            {inbox.data.pages
              .flatMap((p) => p.items)
              .map((n) => (
                <li key={n.id}>
                  <NotificationRow notification={n} onChanged={refresh} />
                </li>
              ))}
          </ul>
          <LoadMore
            hasMore={inbox.hasNextPage}
            loading={inbox.isFetchingNextPage}
            onLoadMore={() => void inbox.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function NotificationRow({ notification, onChanged }: { notification: AppNotification; onChanged: () => void }) {
  const endpoints = useEndpoints();
  const markRead = useMutation({
    mutationFn: () => endpoints.notifications.read(notification.id),
    onSuccess: onChanged,
  });
  const { title, body, href } = describe(notification.type, notification.data);
  return (
    <article className={`card notification${notification.read ? '' : ' unread'}`} data-testid="notification">
      <div>
        <h2 className="card-title">
          {!notification.read && <span className="visually-hidden">Unread: </span>}
          {href ? <Link to={href}>{title}</Link> : title}
        </h2>
        {body && <p>{body}</p>}
        <p className="muted">
          <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
        </p>
      </div>
      {!notification.read && (
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => markRead.mutate()}
          disabled={markRead.isPending}
          aria-label={`Mark as read: ${title}`}
        >
          Mark as read
        </button>
      )}
    </article>
  );
}
