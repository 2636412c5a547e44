import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeFrame } from '../api/types';
import { FakeEventSource } from '../test/render';
import { RealtimeClient } from './RealtimeClient';

const frame = (id: string, type = 'order.confirmed'): RealtimeFrame => ({
  id,
  type,
  createdAt: 'x',
  data: { orderId: 'o' },
});

function setup() {
  let n = 0;
  const getToken = vi.fn(async () => `rt-${++n}`);
  const client = new RealtimeClient({
    getToken,
    EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
    minDelayMs: 1000,
    maxDelayMs: 4000,
  });
  const frames: RealtimeFrame[] = [];
  client.subscribe((f) => frames.push(f));
  return { client, getToken, frames };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('RealtimeClient (SSE)', () => {
  beforeEach(() => {
    FakeEventSource.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('connects with a fresh realtime token and hands frames to subscribers once each', async () => {
    const { client, frames } = setup();
    client.start();
    await flush();
    const es = FakeEventSource.latest()!;
    expect(es.url).toBe('/api/realtime/sse?token=rt-1');
    es.open();
    expect(client.state).toBe('open');
    es.frame(frame('1'));
    es.frame(frame('2'));
    es.frame(frame('2')); // replayed
    expect(frames.map((f) => f.id)).toEqual(['1', '2']);
  });

  it('on `event: reconnect` opens a new stream with a new token, resuming after the last id', async () => {
    const { client, getToken } = setup();
    client.start();
    await flush();
    const first = FakeEventSource.latest()!;
    first.open();
    first.frame(frame('41'));
    first.event('reconnect', '{"reason":"token-expired"}');
    await flush();
    expect(first.closed).toBe(true);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(FakeEventSource.latest()!.url).toBe('/api/realtime/sse?token=rt-2&lastEventId=41');
  });

  it('after an error reconnects by itself with back-off and a fresh token', async () => {
    const { client } = setup();
    client.start();
    await flush();
    FakeEventSource.latest()!.fail();
    expect(client.state).toBe('reconnecting');
    expect(FakeEventSource.instances.filter((i) => !i.closed)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeEventSource.latest()!.url).toBe('/api/realtime/sse?token=rt-2');
  });

  it('stops for good when a newer stream of the same user replaced it (`event: closed`)', async () => {
    const { client, getToken } = setup();
    client.start();
    await flush();
    FakeEventSource.latest()!.event('closed', '{"reason":"too-many-streams"}');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.state).toBe('replaced');
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it('retries when the token cannot be had, and stop() ends everything', async () => {
    const getToken = vi.fn().mockRejectedValueOnce(new Error('503')).mockResolvedValue('rt-ok');
    const client = new RealtimeClient({ getToken, EventSourceImpl: FakeEventSource as unknown as typeof EventSource });
    client.start();
    await flush();
    expect(FakeEventSource.instances).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeEventSource.latest()!.url).toBe('/api/realtime/sse?token=rt-ok');
    client.stop();
    expect(FakeEventSource.instances.every((i) => i.closed)).toBe(true);
    expect(client.state).toBe('stopped');
  });
});
