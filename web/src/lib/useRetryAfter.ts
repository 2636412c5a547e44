import { useMemo } from 'react';
import type { ApiProblem } from '../api/problem';
import { useNow } from './useNow';

/** Seconds left before a problem's Retry-After has passed (0 when there is none or it passed). */
export function useRetryAfter(problem: ApiProblem | null | undefined): number {
  const wait = problem?.retryAfterSeconds ?? 0;
  // When this problem arrived: it is a fresh object per response.
  const until = useMemo(() => (wait > 0 ? Date.now() + wait * 1000 : 0), [problem, wait]);
  const now = useNow(250, until > 0);
  return until > 0 ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}
