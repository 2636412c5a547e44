import { useInfiniteQuery } from '@tanstack/react-query';
import { useEndpoints } from '../../api/context';
import type { DropQuery } from '../../api/endpoints';
import { DropCard } from '../../components/DropCard';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { ProblemAlert } from '../../components/ProblemAlert';
import { qk } from '../../lib/queryKeys';
import { dropListPollInterval } from './useDrop';

interface DropListProps {
  query: DropQuery;
  empty: string;
  /** Re-read the list this often (live stock bars); off by default. Also re-read when one of its drops starts or ends. */
  pollMs?: number;
  queryKey?: readonly unknown[];
}

/** A paged grid of drops with "Load more". */
export function DropList({ query, empty, pollMs, queryKey }: DropListProps) {
  const endpoints = useEndpoints();
  const drops = useInfiniteQuery({
    queryKey: queryKey ?? qk.drops(query),
    queryFn: ({ pageParam }) => endpoints.drops.list({ limit: 12, ...query, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) => dropListPollInterval(q.state.data?.pages.flatMap((p) => p.items) ?? [], pollMs),
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
            <DropCard drop={d} />
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
