import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useEndpoints } from '../../api/context';
import type { DropStatus } from '../../api/types';
import { DropStatusBadge } from '../../components/DropStatusBadge';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { qk } from '../../lib/queryKeys';

const HEADINGS: Record<DropStatus, string> = { live: 'Live', upcoming: 'Scheduled', ended: 'Ended' };

/** The creator's drops of one status, as a table with links to each drop's live view. */
export function CreatorDrops({ creatorId, status }: { creatorId: string; status: DropStatus }) {
  const endpoints = useEndpoints();
  const query = { creatorId, status };
  const drops = useInfiniteQuery({
    queryKey: [...qk.drops(query), 'console'],
    queryFn: ({ pageParam }) => endpoints.drops.list({ ...query, limit: 20, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: status === 'live' ? 5000 : false,
  });
  const headingId = `console-drops-${status}`;
  return (
    <div className="subsection">
      <h3 id={headingId}>{HEADINGS[status]}</h3>
      {drops.isPending ? (
        <Loading />
      ) : drops.isError ? (
        <ProblemAlert error={drops.error} />
      ) : drops.data.pages[0].items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Status</th>
                <th scope="col">Starts</th>
                <th scope="col">Stock</th>
                <th scope="col">Waiting room</th>
              </tr>
            </thead>
            <tbody>
              {drops.data.pages
                .flatMap((p) => p.items)
                .map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/console/drops/${encodeURIComponent(d.id)}`}>{d.product.title}</Link>
                    </td>
                    <td>
                      <DropStatusBadge drop={d} />
                    </td>
                    <td>{formatDateTime(d.startsAt)}</td>
                    <td>
                      {d.available.toLocaleString()} / {d.initialStock.toLocaleString()}
                    </td>
                    <td>{d.waitingRoom?.enabled ? 'On' : 'Off'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {drops.data && (
        <LoadMore
          hasMore={drops.hasNextPage}
          loading={drops.isFetchingNextPage}
          onLoadMore={() => void drops.fetchNextPage()}
        />
      )}
    </div>
  );
}
