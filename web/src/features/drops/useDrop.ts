import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEndpoints } from '../../api/context';
import type { Drop } from '../../api/types';
import { qk } from '../../lib/queryKeys';
import { useRealtime } from '../../realtime/RealtimeContext';
import { useLiveDropStock, withLiveStock } from './useLiveDropStock';

/**
 * How often to re-read a drop over REST when its live-stock subscription is not delivering (see
 * `useDrop`). The realtime stream only announces the start, the low-stock crossing and the sell-out
 * (and only to followers), so a live drop's stock is polled: every 3 s for anonymous visitors, every
 * 5 s when the stream is open. Around the start it checks every second.
 */
export function dropPollInterval(drop: Drop | undefined, connected: boolean, now: number = Date.now()): number | false {
  if (!drop) return false;
  if (drop.status === 'ended') return false;
  if (drop.status === 'upcoming') {
    const untilStart = Date.parse(drop.startsAt) - now;
    if (untilStart <= 0) return 1000;
    if (untilStart <= 60_000) return 5000;
    return 30_000;
  }
  if (drop.soldOut) return 30_000; // a cancelled or expired hold can bring stock back
  if (Date.parse(drop.endsAt) <= now) return 1000;
  return connected ? 5000 : 3000;
}

/**
 * One drop, kept current by its GraphQL `dropUpdates` subscription once it is loaded and until it
 * has ended ({@link useLiveDropStock}); REST polling (`pollMs`, or {@link dropPollInterval}) is only
 * the fallback: none while the subscription delivers, at least 15 s while it connects, the full pace
 * when it failed or the socket is lost.
 */
export function useDrop(dropId: string, options: { pollMs?: number } = {}) {
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();
  const { connected } = useRealtime();
  // Read from the cache without subscribing: the query below re-renders on every change anyway.
  const cached = queryClient.getQueryData<Drop>(qk.drop(dropId));
  const live = useLiveDropStock(dropId, cached !== undefined && cached.status !== 'ended');
  return useQuery({
    queryKey: qk.drop(dropId),
    queryFn: () => endpoints.drops.get(dropId),
    refetchInterval: (q) => withLiveStock(options.pollMs ?? dropPollInterval(q.state.data, connected), live),
  });
}

/**
 * How often to re-read a list of drops: its own pace (`pollMs`, or never), but also just after one
 * of its drops changes state — an upcoming drop starts (it moves from "Coming up" to "Live now") or a
 * live one ends — since no realtime frame tells visitors who do not follow the creator. The server
 * flips a drop within a second of the moment, so the re-read comes 1 s after it, then every 2 s
 * while the list still shows the old state.
 */
export function dropListPollInterval(
  drops: readonly Drop[],
  pollMs: number | undefined,
  now: number = Date.now(),
): number | false {
  let next = pollMs ?? Infinity;
  for (const d of drops) {
    const moment = d.status === 'upcoming' ? d.startsAt : d.status === 'live' ? d.endsAt : null;
    if (moment === null) continue;
    const until = Date.parse(moment) - now;
    if (Number.isNaN(until)) continue;
    next = Math.min(next, until <= 0 ? 2000 : until + 1000);
  }
  return next === Infinity ? false : next;
}
