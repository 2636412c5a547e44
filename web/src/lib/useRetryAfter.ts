import { useMemo } from 'react';
import type { ApiProblem } from '../api/problem';
import { useNow } from './useNow';

/** Seconds left before a problem's Retry-After has passed (0 when there is none or it passed). */
export function useRetryAfter(problem: ApiProblem | null | undefined): number {
  const wait = problem?.retryAfterSeconds ?? 0;
  // When this problem arrived: it is a fresh object per response.
  const arrivedAt = useMemo(() => (wait > 0 ? Date.now() : 0), [problem, wait]);
  const now = useNow(250, arrivedAt > 0);
  if (arrivedAt === 0) return 0;
  // useNow's first value can predate the problem; never count from before it arrived.
  const elapsed = Math.max(0, now - arrivedAt);
  return Math.max(0, Math.ceil((wait * 1000 - elapsed) / 1000));
}
