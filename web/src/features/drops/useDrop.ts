import { useQuery } from '@tanstack/react-query';
import { useEndpoints } from '../../api/context';
import type { Drop } from '../../api/types';
import { qk } from '../../lib/queryKeys';
import { useRealtime } from '../../realtime/RealtimeContext';

/**
 * How often to re-read a drop. Realtime frames only announce the start, the low-stock crossing and
 * the sell-out (and only to followers), so a live drop's stock is polled: every 3 s for anonymous
 * visitors, every 5 s when the stream is open. Around the start it checks every second.
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

export function useDrop(dropId: string, options: { pollMs?: number } = {}) {
  const endpoints = useEndpoints();
  const { connected } = useRealtime();
  return useQuery({
    queryKey: qk.drop(dropId),
    queryFn: () => endpoints.drops.get(dropId),
    refetchInterval: (q) => options.pollMs ?? dropPollInterval(q.state.data, connected),
  });
}
