import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, noContent, problem } from '../test/http';
import { ApiClient, withQuery, type LockRunner } from './client';
import { createEndpoints } from './endpoints';
import { newAttempt } from './idempotency';
import { ApiProblem } from './problem';
import { TokenStore } from './tokens';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

function pair(n: number) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn: 900 };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A server whose access tokens are valid only if they equal `valid`. */
function protectedServer(http: ReturnType<typeof fakeFetch>, valid: () => string) {
  http.route('GET /api/orders', (req) =>
    req.headers.get('Authorization') === `Bearer ${valid()}`
      ? json(200, { items: [], nextCursor: null })
      : problem(401, 'UNAUTHENTICATED'),
  );
}

function setup() {
  const http = fakeFetch();
  const tokens = new TokenStore(memoryStorage());
  const client = new ApiClient({ tokens, fetchImpl: http.fetch });
  return { http, tokens, client, api: createEndpoints(client) };
}

describe('ApiClient', () => {
  it('sends JSON with the bearer token and parses the answer', async () => {
    const { http, tokens, client } = setup();
    tokens.set(pair(1));
    http.route('POST /api/follows', () => json(201, { creatorId: 'c-1', userId: 'u-1', followedAt: 'x' }));
    const edge = await client.post('/api/follows', { creatorId: 'c-1' });
    expect(edge).toEqual({ creatorId: 'c-1', userId: 'u-1', followedAt: 'x' });
    const [req] = http.sent('POST /api/follows');
    expect(req.headers.get('Authorization')).toBe('Bearer access-1');
    expect(req.headers.get('Content-Type')).toBe('application/json');
    expect(req.body).toEqual({ creatorId: 'c-1' });
  });

  it('answers undefined for 204 and throws ApiProblem for errors', async () => {
    const { http, tokens, api } = setup();
    tokens.set(pair(1));
    http.route('DELETE /api/follows/c-1', () => noContent());
    await expect(api.follows.unfollow('c-1')).resolves.toBeUndefined();
    http.route('POST /api/follows', () => problem(422, 'CANNOT_FOLLOW_SELF'));
    await expect(api.follows.follow('u-1')).rejects.toMatchObject({ status: 422, code: 'CANNOT_FOLLOW_SELF' });
  });

  it('turns a network failure into NETWORK_ERROR', async () => {
    const tokens = new TokenStore(memoryStorage());
    const client = new ApiClient({
      tokens,
      fetchImpl: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch,
    });
    await expect(client.get('/api/drops')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('refreshes once on 401 and retries the request with the new token', async () => {
    const { http, tokens, api } = setup();
    tokens.set(pair(1));
    let valid = 'access-2';
    protectedServer(http, () => valid);
    http.route('POST /api/auth/refresh', (req) => {
      expect(req.body).toEqual({ refreshToken: 'refresh-1' });
      valid = 'access-2';
      return json(200, pair(2));
    });
    await expect(api.orders.list()).resolves.toEqual({ items: [], nextCursor: null });
    expect(http.sent('POST /api/auth/refresh')).toHaveLength(1);
    const tries = http.sent('GET /api/orders');
    expect(tries.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(tokens.accessToken).toBe('access-2');
    expect(tokens.refreshToken).toBe('refresh-2');
  });

  it('serializes refreshes: concurrent 401s share one refresh (refresh tokens are single-use)', async () => {
    const { http, tokens, api } = setup();
    tokens.set(pair(1));
    protectedServer(http, () => 'access-2');
    const gate = deferred<void>();
    const used = new Set<string>();
    http.route('POST /api/auth/refresh', async (req) => {
      const { refreshToken } = req.body as { refreshToken: string };
      if (used.has(refreshToken)) return problem(401, 'REFRESH_TOKEN_REUSED');
      used.add(refreshToken);
      await gate.promise;
      return json(200, pair(2));
    });

    const calls = Promise.all([api.orders.list(), api.orders.list(), api.orders.list()]);
    await vi.waitFor(() => expect(http.sent('POST /api/auth/refresh')).toHaveLength(1));
    gate.resolve();
    await expect(calls).resolves.toHaveLength(3);
    expect(http.sent('POST /api/auth/refresh')).toHaveLength(1);
    expect(tokens.refreshToken).toBe('refresh-2');
  });

  it('does not refresh again for a 401 to a request sent with a token that was already replaced', async () => {
    const { http, tokens, api } = setup();
    tokens.set(pair(1));
    const firstAnswer = deferred<Response>();
    let n = 0;
    http.route('GET /api/orders', (req) => {
      n++;
      if (n === 1) return firstAnswer.promise; // the slow request, sent with access-1
      return req.headers.get('Authorization') === 'Bearer access-2'
        ? json(200, { items: [], nextCursor: null })
        : problem(401, 'UNAUTHENTICATED');
    });
    http.route('POST /api/auth/refresh', () => json(200, pair(2)));

    const slow = api.orders.list();
    // the fast one: 401 → refresh → retry with access-2; only then the slow one's 401 arrives
    await api.orders.list();
    firstAnswer.resolve(problem(401, 'UNAUTHENTICATED'));
    await expect(slow).resolves.toEqual({ items: [], nextCursor: null });
    expect(http.sent('POST /api/auth/refresh')).toHaveLength(1);
    expect(http.sent('GET /api/orders').at(-1)!.headers.get('Authorization')).toBe('Bearer access-2');
  });

  it('ends the session when the refresh is refused, and reports the original 401', async () => {
    const { http, tokens, client, api } = setup();
    tokens.set(pair(1));
    protectedServer(http, () => 'never');
    http.route('POST /api/auth/refresh', () => problem(401, 'REFRESH_TOKEN_REUSED'));
    const ended = vi.fn();
    client.onSessionEnded(ended);
    await expect(api.orders.list()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ended.mock.calls[0][0]).toBeInstanceOf(ApiProblem);
    expect(ended.mock.calls[0][0].code).toBe('REFRESH_TOKEN_REUSED');
    expect(tokens.accessToken).toBeNull();
    expect(tokens.refreshToken).toBeNull();
  });

  it('keeps the session when the refresh fails because the service is overloaded', async () => {
    const { http, tokens, api } = setup();
    tokens.set(pair(1));
    protectedServer(http, () => 'access-2');
    http.route('POST /api/auth/refresh', () => problem(503, 'SERVICE_UNAVAILABLE', { 'Retry-After': '2' }));
    await expect(api.orders.list()).rejects.toMatchObject({ status: 503, retryAfterSeconds: 2 });
    expect(tokens.refreshToken).toBe('refresh-1');
  });

  it('never refreshes for the sign-in endpoints themselves', async () => {
    const { http, tokens, api } = setup();
    tokens.set(pair(1));
    http.route('POST /api/auth/login', () => problem(401, 'INVALID_CREDENTIALS'));
    await expect(api.auth.login({ email: 'a@b.c', password: 'wrongwrong' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(http.sent('POST /api/auth/refresh')).toHaveLength(0);
    expect(http.sent('POST /api/auth/login')[0].headers.get('Authorization')).toBeNull();
  });

  it('restores a session from the stored refresh token, reading it inside the cross-tab lock', async () => {
    const http = fakeFetch();
    const storage = memoryStorage();
    storage.setItem('livedrop.refreshToken', 'refresh-1');
    const lock = vi.fn(<T>(_name: string, task: () => Promise<T>) => {
      // another tab rotated the token while this one waited for the lock
      storage.setItem('livedrop.refreshToken', 'refresh-from-other-tab');
      return task();
    });
    const client = new ApiClient({
      tokens: new TokenStore(storage),
      fetchImpl: http.fetch,
      lock: lock as unknown as LockRunner,
    });
    http.route('POST /api/auth/refresh', () => json(200, pair(3)));
    await expect(client.restoreSession()).resolves.toBe('access-3');
    expect(lock).toHaveBeenCalledWith('livedrop-token-refresh', expect.any(Function));
    expect(http.sent('POST /api/auth/refresh')[0].body).toEqual({ refreshToken: 'refresh-from-other-tab' });
    expect(storage.getItem('livedrop.refreshToken')).toBe('refresh-3');
  });
});

describe('restoring a session on page load', () => {
  /** An unsigned JWT-shaped token whose payload carries `exp`; the client only reads the expiry. */
  function jwtExpiringIn(ms: number): string {
    const payload = btoa(JSON.stringify({ exp: Math.floor((Date.now() + ms) / 1000) }))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    return `header.${payload}.signature`;
  }

  it("reuses this tab's unexpired access token without spending the refresh token", async () => {
    const storage = memoryStorage();
    const tab = memoryStorage();
    const http = fakeFetch();
    const access = jwtExpiringIn(10 * 60_000);
    new TokenStore(storage, tab).set({ accessToken: access, refreshToken: 'refresh-1' });

    const reloaded = new ApiClient({ tokens: new TokenStore(storage, tab), fetchImpl: http.fetch });

    await expect(reloaded.restoreSession()).resolves.toBe(access);
    expect(http.sent('POST /api/auth/refresh')).toHaveLength(0);
  });

  it('refreshes when the stored access token is about to expire', async () => {
    const storage = memoryStorage();
    const tab = memoryStorage();
    const http = fakeFetch();
    new TokenStore(storage, tab).set({ accessToken: jwtExpiringIn(10_000), refreshToken: 'refresh-1' });
    http.route('POST /api/auth/refresh', () => json(200, pair(2)));

    const reloaded = new ApiClient({ tokens: new TokenStore(storage, tab), fetchImpl: http.fetch });

    await expect(reloaded.restoreSession()).resolves.toBe('access-2');
    expect(http.sent('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('forgets the access token with the session', () => {
    const tab = memoryStorage();
    const tokens = new TokenStore(memoryStorage(), tab);
    tokens.set({ accessToken: jwtExpiringIn(10 * 60_000), refreshToken: 'refresh-1' });

    tokens.clear();

    expect(tab.getItem('livedrop.accessToken')).toBeNull();
  });
});

describe('idempotent requests', () => {
  it('sends the attempt key on every retry of one attempt and a new key for a new attempt', async () => {
    const { http, tokens, api } = setup();
    tokens.set(pair(1));
    http.route('POST /api/orders', [
      () => problem(503, 'SERVICE_UNAVAILABLE', { 'Retry-After': '1' }),
      () => json(201, { id: 'o-1' }),
    ]);
    const attempt = newAttempt({ dropId: 'd-1', quantity: 1 });
    await expect(api.orders.create(attempt)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(api.orders.create(attempt)).resolves.toEqual({ id: 'o-1' });
    const second = newAttempt({ dropId: 'd-1', quantity: 1 });
    await api.orders.create(second, 'adm-1');
    const keys = http.sent('POST /api/orders').map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[0]).toBe(attempt.key);
    expect(keys[1]).toBe(attempt.key);
    expect(keys[2]).toBe(second.key);
    expect(second.key).not.toBe(attempt.key);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(http.sent('POST /api/orders')[2].headers.get('X-Admission-Token')).toBe('adm-1');
    expect(http.sent('POST /api/orders')[0].headers.get('X-Admission-Token')).toBeNull();
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/api/drops', { status: 'live', cursor: null, creatorId: undefined, followed: true })).toBe(
      '/api/drops?status=live&followed=true',
    );
    expect(withQuery('/api/follows/check', { creatorId: 'a b&c' })).toBe('/api/follows/check?creatorId=a+b%26c');
    expect(withQuery('/api/orders', {})).toBe('/api/orders');
  });
});
