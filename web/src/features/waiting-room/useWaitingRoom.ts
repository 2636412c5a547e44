import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEndpoints } from '../../api/context';
import { isProblem } from '../../api/problem';
import type { Ticket } from '../../api/types';
import { qk } from '../../lib/queryKeys';

export const QUEUE_POLL_MS = 2000;

/**
 * The caller's ticket for a drop's waiting room: null before joining. While waiting it is polled
 * every 2 s; `queue.position` / `queue.admitted` realtime frames update the same cache entry
 * in between (RealtimeSync).
 */
export function useWaitingRoom(dropId: string, enabled: boolean) {
  const endpoints = useEndpoints();
  const queryClient = useQueryClient();

  const ticket = useQuery<Ticket | null>({
    queryKey: qk.queue(dropId),
    queryFn: async () => {
      try {
        return await endpoints.queue.me(dropId);
      } catch (e) {
        if (isProblem(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled,
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      if (status === 'waiting') return QUEUE_POLL_MS;
      if (status === 'admitted') return 10_000; // notice when the admission runs out
      return false;
    },
  });

  const join = useMutation({
    mutationFn: () => endpoints.queue.join(dropId),
    onSuccess: (t) => queryClient.setQueryData(qk.queue(dropId), t),
  });

  return { ticket, join };
}
