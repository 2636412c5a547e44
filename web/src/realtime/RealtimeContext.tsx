import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useEndpoints } from '../api/context';
import type { RealtimeFrame } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { RealtimeClient, type FrameListener, type RealtimeState } from './RealtimeClient';

interface RealtimeValue {
  state: RealtimeState;
  /** Whether frames can arrive (signed in and the stream is open). */
  connected: boolean;
  subscribe(listener: FrameListener): () => void;
}

const noop = () => () => {};
const RealtimeContext = createContext<RealtimeValue>({ state: 'idle', connected: false, subscribe: noop });

export type RealtimeFactory = (getToken: () => Promise<string>) => RealtimeClient;
const defaultFactory: RealtimeFactory = (getToken) => new RealtimeClient({ getToken });

/** Opens the realtime stream while someone is signed in; anonymous visitors poll instead. */
export function RealtimeProvider({
  children,
  factory = defaultFactory,
}: {
  children: ReactNode;
  factory?: RealtimeFactory;
}) {
  const { status, user } = useAuth();
  const endpoints = useEndpoints();
  const [client, setClient] = useState<RealtimeClient | null>(null);
  const [state, setState] = useState<RealtimeState>('idle');

  useEffect(() => {
    if (status !== 'signedIn' || !user) return;
    const rt = factory(async () => (await endpoints.auth.realtimeToken()).token);
    const off = rt.onStateChange(setState);
    setClient(rt);
    rt.start();
    return () => {
      off();
      rt.stop();
      setClient(null);
      setState('idle');
    };
  }, [status, user?.id, endpoints, factory]);

  const subscribe = useCallback((l: FrameListener) => (client ? client.subscribe(l) : () => {}), [client]);
  const value = useMemo<RealtimeValue>(() => ({ state, connected: state === 'open', subscribe }), [state, subscribe]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeValue {
  return useContext(RealtimeContext);
}

/** Calls `handler` for every frame (of the given types, if any) while mounted. */
export function useRealtimeFrames(handler: (frame: RealtimeFrame) => void, types?: readonly string[]): void {
  const { subscribe } = useRealtime();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const typeKey = types?.join(',') ?? '';
  useEffect(
    () =>
      subscribe((frame) => {
        if (!typeKey || typeKey.split(',').includes(frame.type)) handlerRef.current(frame);
      }),
    [subscribe, typeKey],
  );
}
