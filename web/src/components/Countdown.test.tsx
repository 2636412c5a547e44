import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatCountdown, formatDurationWords } from '../lib/format';
import { Countdown } from './Countdown';

describe('formatCountdown', () => {
  it.each([
    [0, '00:00'],
    [999, '00:01'],
    [65_000, '01:05'],
    [3_600_000, '01:00:00'],
    [90_061_000, '1d 01:01:01'],
    [-5000, '00:00'],
  ])('%i ms → %s', (ms, text) => expect(formatCountdown(ms)).toBe(text));

  it('says durations in words', () => {
    expect(formatDurationWords(1000)).toBe('1 second');
    expect(formatDurationWords(125_000)).toBe('2 minutes 5 seconds');
    expect(formatDurationWords(7_200_000)).toBe('2 hours');
    expect(formatDurationWords(90_000_000)).toBe('1 day 1 hour');
  });
});

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-05-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('ticks every second and says when the time has come', () => {
    render(<Countdown to="2026-05-01T10:00:03Z" label="Starts in" doneText="Live now" />);
    expect(screen.getByTestId('countdown')).toHaveTextContent('Starts in 00:03');
    expect(screen.getByText('3 seconds')).toBeInTheDocument(); // words for screen readers
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('countdown')).toHaveTextContent('Starts in 00:02');
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByTestId('countdown')).toHaveTextContent('Live now');
  });

  it('renders nothing for an unreadable time', () => {
    const { container } = render(<Countdown to="not a time" label="Starts in" />);
    expect(container).toBeEmptyDOMElement();
  });
});
