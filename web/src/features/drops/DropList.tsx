import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useEndpoints } from '../../api/context';
import type { DropQuery } from '../../api/endpoints';
import type { Drop } from '../../api/types';
import { DropCard } from '../../components/DropCard';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { ProblemAlert } from '../../components/ProblemAlert';
import { qk } from '../../lib/queryKeys';
import { dropListPollInterval } from './useDrop';
import { useAllLiveStockLive, useLiveDropStock } from './useLiveDropStock';

/** A list re-reads itself at least this slowly while every live-stock subscription of the page delivers. */
export const LIST_POLL_WHILE_LIVE_MS = 15_000;
/** An upcoming drop's card subscribes this long before its start, so it moves to "Live now" as it starts. */
export const SUBSCRIBE_BEFORE_START_MS = 120_000;

interface DropListProps {
  query: DropQuery;
  empty: string;
  /**
   * Re-read the list this often (new live drops; stock bars when their subscriptions fail): off by
   * default, at least 15 s while every stock subscription delivers. Also re-read when one of its drops
   * starts or ends.
   */
  pollMs?: number;
  queryKey?: readonly unknown[];
}

/** A paged grid of drops with "Load more"; live cards follow their stock through the subscription. */
export function DropList({ query, empty, pollMs, queryKey }: DropListProps) {
  const endpoints = useEndpoints();
  const allLive = useAllLiveStockLive();
  const pace = pollMs !== undefined && allLive ? Math.max(pollMs, LIST_POLL_WHILE_LIVE_MS) : pollMs;
  const drops = useInfiniteQuery({
    queryKey: queryKey ?? qk.drops(query),
    queryFn: ({ pageParam }) => endpoints.drops.list({ limit: 12, ...query, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) => dropListPollInterval(q.state.data?.pages.flatMap((p) => p.items) ?? [], pace),
  });
  if (drops.isPending) return <Loading />;
  if (drops.isError) return <ProblemAlert error={drops.error} />;
  const items = drops.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <ul className="grid" role="list">
        {items.map((d) => (
          <li key={d.id}>
            <LiveDropCard drop={d} />
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={drops.hasNextPage}
        loading={drops.isFetchingNextPage}
        onLoadMore={() => void drops.fetchNextPage()}
      />
    </>
  );
}

/** A card subscribed to its drop's updates while the drop is live or about to start. */
function LiveDropCard({ drop }: { drop: Drop }) {
  const soon = useStartsWithin(drop, SUBSCRIBE_BEFORE_START_MS);
  useLiveDropStock(drop.id, drop.status === 'live' || soon);
  return <DropCard drop={drop} />;
}

/** Whether an upcoming drop starts within `ms` (turns true by itself when that moment comes). */
function useStartsWithin(drop: Drop, ms: number): boolean {
  const upcoming = drop.status === 'upcoming';
  const startsAt = Date.parse(drop.startsAt);
  const [soon, setSoon] = useState(() => startsAt - Date.now() <= ms);
  useEffect(() => {
    if (!upcoming || Number.isNaN(startsAt)) return;
    const wait = startsAt - ms - Date.now();
    setSoon(wait <= 0);
    if (wait <= 0) return;
    const timer = setTimeout(() => setSoon(true), Math.min(wait, 2_147_483_647));
    return () => clearTimeout(timer);
  }, [upcoming, startsAt, ms]);
  return upcoming && soon;
}
