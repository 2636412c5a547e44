import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Drop, DropStatus } from '../../api/types';
import { qk } from '../../lib/queryKeys';
import { liveClient } from '../../realtime/graphqlWs';

/** The gateway's public subscription: the drop now, then one message per change (stock, sell-out, start, end). */
export const DROP_UPDATES =
  'subscription DropUpdates($id: ID!) { dropUpdates(dropId: $id) { id status available soldOut } }';

/** One `dropUpdates` message; GraphQL's status enum is upper case (REST's is lower case). */
export interface DropUpdate {
  id: string;
  status: string;
  available: number;
  soldOut: boolean;
}

/**
 * - `off`: not subscribed;
 * - `connecting`: subscribed, no message yet;
 * - `live`: messages arrive (the socket is open and the drop's state came through it);
 * - `down`: the subscription failed or the socket was lost (reconnecting, or trying again later).
 */
export type LiveStockState = 'off' | 'connecting' | 'live' | 'down';

/** After an error (or the server ending the stream) subscribe again this much later; polling covers the gap. */
export const RESUBSCRIBE_MS = 30_000;
/** While the first message is awaited, polling slows to this pace rather than stopping. */
export const CONNECTING_POLL_MS = 15_000;

const STATUS: Record<string, DropStatus> = { UPCOMING: 'upcoming', LIVE: 'live', ENDED: 'ended' };

/** GraphQL's `UPCOMING` / `LIVE` / `ENDED` as REST's `upcoming` / `live` / `ended`; null for anything else. */
export function restDropStatus(status: string): DropStatus | null {
  return STATUS[status] ?? null;
}

/**
 * A REST poll interval under a subscription: none while it delivers, a slow one (≥ 15 s) while it
 * connects, the REST interval when it is off or down.
 */
export function withLiveStock(restInterval: number | false, state: LiveStockState): number | false {
  if (state === 'live') return false;
  if (state === 'connecting' && restInterval !== false) return Math.max(restInterval, CONNECTING_POLL_MS);
  return restInterval;
}

function patch(drop: Drop, update: DropUpdate, status: DropStatus): Drop {
  if (drop.id !== update.id) return drop;
  if (drop.available === update.available && drop.soldOut === update.soldOut && drop.status === status) return drop;
  return { ...drop, available: update.available, soldOut: update.soldOut, status };
}

/** Patches a cached list of drops (an infinite query's pages, or one page); the same object when unchanged. */
function patchList(data: unknown, update: DropUpdate, status: DropStatus, seen: { from: DropStatus[] }): unknown {
  const patchItems = (items: Drop[]) => {
    let changed = false;
    const next = items.map((d) => {
      if (d.id === update.id) seen.from.push(d.status);
      const p = patch(d, update, status);
      if (p !== d) changed = true;
      return p;
    });
    return changed ? next : items;
  };
  if (!data || typeof data !== 'object') return data;
  if ('pages' in data && Array.isArray(data.pages)) {
    let changed = false;
    const pages = (data.pages as { items: Drop[] }[]).map((page) => {
      const items = Array.isArray(page?.items) ? patchItems(page.items) : page?.items;
      if (items === page?.items) return page;
      changed = true;
      return { ...page, items };
    });
    return changed ? { ...data, pages } : data;
  }
  if ('items' in data && Array.isArray(data.items)) {
    const items = patchItems(data.items as Drop[]);
    return items === data.items ? data : { ...data, items };
  }
  return data;
}

/**
 * Writes one subscription message into the query cache: the drop itself (drop page, buy panel,
 * console live view) and every cached list that shows it (home, creator pages). A changed status
 * also means the lists' membership changed ("Coming up" → "Live now", live → ended), so they are
 * re-read. Answers whether the status changed anywhere.
 */
export function applyDropUpdate(queryClient: QueryClient, update: DropUpdate): boolean {
  const status = restDropStatus(update.status);
  if (!status || typeof update.available !== 'number' || typeof update.soldOut !== 'boolean') return false;
  const seen = { from: [] as DropStatus[] };
  queryClient.setQueryData<Drop>(qk.drop(update.id), (old) => {
    if (!old) return old;
    seen.from.push(old.status);
    return patch(old, update, status);
  });
  for (const queryKey of [qk.allDrops, qk.followedDrops]) {
    queryClient.setQueriesData({ queryKey }, (data: unknown) => patchList(data, update, status, seen));
  }
  const statusChanged = seen.from.some((s) => s !== status);
  if (statusChanged) {
    void queryClient.invalidateQueries({ queryKey: qk.allDrops });
    void queryClient.invalidateQueries({ queryKey: qk.followedDrops });
  }
  return statusChanged;
}

// --- how all subscriptions of the page are doing (lists slow their polling when every one delivers) ---

const states = new Map<symbol, LiveStockState>();
const storeListeners = new Set<() => void>();

function report(key: symbol, state: LiveStockState | null) {
  if (state === null || state === 'off') states.delete(key);
  else states.set(key, state);
  for (const l of storeListeners) l();
}

function allLive(): boolean {
  if (states.size === 0) return false;
  for (const s of states.values()) if (s !== 'live') return false;
  return true;
}

function subscribeStore(listener: () => void) {
  storeListeners.add(listener);
  return () => storeListeners.delete(listener);
}

/** Whether the page has live-stock subscriptions and every one of them is delivering. */
export function useAllLiveStockLive(): boolean {
  return useSyncExternalStore(subscribeStore, allLive, () => false);
}

/**
 * Subscribes to `dropUpdates` of one drop while `enabled` (unsubscribes on unmount or when disabled)
 * and writes every message into the query cache ({@link applyDropUpdate}), so the stock bar, the
 * sold-out state and the buy panel change as soon as the gateway hears of it. Answers the
 * subscription's state, for the caller's fallback polling ({@link withLiveStock}): the shared socket
 * reconnects by itself (then the drop's state comes again); after an error it subscribes again
 * {@link RESUBSCRIBE_MS} later.
 */
export function useLiveDropStock(dropId: string, enabled: boolean): LiveStockState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveStockState>('off');
  const [attempt, setAttempt] = useState(0);
  const active = enabled && dropId !== '';

  useEffect(() => {
    if (!active) {
      setState('off');
      return;
    }
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const update = (s: LiveStockState) => {
      if (!closed) setState(s);
    };
    const giveUpForNow = () => {
      update('down');
      if (!closed && retry === undefined) retry = setTimeout(() => setAttempt((a) => a + 1), RESUBSCRIBE_MS);
    };
    update('connecting');
    const client = liveClient();
    // The shared socket went away: no messages until it is back (it re-subscribes, and the drop's state comes first).
    const offClosed = client.on('closed', () => update('down'));
    const unsubscribe = client.subscribe<{ dropUpdates: DropUpdate | null }>(
      { query: DROP_UPDATES, variables: { id: dropId } },
      {
        next: (result) => {
          if (closed) return;
          const drop = result.data?.dropUpdates;
          if (drop && restDropStatus(drop.status)) {
            applyDropUpdate(queryClient, drop);
            update('live');
          } else {
            update('down'); // a message with errors only: keep listening, poll meanwhile
          }
        },
        error: giveUpForNow,
        complete: giveUpForNow,
      },
    );
    return () => {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      offClosed();
      unsubscribe();
    };
  }, [active, dropId, queryClient, attempt]);

  const current = active ? state : 'off';
  useEffect(() => {
    const key = Symbol(dropId);
    report(key, current);
    return () => report(key, null);
  }, [current, dropId]);
  return current;
}
