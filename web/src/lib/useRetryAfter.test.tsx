import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import { useRetryAfter } from './useRetryAfter';

function unavailable(retryAfterSeconds: number): ApiProblem {
  return new ApiProblem({ status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Busy', retryAfterSeconds });
}

describe('useRetryAfter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts from when the problem arrived, not from when the component mounted', () => {
    const shown: number[] = [];
    const { result, rerender } = renderHook(
      ({ problem }) => {
        const seconds = useRetryAfter(problem);
        shown.push(seconds);
        return seconds;
      },
      { initialProps: { problem: null as ApiProblem | null } },
    );
    expect(result.current).toBe(0);
    act(() => vi.advanceTimersByTime(5_000));

    shown.length = 0;
    rerender({ problem: unavailable(1) });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(shown.map(() => 1));
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(0);
  });
});
