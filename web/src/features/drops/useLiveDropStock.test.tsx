import { QueryClient, QueryClientProvider, type InfiniteData } from '@tanstack/react-query';
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Drop, Page } from '../../api/types';
import { qk } from '../../lib/queryKeys';
import { LIST_POLL_WHILE_LIVE_MS } from './DropList';
import { graphqlWsUrl, liveClient, retryDelayMs } from '../../realtime/graphqlWs';
import { aDrop } from '../../test/fixtures';
import { FakeGraphQLClient } from '../../test/graphqlWs';
import { fakeFetch, json, type FakeFetch } from '../../test/http';
import { renderApp, type RenderedApp } from '../../test/render';
import {
  CONNECTING_POLL_MS,
  DROP_UPDATES,
  RESUBSCRIBE_MS,
  applyDropUpdate,
  restDropStatus,
  useLiveDropStock,
  withLiveStock,
} from './useLiveDropStock';

const ws = () => FakeGraphQLClient.latest();

/** A query's current REST poll interval, as TanStack Query computes it for its observer. */
function pollInterval(app: RenderedApp, queryKey: readonly unknown[]): number | false | undefined {
  const query = app.queryClient.getQueryCache().find({ queryKey, exact: true })!;
  const interval = query.observers[0]?.options.refetchInterval;
  return typeof interval === 'function' ? (interval(query as never) as number | false) : interval;
}

const dropPollInterval = (app: RenderedApp, dropId = 'd-1') => pollInterval(app, qk.drop(dropId));

describe('graphql-ws client', () => {
  it('derives the socket URL from the page: http → ws, https → wss, path /graphql', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/graphql');
    expect(graphqlWsUrl({ protocol: 'https:', host: 'shop.example' })).toBe('wss://shop.example/graphql');
  });

  it('is one lazy client for the whole app, created on first use', () => {
    expect(FakeGraphQLClient.instances).toHaveLength(0);
    const client = liveClient();
    expect(liveClient()).toBe(client);
    expect(FakeGraphQLClient.instances).toHaveLength(1);
    const { options } = ws();
    expect(options.lazy).toBe(true);
    expect(typeof options.url === 'function' ? options.url() : options.url).toBe(
      `ws://${window.location.host}/graphql`,
    );
    expect(options.retryAttempts).toBeGreaterThan(0);
  });

  it('backs off exponentially between reconnects, capped at 30 s', () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1000);
    expect(retryDelayMs(3, () => 1)).toBe(8000);
    expect(retryDelayMs(20, () => 1)).toBe(30_000);
  });
});

describe('applyDropUpdate', () => {
  function cacheWith(drop: Drop) {
    const queryClient = new QueryClient();
    queryClient.setQueryData(qk.drop(drop.id), drop);
    const list: InfiniteData<Page<Drop>> = {
      pages: [{ items: [aDrop({ id: 'd-0' }), drop], nextCursor: null }],
      pageParams: [null],
    };
    queryClient.setQueryData(qk.drops({ status: 'live' }), list);
    queryClient.setQueryData([...qk.followedDrops, 'live'], list);
    return queryClient;
  }

  it('maps the upper-case GraphQL status to REST’s and leaves unknown ones out', () => {
    expect(restDropStatus('UPCOMING')).toBe('upcoming');
    expect(restDropStatus('LIVE')).toBe('live');
    expect(restDropStatus('ENDED')).toBe('ended');
    expect(restDropStatus('live')).toBeNull();
    const queryClient = cacheWith(aDrop());
    expect(applyDropUpdate(queryClient, { id: 'd-1', status: 'PAUSED', available: 1, soldOut: false })).toBe(false);
    expect(queryClient.getQueryData<Drop>(qk.drop('d-1'))!.available).toBe(40);
  });

  it('updates the drop and every cached list showing it; lists are re-read only when the status changed', () => {
    const queryClient = cacheWith(aDrop());
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    expect(applyDropUpdate(queryClient, { id: 'd-1', status: 'LIVE', available: 0, soldOut: true })).toBe(false);
    expect(queryClient.getQueryData<Drop>(qk.drop('d-1'))).toMatchObject({
      available: 0,
      soldOut: true,
      status: 'live',
    });
    for (const key of [qk.drops({ status: 'live' }), [...qk.followedDrops, 'live']]) {
      const items = queryClient.getQueryData<InfiniteData<Page<Drop>>>(key)!.pages[0].items;
      expect(items[1]).toMatchObject({ id: 'd-1', available: 0, soldOut: true });
      expect(items[0]).toMatchObject({ id: 'd-0', available: 40, soldOut: false });
    }
    expect(invalidate).not.toHaveBeenCalled();

    const before = queryClient.getQueryData(qk.drops({ status: 'live' }));
    applyDropUpdate(queryClient, { id: 'd-1', status: 'LIVE', available: 0, soldOut: true });
    expect(queryClient.getQueryData(qk.drops({ status: 'live' }))).toBe(before); // nothing new: same object

    expect(applyDropUpdate(queryClient, { id: 'd-1', status: 'ENDED', available: 0, soldOut: true })).toBe(true);
    expect(queryClient.getQueryData<Drop>(qk.drop('d-1'))!.status).toBe('ended');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: qk.allDrops });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: qk.followedDrops });
  });

  it('polls as a fallback only: none while live, ≥ 15 s while connecting, the REST pace otherwise', () => {
    expect(withLiveStock(3000, 'live')).toBe(false);
    expect(withLiveStock(3000, 'connecting')).toBe(CONNECTING_POLL_MS);
    expect(withLiveStock(60_000, 'connecting')).toBe(60_000);
    expect(withLiveStock(3000, 'down')).toBe(3000);
    expect(withLiveStock(1000, 'off')).toBe(1000);
    expect(withLiveStock(false, 'down')).toBe(false);
  });
});

describe('useLiveDropStock', () => {
  beforeEach(() => {
    FakeGraphQLClient.mode = 'manual';
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function wrapper() {
    const queryClient = new QueryClient();
    queryClient.setQueryData(qk.drop('d-1'), aDrop());
    const Wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    return { queryClient, Wrapper };
  }

  it('subscribes while enabled, writes every message into the cache and unsubscribes on unmount', () => {
    const { queryClient, Wrapper } = wrapper();
    const { result, rerender, unmount } = renderHook(({ on }) => useLiveDropStock('d-1', on), {
      wrapper: Wrapper,
      initialProps: { on: false },
    });
    expect(result.current).toBe('off');
    expect(FakeGraphQLClient.instances).toHaveLength(0); // lazy: no client before the first subscription

    rerender({ on: true });
    expect(result.current).toBe('connecting');
    const [sub] = ws().active('d-1');
    expect(sub.payload).toEqual({ query: DROP_UPDATES, variables: { id: 'd-1' } });

    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 7, soldOut: false }));
    expect(result.current).toBe('live');
    expect(queryClient.getQueryData<Drop>(qk.drop('d-1'))).toMatchObject({ available: 7, status: 'live' });
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 0, soldOut: true }));
    expect(queryClient.getQueryData<Drop>(qk.drop('d-1'))).toMatchObject({ available: 0, soldOut: true });

    unmount();
    expect(sub.active).toBe(false);
    expect(ws().active()).toHaveLength(0);
  });

  it('is down while the socket is lost and live again when the state comes after the reconnect', () => {
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useLiveDropStock('d-1', true), { wrapper: Wrapper });
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 7, soldOut: false }));
    expect(result.current).toBe('live');
    act(() => ws().emit('closed', { code: 1006, reason: '' }));
    expect(result.current).toBe('down');
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 6, soldOut: false }));
    expect(result.current).toBe('live');
    // a message with errors only: keep listening, but poll meanwhile
    act(() => ws().push('d-1', null, [{ message: 'SERVICE_UNAVAILABLE' }]));
    expect(result.current).toBe('down');
  });

  it('after an error subscribes again 30 s later', () => {
    vi.useFakeTimers();
    const { Wrapper } = wrapper();
    const { result, unmount } = renderHook(() => useLiveDropStock('d-1', true), { wrapper: Wrapper });
    act(() => ws().fail('d-1'));
    expect(result.current).toBe('down');
    expect(ws().active('d-1')).toHaveLength(0);
    act(() => vi.advanceTimersByTime(RESUBSCRIBE_MS - 1));
    expect(ws().active('d-1')).toHaveLength(0);
    act(() => vi.advanceTimersByTime(1));
    expect(ws().active('d-1')).toHaveLength(1);
    expect(result.current).toBe('connecting');
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 5, soldOut: false }));
    expect(result.current).toBe('live');
    unmount();
    expect(ws().active('d-1')).toHaveLength(0);
  });
});

describe('live stock on the pages', () => {
  let http: FakeFetch;
  beforeEach(() => {
    FakeGraphQLClient.mode = 'manual';
    http = fakeFetch({ 'GET /api/drops/d-1': () => json(200, aDrop({ available: 2, initialStock: 2 })) });
  });

  async function openDropPage() {
    const app = renderApp(http, { route: '/drops/d-1', signedIn: true });
    await screen.findByRole('heading', { level: 1, name: 'Neon Hoodie' });
    await waitFor(() => expect(ws().active('d-1')).toHaveLength(1));
    return app;
  }

  it('the drop page’s stock bar, badge and buy panel follow the messages without a re-read', async () => {
    const app = await openDropPage();
    expect(screen.getByTestId('stock-bar')).toHaveTextContent('2 of 2 left');
    expect(await screen.findByRole('button', { name: 'Buy now' })).toBeEnabled();
    expect(dropPollInterval(app)).toBe(CONNECTING_POLL_MS); // connecting: slow polling
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 2, soldOut: false }));
    expect(dropPollInterval(app)).toBe(false); // live: no polling
    const reads = http.sent('GET /api/drops/d-1').length;

    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 1, soldOut: false }));
    expect(await screen.findByText('1 of 2 left')).toBeInTheDocument();
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 0, soldOut: true }));
    expect(await within(screen.getByTestId('stock-bar')).findByText('Sold out')).toBeInTheDocument();
    expect(screen.getByText('Sold out', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Buy now' })).toBeDisabled();
    expect(http.sent('GET /api/drops/d-1')).toHaveLength(reads);
  });

  it('an upcoming drop page turns live on the LIVE message', async () => {
    http.route('GET /api/drops/d-1', () =>
      json(200, aDrop({ status: 'upcoming', startsAt: new Date(Date.now() + 30_000).toISOString() })),
    );
    renderApp(http, { route: '/drops/d-1' });
    expect(await screen.findByText('Upcoming')).toBeInTheDocument();
    await waitFor(() => expect(ws().active('d-1')).toHaveLength(1));
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 100, soldOut: false }));
    expect(await screen.findByText('Live', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByTestId('stock-bar')).toHaveTextContent('100 of 100 left');
  });

  it('falls back to the old polling when the subscription errors or the socket is lost', async () => {
    const app = await openDropPage();
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 2, soldOut: false }));
    expect(dropPollInterval(app)).toBe(false);
    act(() => ws().emit('closed', { code: 1006, reason: '' }));
    expect(dropPollInterval(app)).toBe(3000); // the REST pace without the SSE stream
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 2, soldOut: false }));
    expect(dropPollInterval(app)).toBe(false);
    act(() => ws().fail('d-1'));
    expect(dropPollInterval(app)).toBe(3000);
  });

  it('the console live view stops its 1 s polling while live and resumes it on an error', async () => {
    http = fakeFetch({ 'GET /api/drops/d-1': () => json(200, aDrop({ available: 60 })) });
    renderApp(http, { route: '/console/drops/d-1', signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Live view: Neon Hoodie' })).toBeInTheDocument();
    await waitFor(() => expect(ws().active('d-1')).toHaveLength(1));
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 50, soldOut: false }));
    expect(await screen.findByTestId('stat-available')).toHaveTextContent('50');
    const reads = http.sent('GET /api/drops/d-1').length;
    await new Promise((r) => setTimeout(r, 1300));
    expect(http.sent('GET /api/drops/d-1')).toHaveLength(reads);
    act(() => ws().fail('d-1'));
    await waitFor(() => expect(http.sent('GET /api/drops/d-1').length).toBeGreaterThan(reads), { timeout: 2500 });
    await waitFor(() => expect(screen.getByTestId('stat-available')).toHaveTextContent('60'));
  });

  it('unsubscribes when the page is left, and never subscribes to an ended drop', async () => {
    const app = await openDropPage();
    const [sub] = ws().active('d-1');
    await act(() => app.router.navigate('/orders-not-here'));
    expect(sub.active).toBe(false);

    http.route('GET /api/drops/d-2', () => json(200, aDrop({ id: 'd-2', status: 'ended' })));
    await act(() => app.router.navigate('/drops/d-2'));
    expect(await screen.findByText(/^Ended /)).toBeInTheDocument();
    expect(ws().active('d-2')).toHaveLength(0);
  });

  it('home: live cards and cards about to start subscribe; a start moves the drop to "Live now"', async () => {
    const soon = aDrop({
      id: 'd-2',
      status: 'upcoming',
      startsAt: new Date(Date.now() + 20_000).toISOString(),
      product: { id: 'p-2', title: 'Glow Cap', priceCents: 1500, currency: 'EUR', imageUrl: null },
    });
    const later = aDrop({
      id: 'd-3',
      status: 'upcoming',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      product: { id: 'p-3', title: 'Later Tee', priceCents: 1500, currency: 'EUR', imageUrl: null },
    });
    let started = false;
    http.route('GET /api/drops', (req) =>
      req.url.searchParams.get('status') === 'upcoming'
        ? json(200, { items: started ? [later] : [soon, later], nextCursor: null })
        : json(200, {
            items: started ? [aDrop(), { ...soon, status: 'live' }] : [aDrop()],
            nextCursor: null,
          }),
    );
    const app = renderApp(http, { route: '/' });
    const live = await screen.findByRole('region', { name: 'Live now' });
    const upcoming = screen.getByRole('region', { name: 'Coming up' });
    await within(live).findByRole('link', { name: 'Neon Hoodie' });
    await within(upcoming).findByRole('link', { name: 'Glow Cap' });
    await waitFor(() => expect(ws().active('d-1')).toHaveLength(1));
    expect(ws().active('d-2')).toHaveLength(1);
    expect(ws().active('d-3')).toHaveLength(0); // starts in an hour: no subscription yet

    const liveList = qk.drops({ status: 'live' });
    expect(pollInterval(app, liveList)).toBe(5000); // subscriptions still connecting
    act(() => ws().push('d-1', { id: 'd-1', status: 'LIVE', available: 3, soldOut: false }));
    expect(await within(live).findByText('3 of 100 left')).toBeInTheDocument();
    act(() => ws().push('d-2', { id: 'd-2', status: 'UPCOMING', available: 100, soldOut: false }));
    await waitFor(() => expect(pollInterval(app, liveList)).toBe(LIST_POLL_WHILE_LIVE_MS)); // all deliver: slower
    act(() => ws().emit('closed', { code: 1006, reason: '' }));
    await waitFor(() => expect(pollInterval(app, liveList)).toBe(5000)); // socket lost: the old pace

    started = true;
    act(() => ws().push('d-2', { id: 'd-2', status: 'LIVE', available: 100, soldOut: false }));
    await within(live).findByRole('link', { name: 'Glow Cap' });
    await waitFor(() => expect(within(upcoming).queryByRole('link', { name: 'Glow Cap' })).not.toBeInTheDocument());
    expect(within(upcoming).getByRole('link', { name: 'Later Tee' })).toBeInTheDocument();
  });
});
