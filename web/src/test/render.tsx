import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { ApiClient } from '../api/client';
import { createApi, type Api } from '../api/context';
import { TokenStore } from '../api/tokens';
import type { RealtimeFrame } from '../api/types';
import { routes } from '../App';
import { AppProviders, createQueryClient } from '../AppProviders';
import { RealtimeClient } from '../realtime/RealtimeClient';
import { json, type FakeFetch } from './http';
import { USER } from './fixtures';

/** An EventSource stand-in that tests drive by hand. */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  private listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  closed = false;

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, l: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  frame(frame: RealtimeFrame) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame), lastEventId: frame.id }));
  }
  event(type: string, data: string) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
  static latest(): FakeEventSource | undefined {
    return FakeEventSource.instances.filter((i) => !i.closed).at(-1);
  }
  static reset() {
    FakeEventSource.instances = [];
  }
}

/** Routes a signed-in session needs: the refresh at page load, /users/me and a realtime token. */
export function signInRoutes(http: FakeFetch, user = USER) {
  http.route('POST /api/auth/refresh', () =>
    json(200, { user, accessToken: 'access-1', refreshToken: 'refresh-2', tokenType: 'Bearer', expiresIn: 900 }),
  );
  http.route('GET /api/users/me', () => json(200, user));
  http.route('GET /api/realtime/token', () => json(200, { token: 'rt-1', expiresIn: 300 }));
  http.route('GET /api/notifications', () => json(200, { items: [], nextCursor: null, unreadCount: 0 }));
}

export interface RenderAppOptions {
  route?: string;
  signedIn?: boolean;
  routes?: RouteObject[];
}

export interface RenderedApp extends RenderResult {
  api: Api;
  queryClient: QueryClient;
  router: ReturnType<typeof createMemoryRouter>;
}

/** Renders the real app (or given routes) at a URL, over a fake fetch. */
export function renderApp(http: FakeFetch, options: RenderAppOptions = {}): RenderedApp {
  const storage = new Map<string, string>();
  const memoryStorage = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
    clear: () => storage.clear(),
    key: () => null,
    length: 0,
  } as Storage;
  const tokens = new TokenStore(memoryStorage);
  if (options.signedIn) {
    memoryStorage.setItem('livedrop.refreshToken', 'refresh-1');
    signInRoutes(http);
  }
  const api = createApi(new ApiClient({ tokens, fetchImpl: http.fetch, lock: undefined }));
  const router = createMemoryRouter(options.routes ?? routes, { initialEntries: [options.route ?? '/'] });
  const factory = (getToken: () => Promise<string>) =>
    new RealtimeClient({ getToken, EventSourceImpl: FakeEventSource as unknown as typeof EventSource });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const result = render(
    <AppProviders api={api} queryClient={queryClient} realtimeFactory={factory}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, api, router, queryClient };
}
