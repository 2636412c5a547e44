import { describe, expect, it } from 'vitest';
import { addSample, sellRate, soldOutAt, type StockSample } from './sellRate';

const s = (sec: number, available: number): StockSample => ({ at: sec * 1000, available });

describe('sell rate from stock readings', () => {
  it('is unknown until the readings span a second', () => {
    expect(sellRate([])).toBeNull();
    expect(sellRate([s(0, 100)])).toBeNull();
    expect(sellRate([s(0, 100), s(0.5, 90)])).toBeNull();
  });

  it('is the fall in stock per second over the last 10 seconds', () => {
    const samples = [s(0, 1000), s(5, 900), s(10, 800), s(15, 700), s(20, 500)];
    // window: readings from 10 s to 20 s → 300 sold in 10 s
    expect(sellRate(samples)).toBe(30);
    expect(sellRate(samples, 5_000)).toBe(40);
  });

  it('never goes negative when released holds bring stock back', () => {
    expect(sellRate([s(0, 10), s(2, 14)])).toBe(0);
  });

  it('keeps only recent readings and ignores a repeated one', () => {
    let samples: StockSample[] = [];
    samples = addSample(samples, s(0, 10), 5000);
    samples = addSample(samples, s(3, 8), 5000);
    samples = addSample(samples, s(3, 8), 5000);
    expect(samples).toHaveLength(2);
    samples = addSample(samples, s(7, 5), 5000);
    expect(samples).toEqual([s(3, 8), s(7, 5)]);
  });

  it('knows when the stock was first seen at zero', () => {
    expect(soldOutAt([s(0, 5), s(1, 2), s(2, 0), s(3, 0)])).toBe(2000);
    expect(soldOutAt([s(0, 0), s(1, 0)])).toBeNull();
    expect(soldOutAt([s(0, 5)])).toBeNull();
  });
});
