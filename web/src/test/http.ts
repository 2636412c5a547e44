import { vi } from 'vitest';

export interface SentRequest {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type Handler = (req: SentRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function problem(
  status: number,
  code: string,
  headers: Record<string, string> = {},
  extra: object = {},
): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: code, status, detail: `detail of ${code}`, code, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/**
 * A fetch stand-in routing "METHOD /path" (path without query) to handlers; a list of handlers is
 * used one per call, the last one repeating. Unrouted requests answer 404 NOT_FOUND. Every request
 * is recorded in `requests`.
 */
export function fakeFetch(routes: Record<string, Handler | Handler[]> = {}) {
  const requests: SentRequest[] = [];
  const counts = new Map<string, number>();
  const table = { ...routes };
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    let body: unknown = init.body;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const req: SentRequest = { method, path: url.pathname, url, headers, body };
    requests.push(req);
    const key = `${method} ${url.pathname}`;
    const entry = table[key];
    if (!entry) return problem(404, 'NOT_FOUND');
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const handler = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)] : entry;
    return handler(req);
  });
  return {
    fetch: fn as unknown as typeof fetch,
    requests,
    route(key: string, handler: Handler | Handler[]) {
      table[key] = handler;
      counts.delete(key);
    },
    sent(key: string): SentRequest[] {
      return requests.filter((r) => `${r.method} ${r.path}` === key);
    },
  };
}

export type FakeFetch = ReturnType<typeof fakeFetch>;
