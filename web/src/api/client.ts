import { ApiProblem, networkProblem, problemFromResponse } from './problem';
import { TokenStore } from './tokens';
import type { TokenPair } from './types';

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  query?: Query;
  /** Send the access token (and refresh it on 401). Default true; false for the auth endpoints. */
  auth?: boolean;
  signal?: AbortSignal;
}

/** Something that runs a task while no other tab runs one under the same name (Web Locks). */
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

function browserLock(): LockRunner | undefined {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || typeof locks.request !== 'function') return undefined;
  return <T>(name: string, task: () => Promise<T>) => locks.request(name, task) as Promise<T>;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export interface ApiClientOptions {
  tokens?: TokenStore;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  lock?: LockRunner;
}

/**
 * The one way the app talks to the gateway: JSON in and out, problem+json errors as ApiProblem,
 * the bearer token attached, and a silent refresh on 401.
 *
 * Refresh tokens are single-use (a reused one revokes the whole session), so refreshes are
 * serialized: concurrent 401s share one in-flight refresh, a request whose token was already
 * replaced just retries with the new one, and across tabs the refresh runs under a Web Lock and
 * reads the refresh token from storage inside it.
 */
export class ApiClient {
  readonly tokens: TokenStore;
  private readonly baseUrl: string;
  private readonly fetchImpl?: typeof fetch;
  private readonly lock?: LockRunner;
  private refreshInFlight: Promise<string | null> | null = null;
  private sessionListeners = new Set<(reason: ApiProblem) => void>();

  constructor(options: ApiClientOptions = {}) {
    this.tokens = options.tokens ?? new TokenStore();
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetchImpl;
    this.lock = options.lock ?? browserLock();
  }

  /** Called when the session ends without the user asking (refresh refused). */
  onSessionEnded(listener: (reason: ApiProblem) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, options);
  }
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, { ...options, body });
  }
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }
  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, options);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    return (await readBody(response)) as T;
  }

  /** Like request, but also hands back the response (for headers such as Idempotent-Replayed). */
  async exchange<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<{ data: T; response: Response }> {
    const response = await this.send(method, path, options);
    return { data: (await readBody(response)) as T, response };
  }

  /** A request outside the API (a presigned upload URL): no token, no JSON, no problem parsing. */
  fetchExternal(url: string, init: RequestInit): Promise<Response> {
    const doFetch = this.fetchImpl ?? globalThis.fetch.bind(globalThis);
    return doFetch(url, init);
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const useAuth = options.auth !== false;
    const token = useAuth ? this.tokens.accessToken : null;
    let response = await this.fetchOnce(method, path, options, token);
    if (response.status === 401 && useAuth && (token !== null || this.tokens.refreshToken !== null)) {
      const fresh = await this.freshAccessToken(token);
      if (fresh) response = await this.fetchOnce(method, path, options, fresh);
    }
    if (!response.ok) throw await problemFromResponse(response);
    return response;
  }

  private async fetchOnce(
    method: string,
    path: string,
    options: RequestOptions,
    token: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    Object.assign(headers, options.headers);
    const doFetch = this.fetchImpl ?? globalThis.fetch.bind(globalThis);
    try {
      return await doFetch(this.baseUrl + withQuery(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        // Flash-sale data goes stale in seconds: always revalidate (a 304 is cheap).
        cache: method === 'GET' ? 'no-cache' : 'no-store',
        credentials: 'same-origin',
      });
    } catch (e) {
      throw networkProblem(e);
    }
  }

  /**
   * An access token newer than `staleToken`: the current one if another request already refreshed,
   * otherwise the result of the one shared refresh. null when the session is over.
   */
  freshAccessToken(staleToken: string | null): Promise<string | null> {
    const current = this.tokens.accessToken;
    if (current !== null && current !== staleToken) return Promise.resolve(current);
    if (!this.refreshInFlight) {
      const run = () => this.refresh();
      const task = this.lock ? this.lock('livedrop-token-refresh', run) : run();
      this.refreshInFlight = task.finally(() => {
        this.refreshInFlight = null;
      });
    }
    return this.refreshInFlight;
  }

  /**
   * Starts a session on page load: this tab's unexpired access token if it has one (no network call,
   * the refresh token is not spent), else a refresh with the stored refresh token.
   */
  restoreSession(): Promise<string | null> {
    if (this.tokens.refreshToken === null) return Promise.resolve(null);
    if (this.tokens.accessToken !== null) return Promise.resolve(this.tokens.accessToken);
    return this.freshAccessToken(null);
  }

  private async refresh(): Promise<string | null> {
    const refreshToken = this.tokens.refreshToken; // read inside the lock: another tab may have rotated it
    if (refreshToken === null) return null;
    const response = await this.fetchOnce('POST', '/api/auth/refresh', { body: { refreshToken } }, null);
    if (response.ok) {
      const pair = (await response.json()) as TokenPair;
      this.tokens.set(pair);
      return pair.accessToken;
    }
    const problem = await problemFromResponse(response);
    if (response.status === 401 || response.status === 400) {
      this.endSession(problem);
      return null;
    }
    throw problem; // overload or outage: keep the session, the caller sees the problem
  }

  /** Stores a new session (login, register). */
  startSession(pair: TokenPair): void {
    this.tokens.set(pair);
  }

  /** Forgets the session locally (logout) without telling the listeners. */
  clearSession(): void {
    this.tokens.clear();
  }

  private endSession(reason: ApiProblem): void {
    this.tokens.clear();
    for (const listener of this.sessionListeners) listener(reason);
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
