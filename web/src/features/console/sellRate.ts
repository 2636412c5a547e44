/** One reading of a drop's stock at a moment (ms since epoch). */
export interface StockSample {
  at: number;
  available: number;
}

/** Appends a reading, dropping readings older than `keepMs` before it. */
export function addSample(samples: StockSample[], sample: StockSample, keepMs = 120_000): StockSample[] {
  const last = samples[samples.length - 1];
  if (last && last.at === sample.at) return samples;
  return [...samples.filter((s) => sample.at - s.at <= keepMs), sample];
}

/**
 * Items sold per second over the last `windowMs`, from the fall in stock between the oldest and the
 * newest reading in that window. null until the readings span at least a second. Stock that came
 * back (a released hold) counts as no sale, never as a negative rate.
 */
export function sellRate(samples: StockSample[], windowMs = 10_000): number | null {
  if (samples.length < 2) return null;
  const last = samples[samples.length - 1];
  const first = samples.find((s) => last.at - s.at <= windowMs) ?? samples[0];
  const seconds = (last.at - first.at) / 1000;
  if (seconds < 1) return null;
  return Math.max(0, (first.available - last.available) / seconds);
}

/**
 * When the stock was first seen at 0 after being above it; null if it never was (or was already 0
 * in the first reading — then the moment is not known here).
 */
export function soldOutAt(samples: StockSample[]): number | null {
  for (let i = 1; i < samples.length; i++) {
    if (samples[i].available === 0 && samples[i - 1].available > 0) return samples[i].at;
  }
  return null;
}
