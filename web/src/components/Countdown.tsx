import { formatCountdown, formatDurationWords } from '../lib/format';
import { useNow } from '../lib/useNow';

interface CountdownProps {
  /** RFC 3339 time to count down to. */
  to: string;
  /** Words before the time, e.g. "Starts in". */
  label: string;
  /** Shown once the time is reached. */
  doneText?: string;
  className?: string;
  /** `span` when it sits inside a sentence. */
  as?: 'p' | 'span';
}

/**
 * A ticking countdown. The visible digits change every second, so it is not a live region; screen
 * readers get the remaining time in words instead of the digits.
 */
export function Countdown({ to, label, doneText = 'Starting now…', className, as: Tag = 'p' }: CountdownProps) {
  const target = Date.parse(to);
  const now = useNow(1000, !Number.isNaN(target));
  if (Number.isNaN(target)) return null;
  const left = target - now;
  if (left <= 0) {
    return (
      <Tag className={className ?? 'countdown'} data-testid="countdown">
        {doneText}
      </Tag>
    );
  }
  return (
    <Tag className={className ?? 'countdown'} data-testid="countdown">
      <span>{label} </span>
      <time dateTime={to} className="countdown-digits" aria-hidden="true">
        {formatCountdown(left)}
      </time>
      <span className="visually-hidden">{formatDurationWords(left)}</span>
    </Tag>
  );
}
