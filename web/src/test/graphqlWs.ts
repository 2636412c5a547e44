import type { Client, ClientOptions, Sink, SubscribePayload } from 'graphql-ws';

/** One `client.subscribe` call of the fake client. */
export interface FakeSubscription {
  payload: SubscribePayload;
  sink: Sink;
  active: boolean;
}

/**
 * A stand-in for graphql-ws' client (the whole module is mocked in `setup.ts`). `offline` (the
 * default, so pages poll as without a server) fails every subscription at once; `manual` keeps them
 * open for the test to drive with `push`, `fail`, `close`.
 */
export class FakeGraphQLClient {
  static instances: FakeGraphQLClient[] = [];
  static mode: 'offline' | 'manual' = 'offline';

  readonly options: ClientOptions;
  readonly subscriptions: FakeSubscription[] = [];
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  disposed = false;

  constructor(options: ClientOptions) {
    this.options = options;
    FakeGraphQLClient.instances.push(this);
  }

  on(event: string, listener: (...args: unknown[]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  subscribe(payload: SubscribePayload, sink: Sink): () => void {
    const sub: FakeSubscription = { payload, sink, active: true };
    this.subscriptions.push(sub);
    if (FakeGraphQLClient.mode === 'offline') {
      queueMicrotask(() => {
        if (!sub.active) return;
        sub.active = false;
        sink.error(new Error('no GraphQL server in unit tests'));
      });
    }
    return () => {
      sub.active = false;
    };
  }

  dispose() {
    this.disposed = true;
    for (const s of this.subscriptions) s.active = false;
  }

  terminate() {}

  iterate(): never {
    throw new Error('not faked');
  }

  // --- driving it from a test ---

  /** Open subscriptions to one drop's updates. */
  active(dropId?: string): FakeSubscription[] {
    return this.subscriptions.filter((s) => s.active && (dropId === undefined || s.payload.variables?.id === dropId));
  }

  /** A `next` message with `data` to every open subscription of the drop. */
  push(dropId: string, dropUpdates: Record<string, unknown> | null, errors?: unknown[]) {
    for (const s of this.active(dropId)) s.sink.next({ data: { dropUpdates }, ...(errors ? { errors } : {}) });
  }

  /** An `error` message to the drop's subscriptions (they end). */
  fail(dropId: string, error: unknown = [{ message: 'boom' }]) {
    for (const s of this.active(dropId)) {
      s.active = false;
      s.sink.error(error);
    }
  }

  /** The socket closed (subscriptions stay: the real client re-subscribes when it reconnects). */
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }

  static latest(): FakeGraphQLClient {
    const c = FakeGraphQLClient.instances.at(-1);
    if (!c) throw new Error('no graphql-ws client was created');
    return c;
  }

  static reset() {
    FakeGraphQLClient.instances = [];
    FakeGraphQLClient.mode = 'offline';
  }
}

export function createClient(options: ClientOptions): Client {
  return new FakeGraphQLClient(options) as unknown as Client;
}
