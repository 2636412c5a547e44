import { createClient, type Client } from 'graphql-ws';

/** The gateway's GraphQL WebSocket on the page's own origin: http → ws, https → wss, path /graphql. */
export function graphqlWsUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
  path = '/graphql',
): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/** Wait before reconnect attempt `retries` (0, 1, …): 1 s, 2 s, 4 s … capped at 30 s, minus up to half as jitter. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** retries);
  return base / 2 + random() * (base / 2);
}

/** Reconnects after a lost socket before the subscriptions error out (they then poll and try again later). */
export const RETRY_ATTEMPTS = 6;

let client: Client | null = null;

/**
 * The app's one GraphQL-over-WebSocket client (`graphql-transport-ws`), created on first use. Lazy:
 * the socket opens with the first subscription and closes a few seconds after the last one ends
 * (moving from one page to another keeps it). Public subscriptions only, so no connection params.
 */
export function liveClient(): Client {
  client ??= createClient({
    url: () => graphqlWsUrl(window.location),
    lazy: true,
    lazyCloseTimeout: 5_000,
    retryAttempts: RETRY_ATTEMPTS,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
  });
  return client;
}

/** Closes the shared client (tests; the next `liveClient()` creates a new one). */
export function disposeLiveClient(): void {
  const c = client;
  client = null;
  void c?.dispose();
}
