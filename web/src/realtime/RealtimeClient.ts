import type { RealtimeFrame } from '../api/types';

export type RealtimeState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'replaced' | 'stopped';
export type FrameListener = (frame: RealtimeFrame) => void;

type EventSourceCtor = new (url: string) => EventSource;

export interface RealtimeClientOptions {
  /** A fresh realtime token (GET /api/realtime/token); it lives ≤ 5 min, one per connection. */
  getToken: () => Promise<string>;
  path?: string;
  EventSourceImpl?: EventSourceCtor;
  /** Back-off bounds for reconnecting after an error. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

const SEEN_LIMIT = 500;

/**
 * The realtime stream over Server-Sent Events (/api/realtime/sse). The server ends a stream at its
 * token's expiry or before a restart with `event: reconnect`, so every (re)connection fetches a
 * fresh token and resumes with `lastEventId`; `event: closed` means a newer stream of this user
 * replaced this one (another tab): stop, or the tabs would keep closing each other. Frames are
 * de-duplicated by id so a replay never shows a toast twice.
 */
export class RealtimeClient {
  private readonly options: Required<Omit<RealtimeClientOptions, 'EventSourceImpl'>> & {
    EventSourceImpl?: EventSourceCtor;
  };
  private source: EventSource | null = null;
  private listeners = new Set<FrameListener>();
  private stateListeners = new Set<(s: RealtimeState) => void>();
  private seen: string[] = [];
  private seenSet = new Set<string>();
  private lastEventId: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private generation = 0;
  state: RealtimeState = 'idle';

  constructor(options: RealtimeClientOptions) {
    this.options = {
      path: '/api/realtime/sse',
      minDelayMs: 1000,
      maxDelayMs: 30000,
      ...options,
    };
  }

  subscribe(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStateChange(listener: (s: RealtimeState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  start(): void {
    if (this.state !== 'idle' && this.state !== 'stopped' && this.state !== 'replaced') return;
    void this.connect();
  }

  stop(): void {
    this.generation++;
    this.closeSource();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.setState('stopped');
  }

  private setState(s: RealtimeState) {
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }

  private closeSource() {
    if (this.source) {
      this.source.onopen = null;
      this.source.onmessage = null;
      this.source.onerror = null;
      this.source.close();
      this.source = null;
    }
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.setState(this.failures > 0 ? 'reconnecting' : 'connecting');
    let token: string;
    try {
      token = await this.options.getToken();
    } catch {
      if (generation === this.generation) this.scheduleReconnect();
      return;
    }
    if (generation !== this.generation) return; // stopped meanwhile
    const ES = this.options.EventSourceImpl ?? globalThis.EventSource;
    if (!ES) {
      this.setState('stopped');
      return;
    }
    const params = new URLSearchParams({ token });
    if (this.lastEventId) params.set('lastEventId', this.lastEventId);
    const source = new ES(`${this.options.path}?${params.toString()}`);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.setState('open');
    };
    source.onmessage = (e: MessageEvent) => this.handleMessage(e);
    source.addEventListener('reconnect', () => {
      // token expiry or server restart: a fresh token, resume from the last id
      this.closeSource();
      this.failures = 0;
      void this.connect();
    });
    source.addEventListener('closed', () => {
      this.generation++;
      this.closeSource();
      this.setState('replaced');
    });
    source.onerror = () => {
      // The browser would retry with the same (maybe expired) token: reconnect ourselves instead.
      this.closeSource();
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect() {
    this.failures++;
    const base = Math.min(this.options.maxDelayMs, this.options.minDelayMs * 2 ** (this.failures - 1));
    const delay = base / 2 + Math.random() * (base / 2);
    this.setState('reconnecting');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const generation = this.generation;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (generation === this.generation) void this.connect();
    }, delay);
  }

  private handleMessage(e: MessageEvent) {
    let frame: RealtimeFrame;
    try {
      frame = JSON.parse(String(e.data)) as RealtimeFrame;
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== 'string') return;
    const id = frame.id ?? e.lastEventId;
    if (id) {
      this.lastEventId = id;
      if (this.seenSet.has(id)) return;
      this.seenSet.add(id);
      this.seen.push(id);
      if (this.seen.length > SEEN_LIMIT) this.seenSet.delete(this.seen.shift()!);
    }
    for (const listener of this.listeners) {
      try {
        listener(frame);
      } catch (err) {
        console.error('realtime listener failed', err);
      }
    }
  }
}
