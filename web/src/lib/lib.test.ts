import { describe, expect, it } from 'vitest';
import { parsePriceToCents } from '../features/console/ProductsSection';
import { toNewDrop, validateDrop } from '../features/console/ScheduleDropForm';
import { dropListPollInterval, dropPollInterval } from '../features/drops/useDrop';
import { aDrop } from '../test/fixtures';
import { countOf, formatMoney, isoToLocalInput, localInputToIso } from './format';
import { describe as describeNotification } from './notifications';
import { safeNext } from './safeNext';

describe('safeNext', () => {
  it('only follows paths inside the app', () => {
    expect(safeNext('/drops/1?order=2')).toBe('/drops/1?order=2');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('money and time', () => {
  it('formats minor units by currency', () => {
    expect(formatMoney(4900, 'EUR', 'en-US')).toBe('€49.00');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
  });
  it('round-trips datetime-local values', () => {
    const iso = localInputToIso('2026-05-01T10:30');
    expect(isoToLocalInput(iso)).toBe('2026-05-01T10:30');
  });
  it('counts in words with the right plural', () => {
    expect(countOf(0, 'follower', 'en-US')).toBe('0 followers');
    expect(countOf(1, 'follower', 'en-US')).toBe('1 follower');
    expect(countOf(1024, 'follower', 'en-US')).toBe('1,024 followers');
  });
  it('parses prices typed by creators', () => {
    expect(parsePriceToCents('19.99')).toBe(1999);
    expect(parsePriceToCents('5')).toBe(500);
    expect(parsePriceToCents('5,5')).toBe(550);
    expect(parsePriceToCents('5.999')).toBeNaN();
    expect(parsePriceToCents('abc')).toBeNaN();
  });
});

describe('drop polling', () => {
  const now = Date.parse('2026-05-01T10:00:00Z');
  it('polls live drops faster for anonymous visitors than with realtime on', () => {
    const live = aDrop({ startsAt: '2026-05-01T09:00:00Z', endsAt: '2026-05-01T11:00:00Z' });
    expect(dropPollInterval(live, false, now)).toBe(3000);
    expect(dropPollInterval(live, true, now)).toBe(5000);
  });
  it('checks every second once an upcoming drop is due to start, and stops after the end', () => {
    expect(dropPollInterval(aDrop({ status: 'upcoming', startsAt: '2026-05-01T09:59:59Z' }), true, now)).toBe(1000);
    expect(dropPollInterval(aDrop({ status: 'upcoming', startsAt: '2026-05-01T10:00:30Z' }), true, now)).toBe(5000);
    expect(dropPollInterval(aDrop({ status: 'upcoming', startsAt: '2026-05-02T10:00:00Z' }), true, now)).toBe(30_000);
    expect(dropPollInterval(aDrop({ status: 'ended' }), false, now)).toBe(false);
  });
});

describe('schedule drop form', () => {
  const now = Date.parse('2026-05-01T10:00:00Z');
  const good = {
    productId: 'p-1',
    startsAt: '2026-05-01T12:00',
    endsAt: '2026-05-01T13:00',
    initialStock: '100',
    lowStockThreshold: '',
    perUserLimit: '2',
    waitingRoom: true,
  };
  it('accepts a sound drop and builds the API body', () => {
    expect(validateDrop(good, now)).toEqual({});
    const body = toNewDrop(good);
    expect(body).toMatchObject({ productId: 'p-1', initialStock: 100, perUserLimit: 2, waitingRoom: true });
    expect(body).not.toHaveProperty('lowStockThreshold');
    expect(body.startsAt).toBe(new Date('2026-05-01T12:00').toISOString());
  });
  it('rejects an end before the start, bad stock and no product', () => {
    const errors = validateDrop({ ...good, productId: '', endsAt: '2026-05-01T11:00', initialStock: '0' }, now);
    expect(Object.keys(errors).sort()).toEqual(['endsAt', 'initialStock', 'productId']);
  });
});

describe('notification words', () => {
  it('describes drop and order events with links', () => {
    const started = describeNotification('drop.started', { dropId: 'd 1', title: 'Hoodie', available: 5 });
    expect(started).toMatchObject({ title: 'Hoodie is live', href: '/drops/d%201' });
    expect(describeNotification('stock.low', { dropId: 'd', title: 'Hoodie', available: 3 }).body).toBe('3 left.');
    expect(describeNotification('order.confirmed', { orderId: 'o', totalCents: 4900, currency: 'EUR' }).title).toBe(
      'Order confirmed',
    );
    expect(describeNotification('payment.failed', { failureCode: 'card_declined' }).body).toMatch(/declined/);
    expect(describeNotification('something.new', {}).title).toBe('something new');
  });
});

describe('drop list polling', () => {
  const now = Date.parse('2026-05-01T10:00:00Z');
  const upcoming = (startsAt: string) => aDrop({ status: 'upcoming', startsAt, endsAt: '2026-05-01T12:00:00Z' });
  it('keeps its own pace when no drop of the list is about to change', () => {
    expect(dropListPollInterval([upcoming('2026-05-02T10:00:00Z')], 60_000, now)).toBe(60_000);
    expect(dropListPollInterval([aDrop({ status: 'ended' })], undefined, now)).toBe(false);
    expect(dropListPollInterval([], 5000, now)).toBe(5000);
  });
  it('re-reads a second after an upcoming drop starts, even without a pace of its own', () => {
    expect(dropListPollInterval([upcoming('2026-05-01T10:00:20Z')], 60_000, now)).toBe(21_000);
    expect(dropListPollInterval([upcoming('2026-05-01T10:00:20Z')], undefined, now)).toBe(21_000);
  });
  it('re-reads every 2 s while a drop that should have started is still listed as upcoming', () => {
    expect(dropListPollInterval([upcoming('2026-05-01T09:59:59Z')], 60_000, now)).toBe(2000);
  });
  it('re-reads when a live drop ends', () => {
    const live = aDrop({ status: 'live', startsAt: '2026-05-01T09:00:00Z', endsAt: '2026-05-01T10:00:03Z' });
    expect(dropListPollInterval([live], 5000, now)).toBe(4000);
    expect(dropListPollInterval([live], undefined, now)).toBe(4000);
  });
});
